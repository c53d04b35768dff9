import { isDeepStrictEqual } from 'node:util';
import type { CodeCustomRunDto, CodeTestResultDto } from '#libs/protocol';
import type { RunStatus, SandboxOutcome } from './sandbox.types.js';

export interface JudgedTestInput {
  name: string;
  args: unknown[];
  expected: unknown;
  hidden: boolean;
}

/** One test's full result: stored on the server. Hidden ones are cut down by `toCandidateTests`. */
type TestResult = CodeTestResultDto;

export interface CodeRunResult {
  status: RunStatus;
  tests: TestResult[];
  compileError?: string;
  /** Why the run stopped early, when it did. */
  message?: string;
  stdout?: string;
  stderr?: string;
  visible: { passed: number; total: number };
  hidden: { passed: number; total: number };
  wallMs: number;
  /** Server-side only: why the hidden run stopped (its own message, which may carry an input: "exit code 41"). */
  hiddenDetail?: string;
  /** A run on the candidate's own input: its one call (no tests). */
  custom?: CodeCustomRunDto;
}

/** `exact`: deep equality; `unordered`: the top-level array compared as a multiset. */
export function resultMatches(comparison: 'exact' | 'unordered', actual: unknown, expected: unknown): boolean {
  if (comparison === 'exact' || !Array.isArray(actual) || !Array.isArray(expected)) return isDeepStrictEqual(actual, expected);
  const key = (v: unknown) => JSON.stringify(v);
  return isDeepStrictEqual(actual.map(key).sort(), expected.map(key).sort());
}

/** Compares each call's return value with its test's expected value, on the server side. */
export function judge(tests: readonly JudgedTestInput[], outcome: SandboxOutcome, comparison: 'exact' | 'unordered'): CodeRunResult {
  const results: TestResult[] = tests.map((test, i) => {
    const call = outcome.calls[i]!;
    const passed = call.ran && call.ok && resultMatches(comparison, call.actual, test.expected);
    return {
      name: test.name,
      hidden: test.hidden,
      passed,
      expected: test.expected,
      // A visible test's arguments are shown beside expected and actual; a hidden one's never leave the server.
      ...(test.hidden ? {} : { input: test.args }),
      ...(call.ran && call.ok ? { actual: call.actual } : {}),
      ...(call.error ? { error: call.error } : {}),
      stdout: call.stdout,
      stderr: call.stderr,
      timeMs: call.timeMs,
    };
  });
  const count = (hidden: boolean) => {
    const set = results.filter((r) => r.hidden === hidden);
    return { passed: set.filter((r) => r.passed).length, total: set.length };
  };
  const raised = outcome.calls.some((c) => c.ran && !c.ok);
  const status: RunStatus = outcome.termination ?? (raised ? 'RUNTIME_ERROR' : results.every((r) => r.passed) ? 'PASSED' : 'FAILED');
  return {
    status,
    tests: results,
    ...(outcome.termination === 'COMPILE_ERROR' ? { compileError: outcome.message ?? 'compile error' } : {}),
    ...(outcome.message && outcome.termination !== 'COMPILE_ERROR' ? { message: outcome.message } : {}),
    ...(outcome.stdout ? { stdout: outcome.stdout } : {}),
    ...(outcome.stderr ? { stderr: outcome.stderr } : {}),
    visible: count(false),
    hidden: count(true),
    wallMs: outcome.wallMs,
  };
}

/**
 * A run on the candidate's own arguments: one call, nothing to compare. Its status is how the program ended
 * (`PASSED` when the call returned, `RUNTIME_ERROR` when it raised, a limit's status when one stopped it); output
 * printed while loading the code comes before the call's own.
 */
export function customRunResult(args: unknown[], outcome: SandboxOutcome): CodeRunResult {
  const call = outcome.calls[0] ?? { ran: false, ok: false, stdout: '', stderr: '', timeMs: 0 };
  const joined = (a: string, b: string) => [a, b].filter(Boolean).join('\n');
  const stdout = joined(outcome.stdout, call.stdout);
  const stderr = joined(outcome.stderr, call.stderr);
  const status: RunStatus = outcome.termination ?? (call.ran && call.ok ? 'PASSED' : 'RUNTIME_ERROR');
  return {
    status,
    tests: [],
    ...(outcome.termination === 'COMPILE_ERROR' ? { compileError: outcome.message ?? 'compile error' } : {}),
    ...(outcome.message && outcome.termination !== 'COMPILE_ERROR' ? { message: outcome.message } : {}),
    visible: { passed: 0, total: 0 },
    hidden: { passed: 0, total: 0 },
    wallMs: outcome.wallMs,
    custom: {
      args,
      returned: call.ran && call.ok,
      ...(call.ran && call.ok ? { value: call.actual } : {}),
      ...(call.error ? { error: call.error } : {}),
      ...(stdout ? { stdout } : {}),
      ...(stderr ? { stderr } : {}),
      ...(call.ran ? { timeMs: call.timeMs } : {}),
    },
  };
}

/**
 * What leaves the server: a hidden test is its pass/fail under a neutral name, nothing else. Its name hints at its
 * input, and its time, error, output or exit code could carry the input out (sleep for `n` ms, exit with `n`).
 */
export function toCandidateTests<T extends { hidden: boolean; passed: boolean }>(
  tests: readonly T[],
): (T | { name: string; hidden: true; passed: boolean })[] {
  let hiddenIndex = 0;
  return tests.map((t) => (t.hidden ? { name: `hidden test ${++hiddenIndex}`, hidden: true as const, passed: t.passed } : t));
}

/**
 * A stored result as the candidate (code:result, the timeline, the report) may see it: hidden tests cut down, and
 * no wall time once hidden tests ran (it sums their times). The hidden run's own message never got into `message`.
 */
export function toCandidateResult<R extends CodeRunResult>(
  result: R,
): Omit<R, 'tests' | 'wallMs' | 'hiddenDetail'> & { tests: ReturnType<typeof toCandidateTests<TestResult>>; wallMs?: number } {
  const { tests, wallMs, hiddenDetail: _detail, ...rest } = result;
  return { ...rest, tests: toCandidateTests(tests), ...(result.hidden.total === 0 ? { wallMs } : {}) };
}

const COMPLETED: readonly RunStatus[] = ['PASSED', 'FAILED'];

/**
 * A submission runs its hidden tests in a sandbox of their own, so no output the candidate sees can carry a
 * hidden input. The combined status is the first run's when it stopped early, then the hidden run's, else
 * PASSED only when both passed. Module-level output and messages come from the visible run alone.
 */
export function mergeSubmission(visible: CodeRunResult, hidden: CodeRunResult): CodeRunResult {
  const status: RunStatus = !COMPLETED.includes(visible.status)
    ? visible.status
    : !COMPLETED.includes(hidden.status)
      ? hidden.status
      : visible.status === 'PASSED' && hidden.status === 'PASSED'
        ? 'PASSED'
        : 'FAILED';
  // The hidden run's own message may carry an input (an exit code, a signal, text the program raised): the
  // candidate gets its coarse status alone, and the detail stays on the server.
  const hiddenStopped = COMPLETED.includes(visible.status) && !COMPLETED.includes(hidden.status);
  const message = !COMPLETED.includes(visible.status) ? visible.message : hiddenStopped ? hiddenStopMessage(hidden.status) : undefined;
  return {
    ...visible,
    status,
    tests: [...visible.tests, ...hidden.tests],
    ...(message ? { message } : {}),
    ...(hiddenStopped && hidden.message ? { hiddenDetail: hidden.message } : {}),
    hidden: hidden.hidden,
    wallMs: visible.wallMs + hidden.wallMs,
  };
}

function hiddenStopMessage(status: RunStatus): string {
  return `the program stopped early on the hidden tests (${status})`;
}
