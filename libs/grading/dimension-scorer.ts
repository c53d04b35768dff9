import { SCORE_LABELS, type Dimension, type RoleGuide } from '#libs/content';
import type { CompiledQuestion } from './compiled-question.js';
import type { CoverageResult } from './coverage-judge.js';
import type { DimensionGrade, DimensionScore } from './grade.schema.js';
import type { GradingScope } from './grading-scope.js';
import type { MistakeResult } from './mistake-judge.js';
import type { QualitySignals } from './quality-signals.js';

export interface DimensionInputs {
  readonly compiled: CompiledQuestion;
  readonly role: RoleGuide;
  readonly scope: GradingScope;
  readonly keyPoints: ReadonlyMap<string, CoverageResult>;
  readonly mistakes: ReadonlyMap<string, MistakeResult>;
  readonly quality: QualitySignals;
  /** Non-answers and off-topic answers score 1 everywhere: there is nothing to credit. */
  readonly nothingToCredit: boolean;
}

const CREDIT = { covered: 1, partial: 0.5, missed: 0 } as const;
/** Strength → score cut-offs (1 below the first, 4 at or above the last). */
const CUTS = [0.2, 0.42, 0.68] as const;

/**
 * Scores each dimension in scope 1–4. Strength blends, per dimension, the weighted
 * coverage of its key points (expected by this phase, plus any covered early), the
 * generic cues of what its descriptors reward, and the answer's overall depth (coverage,
 * reasoning, substance). A present major mistake caps the dimension at 2 and a minor one
 * costs a point, as the grader prompt instructs the LLM.
 */
export function scoreDimensions(inputs: DimensionInputs): DimensionGrade[] {
  const { compiled, role, scope, quality } = inputs;
  const plan = new Map(role.sessions[compiled.question.kind].dimensions.map((d) => [d.id, d]));
  const overallCoverage = coverageOf(inputs, () => true);
  const depth =
    0.5 * (overallCoverage.ratio ?? 0) +
    0.25 * Math.min(1, quality.reasonedSentences / 6) +
    0.25 * Math.min(1, quality.contentTokens / 200);
  return scope.dimensions.map((id) => {
    const dimension = plan.get(id);
    const coverage = coverageOf(inputs, (dim) => dim === id);
    const cue = quality.cueStrength.get(id) ?? 0;
    let strength: number;
    if (id === 'communication') {
      const structure = 0.35 * cue + 0.35 * Math.min(1, quality.reasonedSentences / 5) + 0.3 * Math.min(1, quality.creditedSentences / 6);
      strength = 0.6 * structure + 0.4 * depth;
    } else if (coverage.ratio !== null) {
      strength = 0.55 * coverage.ratio + 0.2 * cue + 0.25 * depth;
    } else {
      strength = 0.55 * cue + 0.45 * depth;
    }
    let score = (1 + CUTS.filter((cut) => strength >= cut).length) as DimensionScore;
    // Word cues cannot prove level-4 behaviour; without key points of its own a dimension
    // reaches 4 only when the answer as a whole covers the rubric.
    if (coverage.ratio === null && (overallCoverage.ratio ?? 0) < 0.75) score = Math.min(score, 3) as DimensionScore;
    const mistakes = compiled.mistakes.filter((m) => m.mistake.dimension === id && inputs.mistakes.get(m.mistake.id)?.present);
    if (mistakes.some((m) => m.mistake.severity === 'major')) score = Math.min(score, 2) as DimensionScore;
    else if (mistakes.length > 0) score = Math.max(1, score - 1) as DimensionScore;
    if (inputs.nothingToCredit) score = 1;
    const why = explain(coverage, mistakes.map((m) => m.mistake.text), inputs.nothingToCredit, cue);
    return { id, score, reason: reasonFor(dimension, id, score, why) };
  });
}

interface DimensionCoverage {
  readonly ratio: number | null;
  readonly covered: string[];
  readonly partial: string[];
  readonly missed: string[];
}

function coverageOf(inputs: DimensionInputs, onDimension: (dimension: string) => boolean): DimensionCoverage {
  let weight = 0;
  let earned = 0;
  const out: DimensionCoverage = { ratio: null, covered: [], partial: [], missed: [] };
  for (const { keyPoint } of inputs.compiled.keyPoints) {
    if (!onDimension(keyPoint.dimension)) continue;
    const status = inputs.keyPoints.get(keyPoint.id)?.status ?? 'missed';
    // A point not yet due counts only if the candidate already made it (no penalty for order).
    if (!inputs.scope.expectedKeyPoints.has(keyPoint.id) && status === 'missed') continue;
    weight += keyPoint.weight;
    earned += keyPoint.weight * CREDIT[status];
    out[status].push(keyPoint.text);
  }
  return { ...out, ratio: weight > 0 ? earned / weight : null };
}

function explain(coverage: DimensionCoverage, mistakes: string[], nothing: boolean, cue: number): string {
  if (nothing) return 'the answer gives nothing on this to credit';
  const parts: string[] = [];
  if (coverage.ratio !== null) {
    const total = coverage.covered.length + coverage.partial.length + coverage.missed.length;
    parts.push(`the answer covers ${coverage.covered.length} of ${total} key points${coverage.covered.length ? ` (${coverage.covered.join('; ')})` : ''}`);
    if (coverage.partial.length) parts.push(`only touches ${coverage.partial.join('; ')}`);
  } else {
    const amount = cue >= 0.6 ? 'much' : cue >= 0.3 ? 'some' : 'little';
    parts.push(`the answer shows ${amount} of what this dimension rewards`);
  }
  if (mistakes.length) parts.push(`and it makes the mistake: ${mistakes.join('; ')}`);
  return parts.join(', ');
}

function reasonFor(dimension: Dimension | undefined, id: string, score: DimensionScore, why: string): string {
  const label = SCORE_LABELS[score];
  if (!dimension) return `${id}: ${score} (${label}) because ${why}.`;
  const descriptor = dimension.descriptors[String(score) as '1' | '2' | '3' | '4'].replace(/\.$/, '');
  return `${dimension.title} ${score} (${label}), closest to "${descriptor}", because ${why}.`;
}
