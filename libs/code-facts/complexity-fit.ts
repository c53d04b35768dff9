import { COMPLEXITY_CLASSES, type ComplexityClass } from '#libs/protocol';

export interface TimingPoint {
  n: number;
  ms: number;
}

export interface GrowthFit {
  /** Null when the points cannot carry a class (fewer than two, or all too fast to time). */
  measured: ComplexityClass | null;
  /** Log-log slope of the time per unit (per operation, or per call) against n. */
  slope: number | null;
  confident: boolean;
  contradicts: boolean;
}

const GROWTH: Record<ComplexityClass, (n: number) => number> = {
  'O(1)': () => 1,
  'O(log n)': (n) => Math.log2(n),
  'O(n)': (n) => n,
  'O(n log n)': (n) => n * Math.log2(n),
  'O(n²)': (n) => n * n,
  worse: (n) => n * n * n,
};
/** A measurement this far steeper than the required class's slope contradicts it (half a power of n). */
const CONTRADICTION_MARGIN = 0.5;
/** Within this of the required slope the measurement agrees with it: a log factor is below what timing can tell. */
const AGREEMENT_MARGIN = 0.25;
/** Timings cannot tell a log factor apart, so a class with one is named only when it is the required class or fits far better. */
const LOG_CLASS_PENALTY = 0.2;
/** A later size may take a little less than an earlier one by noise; much less means the timings are not growth. */
const NOISE_DIP = 0.85;
/** Below this a whole call is mostly timer and scheduler noise. */
const MIN_LARGEST_MS = 1;

/** The log-log slope a class shows between the smallest and largest size measured (log factors flatten it). */
export function expectedSlope(c: ComplexityClass, nMin: number, nMax: number): number {
  return Math.log(GROWTH[c](nMax) / GROWTH[c](nMin)) / Math.log(nMax / nMin);
}

function leastSquaresSlope(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
  const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return num / den;
}

/**
 * Classifies how a call's time grew with n. `per: 'operation'` divides each time by n first (n operations per
 * call). The slope of log(time) against log(n) is compared with each class's slope over the same sizes; a
 * measurement within a log factor of the required class counts as that class, since timings cannot tell them
 * apart. `stoppedEarly`: growth was cut short because a call ran over its budget, itself evidence of steep growth.
 */
export function classifyGrowth(
  points: readonly TimingPoint[],
  per: 'operation' | 'call',
  required: ComplexityClass,
  stoppedEarly = false,
): GrowthFit {
  const usable = points.filter((p) => p.n > 0 && p.ms > 0);
  if (usable.length < 2) return { measured: null, slope: null, confident: false, contradicts: false };
  const xs = usable.map((p) => Math.log(p.n));
  const ys = usable.map((p) => Math.log(per === 'operation' ? p.ms / p.n : p.ms));
  const slope = leastSquaresSlope(xs, ys);
  const nMin = usable[0]!.n;
  const nMax = usable.at(-1)!.n;
  const target = expectedSlope(required, nMin, nMax);
  const distance = (c: ComplexityClass) =>
    Math.abs(expectedSlope(c, nMin, nMax) - slope) + (c.includes('log') && c !== required ? LOG_CLASS_PENALTY : 0);
  const nearest = COMPLEXITY_CLASSES.reduce((best, c) => (distance(c) < distance(best) ? c : best));
  const measured = Math.abs(slope - target) <= AGREEMENT_MARGIN ? required : nearest;
  const growing = usable.every((p, i) => i === 0 || p.ms >= NOISE_DIP * usable[i - 1]!.ms);
  const confident = usable.at(-1)!.ms >= MIN_LARGEST_MS && growing && (usable.length >= 3 || stoppedEarly);
  // The largest sizes show the asymptote best: the last step must be steep too, not only the average.
  const tail = (ys.at(-1)! - ys.at(-2)!) / (xs.at(-1)! - xs.at(-2)!);
  return { measured, slope, confident, contradicts: confident && Math.min(slope, tail) > target + CONTRADICTION_MARGIN };
}
