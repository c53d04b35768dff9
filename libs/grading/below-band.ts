import type { Question, RoleGuide } from '#libs/content';
import type { DimensionGrade, Feedback } from './grade.schema.js';

/** Overall below which an answer must say why (band 3, "lean hire", starts at 50). */
export const PASSING_OVERALL = 50;

/**
 * An answer below the passing band always carries a concrete reason: when a grader gave no improvement, the
 * reasons of its weakest dimensions (at most two, scored below 3) are the improvements.
 */
export function withBelowBandReasons(
  feedback: Feedback,
  dimensions: readonly DimensionGrade[],
  overall: number,
  role: RoleGuide,
  question: Pick<Question, 'kind'>,
): Feedback {
  if (overall >= PASSING_OVERALL || feedback.improvements.length > 0) return feedback;
  const titles = new Map(role.sessions[question.kind].dimensions.map((d) => [d.id, d.title]));
  const reasons = [...dimensions]
    .filter((d) => d.score < 3)
    .sort((a, b) => a.score - b.score)
    .slice(0, 2)
    .map((d) => `${titles.get(d.id) ?? d.id} is at ${d.score} of 4: ${d.reason}`);
  return { ...feedback, improvements: reasons };
}
