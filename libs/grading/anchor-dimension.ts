import type { DimensionGrade } from './grade.schema.js';
import type { GradeInput } from './grader.port.js';

/** What anchoring needs to know of the grade input: whose weights, which question, which dimensions are in scope. */
export type AnchorContext = Pick<GradeInput, 'role' | 'question' | 'phaseId' | 'scope'>;

/**
 * The dimensions with `anchored` in place of a grader's score for it, or added when the grader left it out (the
 * offline grader does not score from words what only the code can show).
 */
export function withDimension(dimensions: readonly DimensionGrade[], anchored: DimensionGrade): DimensionGrade[] {
  return dimensions.some((d) => d.id === anchored.id) ? dimensions.map((d) => (d.id === anchored.id ? anchored : d)) : [...dimensions, anchored];
}
