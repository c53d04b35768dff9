import type { ScalingSpec } from '#libs/content';
import type { CodeComplexityFacts } from '#libs/protocol';
import type { SandboxLanguage, SandboxOutcome, SandboxRequest } from '#libs/sandbox';
import { classifyGrowth, type TimingPoint } from './complexity-fit.js';
import { describeComplexity } from './complexity-note.js';
import { scalingArgs } from './scaling-inputs.js';

/**
 * Rounds over all sizes, so each size is timed this many times and its fastest run counts: load on the machine only
 * ever adds time (the minimum of repeats is the usual robust estimate of CPU time under interference), and with
 * the sizes interleaved a burst of load slows one run of several sizes, not every run of one size (which bent the
 * last step of the growth when the repeats of a size ran back to back). The first round, which finds how far the
 * sizes can grow, gets 1/TIMING_ROUNDS of the budget so that the later rounds fit in the rest.
 */
const TIMING_ROUNDS = 3;
/**
 * Calls at half the first size come first, in a row, in the first round only: a JIT compiles the code and the heap
 * settles (the first calls of a fresh process run slower whatever their size), and the sizes keep doubling for
 * the harness's forecast.
 */
const WARM_UP_REPEATS = 8;
/** A single call over this share of the budget ends the growth: its size is as large as the run can afford. */
const CALL_SHARE_OF_BUDGET = 1 / 3;
/** Start-up and reading the inputs, on top of the calls' own budget, before the run's wall clock stops it. */
const WALL_HEADROOM_MS = 800;

/**
 * The timing run of a submission: one sandbox run calling the entry point at each size of the question's
 * scaling spec, TIMING_ROUNDS times over (only the generated arguments enter the sandbox), within `budgetMs` of
 * call time in total.
 */
export function scalingRequest(scaling: ScalingSpec, language: SandboxLanguage, code: string, entryPoint: string, budgetMs: number): SandboxRequest {
  const sizes = scaling.sizes[language];
  const warmUp = Math.max(1, Math.floor(sizes[0]! / 2));
  return {
    language,
    code,
    entryPoint,
    calls: [{ args: scalingArgs(scaling.input, warmUp), repeat: WARM_UP_REPEATS }, ...sizes.map((n) => ({ args: scalingArgs(scaling.input, n) }))],
    timing: {
      callBudgetMs: Math.round(budgetMs * CALL_SHARE_OF_BUDGET),
      totalBudgetMs: budgetMs,
      rounds: TIMING_ROUNDS,
      wallMs: budgetMs + WALL_HEADROOM_MS,
    },
  };
}

/**
 * Turns timing runs of the same request into complexity facts, or says why there are none. With more than one run,
 * each size counts its fastest: noise only ever adds time.
 */
export function complexityFromRuns(
  scaling: ScalingSpec,
  language: SandboxLanguage,
  outcomes: readonly SandboxOutcome[],
  testsPassed: boolean,
): { facts: CodeComplexityFacts } | { missing: string } {
  const sizes = scaling.sizes[language];
  for (const outcome of outcomes) {
    if (outcome.termination === 'COMPILE_ERROR' || (outcome.termination === 'RUNTIME_ERROR' && !outcome.calls.some((c) => c.ran))) {
      return { missing: `not timed: the code did not load for the scaling run (${outcome.termination})` };
    }
    const raised = outcome.calls.findIndex((c) => c.ran && !c.ok);
    if (raised !== -1)
      return {
        missing: `not timed: the entry point raised an exception on a generated input of size ${raised === 0 ? Math.floor(sizes[0]! / 2) : sizes[raised - 1]}`,
      };
  }
  // Times come from inside the sandbox, next to the candidate's code: anything but a plain number is refused.
  if (outcomes.some((o) => o.calls.some((c) => c.ran && (typeof c.timeMs !== 'number' || !Number.isFinite(c.timeMs) || c.timeMs < 0)))) {
    return { missing: 'not timed: the timing run reported malformed times' };
  }
  // The first call of each run is the warm-up, at half the first size.
  const warmUp = Math.max(1, Math.floor(sizes[0]! / 2));
  const fastest = (i: number) => Math.min(...outcomes.filter((o) => o.calls[i]?.ran).map((o) => o.calls[i]!.timeMs));
  const reached = (o: SandboxOutcome) => o.calls.slice(1).filter((c) => c.ran).length;
  const furthest = outcomes.reduce((best, o) => (reached(o) > reached(best) ? o : best));
  const sized: TimingPoint[] = sizes.slice(0, reached(furthest)).map((n, i) => ({ n, ms: fastest(i + 1) }));
  const next = sizes[sized.length];
  const slow = furthest.termination === 'TIMEOUT' || (furthest.termination === null && next !== undefined);
  // Growth cut short after fewer than three sizes: the warm-up is a measurement too, and the steep part is the point.
  const points = slow && sized.length < 3 && furthest.calls[0]?.ran ? [{ n: warmUp, ms: fastest(0) }, ...sized] : sized;
  const stop =
    next === undefined
      ? null
      : furthest.termination === 'TIMEOUT'
        ? `The call at n=${next} did not finish within the time budget.`
        : furthest.termination === null
          ? `Growth stopped after n=${sized.at(-1)?.n ?? warmUp}: the next size would have run past the time budget.`
          : `The call at n=${next} stopped: ${furthest.message ?? furthest.termination}.`;
  const fit = classifyGrowth(points, scaling.per, scaling.required, slow);
  const { note, summary } = describeComplexity(scaling, fit, points, stop);
  return {
    facts: {
      required: scaling.required,
      measured: fit.measured,
      operation: scaling.operation,
      per: scaling.per,
      points,
      confident: fit.confident,
      contradicts: fit.contradicts,
      note: testsPassed ? note : `${note} The code failed some tests, so this times code that is not yet correct.`,
      summary,
    },
  };
}
