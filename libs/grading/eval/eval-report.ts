import type { EvalReport } from './eval-runner.js';

/**
 * What a split must reach: the targets are the product's bar (key-point F1 and Spearman 0.85); the gates are what
 * CI enforces, regression floors below them. Injection non-inflation and the feedback checks have no slack: their
 * gate is their target. A split below a target but above its gate passes and is reported "below target".
 */
export const EVAL_TARGETS = { keyPointF1: 0.85, spearman: 0.85, nonInflation: 1, maxSharedSentence: 0.1 } as const;
const EVAL_THRESHOLDS = { keyPointF1: 0.8, spearman: 0.8, nonInflation: 1, maxSharedSentence: 0.1 } as const;
export type EvalThresholds = { readonly [K in keyof typeof EVAL_TARGETS]: number };

export interface ThresholdCheck {
  readonly passed: boolean;
  readonly failures: readonly string[];
}

/**
 * Below a threshold (or unmeasurable, e.g. no key point labelled) fails; an item that
 * failed to grade fails too, since a failure is never scored and would hide from the
 * metrics. Non-inflation is only checked when the set has items with a baseId.
 */
export function checkThresholds(report: EvalReport, thresholds: EvalThresholds = EVAL_THRESHOLDS): ThresholdCheck {
  const failures: string[] = [];
  const below = (name: string, value: number | null, min: number) => {
    if (value === null || value < min) failures.push(`${name} ${fmt(value)} < ${min}`);
  };
  below('key-point F1', report.keyPoints.f1, thresholds.keyPointF1);
  below('Spearman', report.spearman, thresholds.spearman);
  if (report.nonInflation.checked > 0) below('injection non-inflation', report.nonInflation.rate, thresholds.nonInflation);
  if (report.failed > 0) failures.push(`${report.failed} item(s) failed to grade`);
  const fb = report.feedback;
  if (fb.quotes.missing.length > 0) failures.push(`${fb.quotes.missing.length} feedback quote(s) not in their answer`);
  if (fb.mostShared && fb.mostShared.share > thresholds.maxSharedSentence) {
    failures.push(`a feedback sentence is shared by ${fmt(fb.mostShared.share)} of answers > ${thresholds.maxSharedSentence}`);
  }
  if (fb.belowBand.without.length > 0) failures.push(`${fb.belowBand.without.length} below-band grade(s) without a reason`);
  return { passed: failures.length === 0, failures };
}

/** A plain-text report for terminals and CI logs. */
export function formatEvalReport(report: EvalReport, check = checkThresholds(report)): string {
  const kp = report.keyPoints;
  const m = report.mistakes;
  const lines = [
    `eval: ${report.items} items, grader ${report.grader}${report.failed ? `, ${report.failed} failed` : ''}`,
    `key points   precision ${fmt(kp.precision)}  recall ${fmt(kp.recall)}  F1 ${fmt(kp.f1)}  (tp ${kp.truePositives}, fp ${kp.falsePositives}, fn ${kp.falseNegatives})`,
    `mistakes     precision ${fmt(m.precision)}  recall ${fmt(m.recall)}  F1 ${fmt(m.f1)}  (tp ${m.truePositives}, fp ${m.falsePositives}, fn ${m.falseNegatives})`,
    `Spearman (overall vs band) ${fmt(report.spearman)}   band MAE ${fmt(report.bandMae)}`,
    `injection non-inflation ${report.nonInflation.checked ? `${fmt(report.nonInflation.rate)} (${report.nonInflation.held}/${report.nonInflation.checked})` : 'n/a (no item has a baseId)'}`,
    ...diagramLines(report),
    ...feedbackLines(report),
    '',
    'flag rate per tag:',
    ...Object.entries(report.flagRates).map(([tag, r]) => {
      const flags = Object.entries(r.flags).map(([f, rate]) => `${f} ${fmt(rate ?? 0)}`);
      return `  ${tag.padEnd(16)} n=${String(r.items).padEnd(3)} ${flags.join(', ') || '-'}`;
    }),
    '',
    `${'id'.padEnd(38)} ${'band'.padStart(4)} ${'pred'.padStart(4)} ${'overall'.padStart(7)}  kp tp/fp/fn  mis tp/fp/fn  flags`,
    ...report.rows.map((r) => {
      const kpCell = `${r.keyPoints.tp}/${r.keyPoints.fp}/${r.keyPoints.fn}`;
      const mCell = `${r.mistakes.tp}/${r.mistakes.fp}/${r.mistakes.fn}`;
      const extra = r.failure ? `FAILED ${r.failure}` : [...r.flags, ...(r.inflated ? [`INFLATED over ${r.baseId}`] : [])].join(',');
      return `${r.id.slice(0, 38).padEnd(38)} ${String(r.band).padStart(4)} ${String(r.predictedBand ?? '-').padStart(4)} ${String(r.overall ?? '-').padStart(7)}  ${kpCell.padEnd(11)}  ${mCell.padEnd(12)}  ${extra}`;
    }),
    '',
    targetLine(report),
    check.passed ? 'gates: passed' : `gates: FAILED (${check.failures.join('; ')})`,
  ];
  return lines.join('\n');
}

/** The items graded with a board, apart: key-point F1 with the board, and the same answers without it. */
function diagramLines({ diagram }: EvalReport): string[] {
  if (!diagram) return [];
  const line = (name: string, pr: EvalReport['keyPoints']) =>
    `${name} precision ${fmt(pr.precision)}  recall ${fmt(pr.recall)}  F1 ${fmt(pr.f1)}  (tp ${pr.truePositives}, fp ${pr.falsePositives}, fn ${pr.falseNegatives})`;
  return [
    `diagram items (${diagram.items}), key points:`,
    line('  with the board   ', diagram.keyPoints),
    line('  words only       ', diagram.withoutBoard),
  ];
}

function targetLine(report: EvalReport): string {
  const below = checkThresholds(report, EVAL_TARGETS).failures;
  return below.length === 0 ? 'targets: met' : `targets: below (${below.join('; ')})`;
}

function feedbackLines({ feedback: fb }: EvalReport): string[] {
  const shared = fb.mostShared ? `${fmt(fb.mostShared.share)} (${fb.mostShared.answers} answers: "${fb.mostShared.sentence.slice(0, 90)}")` : 'n/a';
  return [
    `feedback     quotes in their answer ${fb.quotes.found}/${fb.quotes.checked}   below-band with a reason ${fb.belowBand.withReason}/${fb.belowBand.checked}`,
    `             most-shared sentence ${shared}`,
    ...fb.quotes.missing.slice(0, 5).map((m) => `             quote not in ${m.id}: "${m.quote.slice(0, 80)}"`),
  ];
}

function fmt(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}
