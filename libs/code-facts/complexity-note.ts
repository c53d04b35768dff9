import type { CodeComplexityFacts, ComplexityClass } from '#libs/protocol';
import type { GrowthFit, TimingPoint } from './complexity-fit.js';

const HOW: Record<ComplexityClass, string> = {
  'O(1)': 'stayed flat as n grew',
  'O(log n)': 'grew only logarithmically with n',
  'O(n)': 'grew linearly with n',
  'O(n log n)': 'grew like n log n',
  'O(n²)': 'grew quadratically with n',
  worse: 'grew faster than n²',
};

const times = (x: number) => `${x >= 10 ? Math.round(x) : Math.round(x * 10) / 10}×`;

/** The sentence and the one-line summary that carry a measurement to the grader, the report and the export. */
export function describeComplexity(
  scaling: { operation: string; per: 'operation' | 'call'; required: ComplexityClass },
  fit: GrowthFit,
  points: readonly TimingPoint[],
  stop: string | null,
): Pick<CodeComplexityFacts, 'note' | 'summary'> {
  const { operation, per, required } = scaling;
  const unit = per === 'operation' ? `per ${operation}` : `for ${operation}`;
  const summary = `measured ${fit.measured ?? 'no clear class'} ${unit} (required ${required})`;
  const first = points[0];
  const last = points.at(-1);
  if (!fit.measured || !first || !last || first === last) {
    return { summary, note: `Too little could be timed to classify the growth ${unit}.${stop ? ` ${stop}` : ''}` };
  }
  const subject = per === 'operation' ? `The time per ${operation}` : `The time for ${operation}`;
  const ratio = `${times(last.n / first.n)} the ${per === 'operation' ? 'operations' : 'input'} took ${times(last.ms / first.ms)} as long`;
  const verdict = fit.contradicts
    ? `, steeper than the required ${required}`
    : fit.measured === required
      ? `, consistent with the required ${required}`
      : `, against a required ${required}`;
  const caveat = fit.confident ? '' : ' The timings were too noisy to be conclusive.';
  return { summary, note: `${subject} ${HOW[fit.measured]} (${ratio})${verdict}.${stop ? ` ${stop}` : ''}${caveat}` };
}
