import type { Question, RoleGuide } from '#libs/content';
import type { DimensionGrade } from './grade.schema.js';

/**
 * The overall score, 0–100, from the role guide's dimension weights: each scored dimension
 * maps 1→0, 2→33.3, 3→66.7, 4→100 and the weights of the scored dimensions are
 * renormalised, so a phase that scores two dimensions still yields a 0–100 figure.
 * Always computed here, never taken from a model.
 */
export function computeOverall(
  dimensions: readonly Pick<DimensionGrade, 'id' | 'score'>[],
  role: RoleGuide,
  question: Pick<Question, 'kind'>,
): number {
  const weights = new Map(role.sessions[question.kind].dimensions.map((d) => [d.id, d.weight]));
  let weighted = 0;
  let total = 0;
  const seen = new Set<string>();
  for (const dimension of dimensions) {
    const weight = weights.get(dimension.id);
    // Unknown or repeated ids are ignored: they cannot move the score.
    if (weight === undefined || seen.has(dimension.id)) continue;
    seen.add(dimension.id);
    weighted += weight * ((dimension.score - 1) / 3);
    total += weight;
  }
  if (total === 0) return 0;
  return Math.round((100 * weighted) / total);
}
