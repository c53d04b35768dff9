import { computeOverall } from './compute-overall.js';
import type { DimensionGrade, Grade, GradeFlag, GraderName, KeyPointGrade, KeyPointStatus, MistakeGrade } from './grade.schema.js';
import type { GradeInput, Grader } from './grader.port.js';

/** A dimension gap of this many points (on 1–4) is a strong disagreement. */
const STRONG_DIMENSION_GAP = 2;

/** The offline grader's own verdicts about the answer, kept on the final grade for the coach. */
const CARRIED_RUBRIC_FLAGS: readonly GradeFlag[] = ['injection_suspected', 'off_topic', 'non_answer', 'keyword_stuffing'];

const RANK: Record<KeyPointStatus, number> = { missed: 0, partial: 1, covered: 2 };

/**
 * Reconciles the LLM's grade with the rubric grader's grade of the same answer. The LLM's
 * grade stands, with two rules:
 *
 * 1. Disagreement. When one grader calls a key point covered and the other missed, or their
 *    scores for a dimension differ by `STRONG_DIMENSION_GAP` or more, the grade is flagged
 *    `low_confidence` for coach review. Scores are not averaged: a coach decides.
 * 2. Injection. When either grader suspects text addressed to the grader, the answer may
 *    gain nothing from it, so the grade is capped by both: each key point takes the lower
 *    status, each dimension the lower score (with that grader's reason), a mistake is
 *    present if either found it, and the overall is recomputed. The LLM only ever saw the
 *    answer with the detected passages removed (`screenInput`), so its grade is the grade
 *    without them; the rubric cap covers what the detector missed but the LLM noticed.
 *
 * The rubric grader's `off_topic`, `non_answer` and `keyword_stuffing` flags are carried
 * over (they are evidence for the coach, not scores); provenance stays the LLM's.
 */
export function crossCheck(llm: Grade, rubric: Grade, context: Pick<GradeInput, 'role' | 'question'>): Grade {
  const flags = new Set<GradeFlag>(llm.flags);
  for (const flag of rubric.flags) if (CARRIED_RUBRIC_FLAGS.includes(flag)) flags.add(flag);
  if (stronglyDisagree(llm, rubric)) flags.add('low_confidence');
  if (!flags.has('injection_suspected')) return { ...llm, flags: [...flags] };

  const rubricPoints = byId(rubric.keyPoints);
  const rubricMistakes = byId(rubric.mistakes);
  const rubricDimensions = byId(rubric.dimensions);
  const keyPoints = llm.keyPoints.map((kp): KeyPointGrade => {
    const other = rubricPoints.get(kp.id);
    return other && RANK[other.status] < RANK[kp.status] ? other : kp;
  });
  const mistakes = llm.mistakes.map((m): MistakeGrade => {
    const other = rubricMistakes.get(m.id);
    return other?.status === 'present' && m.status === 'absent' ? other : m;
  });
  const dimensions = llm.dimensions.map((d): DimensionGrade => {
    const other = rubricDimensions.get(d.id);
    if (!other || other.score >= d.score) return d;
    return { ...other, reason: `Capped by the rubric check because the answer addresses the grader: ${other.reason}` };
  });
  return {
    ...llm,
    keyPoints,
    mistakes,
    dimensions,
    overall: computeOverall(dimensions, context.role, context.question),
    flags: [...flags],
  };
}

/** Covered vs missed on a key point both graded, or a dimension gap of two or more. */
function stronglyDisagree(a: Grade, b: Grade): boolean {
  const bPoints = byId(b.keyPoints);
  const pointClash = a.keyPoints.some((kp) => {
    const other = bPoints.get(kp.id)?.status;
    return other !== undefined && Math.abs(RANK[kp.status] - RANK[other]) === 2;
  });
  const bDimensions = byId(b.dimensions);
  const dimensionGap = a.dimensions.some((d) => {
    const other = bDimensions.get(d.id);
    return other !== undefined && Math.abs(d.score - other.score) >= STRONG_DIMENSION_GAP;
  });
  return pointClash || dimensionGap;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/**
 * The LLM grader with the rubric cross-check: both grade the same answer (the rubric
 * grader is cheap and offline) and `crossCheck` reconciles them. The rubric grader runs
 * first so a bug there fails fast without spending tokens; an LLM failure is not papered
 * over with the rubric grade: it propagates, and the grade is stored as failed.
 */
export class CrossCheckedGrader implements Grader {
  readonly name: GraderName;

  constructor(
    private readonly llm: Grader,
    private readonly rubric: Grader,
  ) {
    this.name = llm.name;
  }

  async grade(input: GradeInput, signal?: AbortSignal): Promise<Grade> {
    const rubricGrade = await this.rubric.grade(input, signal);
    const llmGrade = await this.llm.grade(input, signal);
    return crossCheck(llmGrade, rubricGrade, input);
  }
}
