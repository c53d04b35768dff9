import { categoricalAgreement, quadraticKappa, scoreAgreement } from './agreement.js';

type Pair = [number, number];
const zip = (a: number[], b: number[]): Pair[] => a.map((x, i) => [x, b[i]!]);

describe(quadraticKappa.name, () => {
  it('is 1 for perfect agreement', () => {
    expect(quadraticKappa(zip([1, 2, 3, 4, 2], [1, 2, 3, 4, 2])).kappa).toBeCloseTo(1, 12);
  });

  it('is -1 for a full reversal with uniform marginals (hand-computed: Σw·O = 20/9, Σw·E = 10/9)', () => {
    expect(quadraticKappa(zip([1, 2, 3, 4], [4, 3, 2, 1])).kappa).toBeCloseTo(-1, 12);
  });

  it('matches a hand-computed 2×2 case: O = [[1,1],[0,2]], E = [[.5,1.5],[.5,1.5]] → 1 − (1/9)/(2/9) = 0.5', () => {
    expect(quadraticKappa(zip([1, 1, 2, 2], [1, 2, 2, 2])).kappa).toBeCloseTo(0.5, 12);
  });

  it('matches a hand-computed 4-category case: Σw·O = 5/9, Σw·E = 61/45 → κ = 1 − 25/61', () => {
    // a = [1,2,3,4,4], b = [1,3,3,2,4]: off-diagonal pairs (2,3) and (4,2) weigh 1/9 and 4/9.
    // Marginals r = (1,1,1,2), c = (1,1,2,1) give Σ(i−j)²·r_i·c_j = 18 + 7 + 6 + 30 = 61, over 9·n = 45.
    expect(quadraticKappa(zip([1, 2, 3, 4, 4], [1, 3, 3, 2, 4])).kappa).toBeCloseTo(36 / 61, 12);
  });

  it('penalises a two-step miss four times as much as a one-step miss', () => {
    const base = zip([1, 2, 3, 4, 1, 2, 3, 4], [1, 2, 3, 4, 1, 2, 3, 4]);
    const oneStep = quadraticKappa([...base, [2, 3]]).kappa!;
    const twoSteps = quadraticKappa([...base, [2, 4]]).kappa!;
    expect(twoSteps).toBeLessThan(oneStep);
  });

  it('is null with a reason when there are no pairs or each rater used one category', () => {
    expect(quadraticKappa([])).toEqual({ kappa: null, note: 'no pairs' });
    expect(quadraticKappa(zip([3, 3, 3], [3, 3, 3]))).toEqual({ kappa: null, note: expect.stringContaining('same category') });
    // Constant but different raters: chance predicts exactly what happened, so kappa is 0, not undefined.
    expect(quadraticKappa(zip([2, 2], [4, 4])).kappa).toBe(0);
  });

  it('refuses scores outside 1..k', () => {
    expect(() => quadraticKappa([[0, 1]])).toThrow(RangeError);
    expect(() => quadraticKappa([[1, 5]])).toThrow(RangeError);
  });
});

describe(scoreAgreement.name, () => {
  it('counts exact and within-one agreement', () => {
    const sut = scoreAgreement(zip([1, 2, 3, 4], [1, 3, 1, 4]));
    expect(sut).toMatchObject({ n: 4, exact: 0.5, withinOne: 0.75 });
    expect(sut.kappa).not.toBeNaN();
  });

  it('answers nulls, not NaN, with nothing reviewed', () => {
    expect(scoreAgreement([])).toEqual({ n: 0, exact: null, withinOne: null, kappa: null, kappaNote: 'no reviewed scores' });
  });

  it('keeps exact agreement but gives no kappa when everything is one category', () => {
    expect(scoreAgreement(zip([2, 2], [2, 2]))).toMatchObject({ n: 2, exact: 1, withinOne: 1, kappa: null });
  });
});

describe(categoricalAgreement.name, () => {
  it('is the share of equal statuses', () => {
    expect(
      categoricalAgreement([
        ['covered', 'covered'],
        ['missed', 'partial'],
        ['missed', 'missed'],
      ]),
    ).toEqual({
      n: 3,
      agreement: 2 / 3,
      disagreements: 1,
    });
    expect(categoricalAgreement([])).toEqual({ n: 0, agreement: null, disagreements: 0 });
  });
});
