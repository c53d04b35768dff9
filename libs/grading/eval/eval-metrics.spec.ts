import { averageRanks, bandOf, confusion, meanAbsoluteError, precisionRecall, spearman } from './eval-metrics.js';

describe(precisionRecall.name, () => {
  it('computes precision, recall and F1 by hand', () => {
    const sut = precisionRecall(6, 2, 4);
    expect(sut.precision).toBeCloseTo(0.75);
    expect(sut.recall).toBeCloseTo(0.6);
    expect(sut.f1).toBeCloseTo((2 * 0.75 * 0.6) / (0.75 + 0.6));
  });

  it('reports null where a ratio is undefined', () => {
    expect(precisionRecall(0, 0, 3)).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(precisionRecall(0, 0, 0)).toMatchObject({ precision: null, recall: null, f1: null });
  });
});

describe(confusion.name, () => {
  it('counts over the rubric ids only', () => {
    expect(confusion(['a', 'b', 'c', 'd'], new Set(['a', 'b', 'x']), new Set(['b', 'c']))).toEqual({ tp: 1, fp: 1, fn: 1 });
  });
});

describe(spearman.name, () => {
  it('is 1 for a monotone relation and -1 for a reversed one', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 400])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
  });

  it('uses average ranks for ties', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    // x ranks [1, 2.5, 2.5, 4], y ranks [1, 2, 3, 4]: Pearson = 4.5 / sqrt(4.5 * 5).
    expect(spearman([10, 20, 20, 30], [1, 2, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 10);
  });

  it('matches a hand-computed case with ties on both sides', () => {
    // x = overall, y = bands: ranks x [1, 2, 3.5, 3.5, 5], y [1.5, 1.5, 3, 4.5, 4.5].
    const rx = [1, 2, 3.5, 3.5, 5];
    const ry = [1.5, 1.5, 3, 4.5, 4.5];
    const mean = 3;
    const sxy = rx.reduce((s, r, i) => s + (r - mean) * ((ry[i] ?? 0) - mean), 0);
    const sxx = rx.reduce((s, r) => s + (r - mean) ** 2, 0);
    const syy = ry.reduce((s, r) => s + (r - mean) ** 2, 0);
    expect(spearman([5, 20, 40, 40, 90], [1, 1, 2, 3, 3])).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 10);
  });

  it('is null when a side is constant or too short', () => {
    expect(spearman([1, 2, 3], [2, 2, 2])).toBeNull();
    expect(spearman([1], [1])).toBeNull();
  });
});

describe(bandOf.name, () => {
  it('uses the documented cut-offs', () => {
    expect([0, 16, 17, 49, 50, 83, 84, 100].map(bandOf)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });
});

describe(meanAbsoluteError.name, () => {
  it('averages absolute differences', () => {
    expect(meanAbsoluteError([1, 2, 4], [2, 2, 1])).toBeCloseTo(4 / 3);
    expect(meanAbsoluteError([], [])).toBeNull();
  });
});
