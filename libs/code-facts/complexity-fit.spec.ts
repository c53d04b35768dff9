import { classifyGrowth, expectedSlope } from './complexity-fit.js';

/** Timings of a call at each size for a growth f, with an optional multiplicative wobble per point. */
const timings = (sizes: number[], f: (n: number) => number, wobble: number[] = []) => sizes.map((n, i) => ({ n, ms: f(n) * (wobble[i] ?? 1) }));
const SIZES = [2500, 5000, 10000, 20000];
const perOp = (costPerOp: (n: number) => number) => (n: number) => n * costPerOp(n);

describe(classifyGrowth.name, () => {
  it('reads per-operation growth: constant, logarithmic and linear work per operation', () => {
    const constant = classifyGrowth(
      timings(
        SIZES,
        perOp(() => 0.0002),
      ),
      'operation',
      'O(1)',
    );
    expect(constant).toMatchObject({ measured: 'O(1)', confident: true, contradicts: false });
    const log = classifyGrowth(
      timings(
        SIZES,
        perOp((n) => 0.0001 * Math.log2(n)),
      ),
      'operation',
      'O(log n)',
    );
    expect(log).toMatchObject({ measured: 'O(log n)', contradicts: false });
    const linear = classifyGrowth(
      timings(
        SIZES,
        perOp((n) => 1e-7 * n),
      ),
      'operation',
      'O(1)',
    );
    expect(linear).toMatchObject({ measured: 'O(n)', confident: true, contradicts: true });
    expect(linear.slope).toBeCloseTo(1, 5);
  });

  it('reads per-call growth and contradicts only what is clearly steeper than required', () => {
    const sort = (n: number) => 1e-4 * n * Math.log2(n);
    expect(classifyGrowth(timings(SIZES, sort), 'call', 'O(n log n)')).toMatchObject({ measured: 'O(n log n)', contradicts: false });
    expect(
      classifyGrowth(
        timings(SIZES, (n) => 1e-6 * n * n),
        'call',
        'O(n log n)',
      ),
    ).toMatchObject({ measured: 'O(n²)', contradicts: true });
    expect(
      classifyGrowth(
        timings(SIZES, (n) => 1e-10 * n ** 3),
        'call',
        'O(n log n)',
      ),
    ).toMatchObject({ measured: 'worse', contradicts: true });
    // Faster than required is never a contradiction.
    expect(
      classifyGrowth(
        timings(SIZES, (n) => 1e-3 * n),
        'call',
        'O(n log n)',
      ),
    ).toMatchObject({ measured: 'O(n log n)', contradicts: false });
  });

  it('does not tell a log factor from noise: within a log factor of the required class is that class', () => {
    // n log n work where O(n) is required: the slope is ~1.1, and timings cannot separate the two.
    expect(
      classifyGrowth(
        timings(SIZES, (n) => 1e-4 * n * Math.log2(n)),
        'call',
        'O(n)',
      ),
    ).toMatchObject({ measured: 'O(n)', contradicts: false });
    // Per-operation cost that creeps up with cache misses (1.5× over 8×) stays O(1).
    expect(
      classifyGrowth(
        timings(
          SIZES,
          perOp(() => 1e-4),
          [1, 1.1, 1.3, 1.5],
        ),
        'operation',
        'O(1)',
      ),
    ).toMatchObject({ measured: 'O(1)', contradicts: false });
  });

  it('needs a steep last step too: one slow point in the middle is not a trend', () => {
    const bump = timings(
      SIZES,
      perOp(() => 1e-4),
      [1, 1, 5, 5.5],
    );
    expect(classifyGrowth(bump, 'operation', 'O(1)').contradicts).toBe(false);
  });

  it('is not confident about timings that shrink as n grows, are too fast to time, or too few', () => {
    expect(
      classifyGrowth(
        [
          { n: 2500, ms: 4 },
          { n: 5000, ms: 1 },
          { n: 10000, ms: 2 },
          { n: 20000, ms: 4 },
        ],
        'call',
        'O(n)',
      ).confident,
    ).toBe(false);
    expect(
      classifyGrowth(
        timings(SIZES, (n) => 1e-7 * n * n * 1e-3),
        'call',
        'O(n)',
      ).confident,
    ).toBe(false);
    expect(classifyGrowth([{ n: 2500, ms: 3 }], 'call', 'O(n)')).toEqual({ measured: null, slope: null, confident: false, contradicts: false });
    // Two points are enough only when growth was cut short by the budget, itself a sign of steep growth.
    const two = timings([2500, 5000], (n) => 1e-5 * n * n);
    expect(classifyGrowth(two, 'call', 'O(n log n)').confident).toBe(false);
    expect(classifyGrowth(two, 'call', 'O(n log n)', true)).toMatchObject({ measured: 'O(n²)', confident: true, contradicts: true });
  });
});

describe(expectedSlope.name, () => {
  it('gives each class its log-log slope over the measured sizes', () => {
    expect(expectedSlope('O(1)', 1000, 8000)).toBe(0);
    expect(expectedSlope('O(n)', 1000, 8000)).toBeCloseTo(1, 10);
    expect(expectedSlope('O(n²)', 1000, 8000)).toBeCloseTo(2, 10);
    expect(expectedSlope('O(n log n)', 1000, 8000)).toBeGreaterThan(1.05);
    expect(expectedSlope('O(n log n)', 1000, 8000)).toBeLessThan(1.2);
  });
});
