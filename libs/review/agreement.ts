/**
 * Agreement between two raters (the AI and a coach) over ordinal scores 1..k. Degenerate inputs get a null
 * statistic with a reason, never NaN.
 */
export interface ScoreAgreement {
  n: number;
  exact: number | null;
  withinOne: number | null;
  kappa: number | null;
  /** Why kappa is null, when it is. */
  kappaNote?: string;
}

/**
 * Quadratic-weighted Cohen's kappa over categories 1..k: 1 − Σ w·O / Σ w·E with w = (i−j)²/(k−1)², O the
 * observed pair counts and E the counts expected from the two raters' marginals. 1 is perfect agreement, 0 what
 * chance gives, negative worse than chance.
 */
export function quadraticKappa(pairs: readonly (readonly [number, number])[], k = 4): { kappa: number | null; note?: string } {
  const n = pairs.length;
  if (n === 0) return { kappa: null, note: 'no pairs' };
  for (const [a, b] of pairs) {
    if (!isCategory(a, k) || !isCategory(b, k)) throw new RangeError(`scores must be integers 1..${k}, got ${a} and ${b}`);
  }
  const rowTotals = new Array<number>(k).fill(0);
  const colTotals = new Array<number>(k).fill(0);
  let observed = 0;
  for (const [a, b] of pairs) {
    rowTotals[a - 1]! += 1;
    colTotals[b - 1]! += 1;
    observed += weight(a, b, k);
  }
  let expected = 0;
  for (let i = 1; i <= k; i++) {
    for (let j = 1; j <= k; j++) expected += (weight(i, j, k) * rowTotals[i - 1]! * colTotals[j - 1]!) / n;
  }
  // Both raters used one and the same category: there is no disagreement even by chance, so kappa is undefined.
  if (expected === 0) return { kappa: null, note: 'both raters used one and the same category only: kappa is undefined' };
  return { kappa: 1 - observed / expected };
}

export function scoreAgreement(pairs: readonly (readonly [number, number])[], k = 4): ScoreAgreement {
  const n = pairs.length;
  if (n === 0) return { n, exact: null, withinOne: null, kappa: null, kappaNote: 'no reviewed scores' };
  const exact = pairs.filter(([a, b]) => a === b).length / n;
  const withinOne = pairs.filter(([a, b]) => Math.abs(a - b) <= 1).length / n;
  const { kappa, note } = quadraticKappa(pairs, k);
  return note === undefined ? { n, exact, withinOne, kappa } : { n, exact, withinOne, kappa, kappaNote: note };
}

/** Share of items both raters put in the same category (key-point statuses), with the count it is out of. */
export function categoricalAgreement<T>(pairs: readonly (readonly [T, T])[]): { n: number; agreement: number | null; disagreements: number } {
  const agreed = pairs.filter(([a, b]) => a === b).length;
  return { n: pairs.length, agreement: pairs.length === 0 ? null : agreed / pairs.length, disagreements: pairs.length - agreed };
}

function weight(i: number, j: number, k: number): number {
  return (i - j) ** 2 / (k - 1) ** 2;
}

function isCategory(x: number, k: number): boolean {
  return Number.isInteger(x) && x >= 1 && x <= k;
}
