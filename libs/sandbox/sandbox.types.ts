import type { AppConfig } from '#libs/config';

/** Languages the sandbox can run. */
export type SandboxLanguage = 'python' | 'javascript';

/**
 * How a run ended. The limit statuses each name the limit that stopped the program; `RUNTIME_ERROR` is an
 * exception in the candidate's code or a process that died before finishing the tests.
 */
export type RunStatus = 'PASSED' | 'FAILED' | 'COMPILE_ERROR' | 'RUNTIME_ERROR' | 'TIMEOUT' | 'MEMORY_LIMIT' | 'OUTPUT_LIMIT';

/**
 * wallMs: wall-clock bound of one run (the whole sandbox is killed past it); cpuSeconds: RLIMIT_CPU of each
 * process; memoryMb: RLIMIT_AS for Python, the V8 heap for JavaScript (whose AS bound is larger); maxProcesses:
 * RLIMIT_NPROC of the run's own uid (threads count); outputBytes: stdout + stderr read before the kill;
 * fileBytes: RLIMIT_FSIZE.
 */
export type SandboxLimits = AppConfig['sandbox']['limits'];

export interface SandboxRuntime {
  bwrap: string;
  python: string;
  node: string;
  /** Each concurrent run gets its own uid: base, base + 1, … (RLIMIT_NPROC counts per uid). */
  uidBase: number;
  slots: number;
}

/** One call of the entry point; only `args` ever enters the sandbox. */
interface SandboxTestCall {
  args: unknown[];
  /** Timing runs only: call this many times in a row (each on a fresh copy of `args`) in the first round. */
  repeat?: number;
}

/**
 * A timing run: the harness times each call alone and returns no values. The first round grows through the calls
 * until one call took over `callBudgetMs`, the round's calls over `totalBudgetMs / rounds`, or the next call would
 * likely do so; up to `rounds - 1` later rounds time the calls it reached again, once each in the same order, while
 * `totalBudgetMs` lasts. Each call reports its fastest time over all rounds. `wallMs` lowers the run's wall limit
 * (never above the configured one).
 */
interface SandboxTiming {
  callBudgetMs: number;
  totalBudgetMs: number;
  rounds: number;
  wallMs: number;
}

export interface SandboxRequest {
  language: SandboxLanguage;
  code: string;
  entryPoint: string;
  calls: SandboxTestCall[];
  timing?: SandboxTiming;
}

/** What the harness reported for one call (or why it never ran). */
export interface CallOutcome {
  ran: boolean;
  /** The call returned (no exception). */
  ok: boolean;
  actual?: unknown;
  error?: string;
  stdout: string;
  stderr: string;
  timeMs: number;
}

export type SandboxTermination = 'TIMEOUT' | 'MEMORY_LIMIT' | 'OUTPUT_LIMIT' | 'COMPILE_ERROR' | 'RUNTIME_ERROR' | null;

export interface SandboxOutcome {
  /** Set when the run stopped on a limit or an error that is not a single failing call. */
  termination: SandboxTermination;
  /** Why, in one line, for the candidate (e.g. the compile error, or "wall time limit of 10000 ms"). */
  message?: string;
  calls: CallOutcome[];
  /** Output outside any call (module load), truncated. */
  stdout: string;
  stderr: string;
  wallMs: number;
}
