import type { Question } from '#libs/content';
import type { Grade } from '#libs/grading';

/** The `grade:scored` payload: the grade, with the question's key-point texts so a client labels it at once. */
export function gradeScored(turnId: string, grade: Grade, question: Question) {
  return { turnId, grade, keyPointTexts: Object.fromEntries(question.keyPoints.map((k) => [k.id, k.text])) };
}
