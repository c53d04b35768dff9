/** Precision, recall and F1 of a binary decision; null where the denominator is 0. */
export interface PrecisionRecall {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

export function precisionRecall(truePositives: number, falsePositives: number, falseNegatives: number): PrecisionRecall {
  const precision = truePositives + falsePositives === 0 ? null : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? null : truePositives / (truePositives + falseNegatives);
  const f1 =
    truePositives + falsePositives + falseNegatives === 0 ? null : (2 * truePositives) / (2 * truePositives + falsePositives + falseNegatives);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

/** Counts of one item's predicted vs labelled id sets, over the ids the rubric defines. */
export function confusion(
  universe: readonly string[],
  predicted: ReadonlySet<string>,
  labelled: ReadonlySet<string>,
): { tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const id of universe) {
    const p = predicted.has(id);
    const l = labelled.has(id);
    if (p && l) tp++;
    else if (p) fp++;
    else if (l) fn++;
  }
  return { tp, fp, fn };
}

/** Ranks 1..n, tied values sharing the mean of their ranks. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length).fill(0);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]?.[1] ?? 0] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * Spearman's rho as the Pearson correlation of average ranks (the tie-correct form);
 * null when fewer than two items or when either side is constant.
 */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new RangeError('spearman needs two series of the same length');
  if (xs.length < 2) return null;
  return pearson(averageRanks(xs), averageRanks(ys));
}

function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * The band a grade's overall score stands for. Dimension scores 1–4 map to 0, 33, 67
 * and 100, so the cut-offs sit halfway between: 0–16 → 1, 17–49 → 2, 50–83 → 3,
 * 84–100 → 4 (an answer whose dimensions are mostly 3 is a 3).
 */
const BAND_CUTOFFS = [17, 50, 84] as const;

export function bandOf(overall: number): 1 | 2 | 3 | 4 {
  return (1 + BAND_CUTOFFS.filter((cut) => overall >= cut).length) as 1 | 2 | 3 | 4;
}

export function meanAbsoluteError(predicted: readonly number[], labelled: readonly number[]): number | null {
  if (predicted.length === 0) return null;
  return predicted.reduce((sum, p, i) => sum + Math.abs(p - (labelled[i] ?? 0)), 0) / predicted.length;
}
