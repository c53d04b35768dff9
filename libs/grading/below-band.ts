import type { Question, RoleGuide } from '#libs/content';
import type { DimensionGrade, Feedback, Grade } from './grade.schema.js';

/** Overall below which an answer must say why (band 3, "lean hire", starts at 50). */
export const PASSING_OVERALL = 50;

/**
 * An answer below the passing band, or with a dimension below it, always carries a concrete reason: when a grader
 * gave no improvement, the reasons of its weakest dimensions (at most two, scored below 3) are the improvements. A
 * 73 whose communication sits at 2 says so, instead of showing a strength alone.
 */
export function withBelowBandReasons(
  feedback: Feedback,
  dimensions: readonly DimensionGrade[],
  overall: number,
  role: RoleGuide,
  question: Pick<Question, 'kind'>,
): Feedback {
  if (feedback.improvements.length > 0 || (overall >= PASSING_OVERALL && dimensions.every((d) => d.score >= 3))) return feedback;
  return { ...feedback, improvements: belowBandLines(dimensions, role, question) };
}

/** The lines `withBelowBandReasons` gives: the reasons of the (at most two) weakest dimensions scored below 3. */
function belowBandLines(dimensions: readonly DimensionGrade[], role: RoleGuide, question: Pick<Question, 'kind'>): string[] {
  const titles = new Map(role.sessions[question.kind].dimensions.map((d) => [d.id, d.title]));
  return [...dimensions]
    .filter((d) => d.score < 3)
    .sort((a, b) => a.score - b.score)
    .slice(0, 2)
    .map((d) => `${titles.get(d.id) ?? d.id} is at ${d.score} of 4: ${d.reason}`);
}

/**
 * After a dimension was re-scored from outside the grader (tests, code facts): the below-band lines written for
 * the old scores are dropped and, if the grade is still below the band without a reason, written anew.
 */
export function refreshBelowBandReasons(before: Grade, after: Grade, role: RoleGuide, question: Pick<Question, 'kind'>): Grade {
  if (before.dimensions === after.dimensions) return after;
  const stale = new Set(belowBandLines(before.dimensions, role, question));
  const feedback = { ...after.feedback, improvements: after.feedback.improvements.filter((line) => !stale.has(line)) };
  return { ...after, feedback: withBelowBandReasons(feedback, after.dimensions, after.overall, role, question) };
}
