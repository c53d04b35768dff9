import type { CallOutcome, SandboxOutcome, SandboxTermination } from './sandbox.types.js';

/** One line the harness writes on its real stdout, after `@@<nonce>:`. */
type HarnessMessage =
  | { type: 'compile_error'; message: string }
  | { type: 'load_error'; message: string; stdout?: string; stderr?: string }
  | { type: 'loaded'; stdout?: string; stderr?: string }
  | { type: 'call'; index: number; ok: boolean; actual?: unknown; error?: string; stdout?: string; stderr?: string; timeMs?: number }
  | { type: 'memory_limit' }
  | { type: 'output_limit' }
  | { type: 'done' }
  | { type: 'analysis'; facts: unknown }
  | { type: 'analysis_error'; message: string };

export interface ProcessEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the parent killed the sandbox. */
  killedFor: 'TIMEOUT' | 'OUTPUT_LIMIT' | null;
  /** The run's memory cgroup OOM-killed one of its processes. */
  oomKilled: boolean;
  stdout: string;
  stderr: string;
  wallMs: number;
}

const SIGXCPU = 24;
const SIGKILL = 9;
const MEMORY_PATTERNS = /heap out of memory|Failed to reserve virtual memory|MemoryError|Cannot allocate memory|std::bad_alloc|allocation failed/i;
const KEEP = 8192;

/** Reads the harness's lines out of the sandbox's stdout; anything else there is stray output. */
export function parseHarnessOutput(stdout: string, nonce: string): { messages: HarnessMessage[]; stray: string } {
  const prefix = `@@${nonce}:`;
  const messages: HarnessMessage[] = [];
  const stray: string[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith(prefix)) {
      if (line) stray.push(line);
      continue;
    }
    try {
      messages.push(JSON.parse(line.slice(prefix.length)) as HarnessMessage);
    } catch {
      stray.push(line);
    }
  }
  return { messages, stray: stray.join('\n').slice(0, KEEP) };
}

/** Turns what the process did into the outcome of each call and, when the run stopped early, why. */
export function interpretRun(
  end: ProcessEnd,
  nonce: string,
  callCount: number,
  limits: { wallMs: number; cpuSeconds: number; memoryMb: number; outputBytes: number },
): SandboxOutcome {
  const { messages, stray } = parseHarnessOutput(end.stdout, nonce);
  const calls: CallOutcome[] = Array.from({ length: callCount }, () => ({ ran: false, ok: false, stdout: '', stderr: '', timeMs: 0 }));
  let termination: SandboxTermination = null;
  let message: string | undefined;
  let stdout = stray;
  let stderr = end.stderr.slice(-KEEP);
  let done = false;
  for (const m of messages) {
    switch (m.type) {
      case 'compile_error':
        termination = 'COMPILE_ERROR';
        message = m.message;
        break;
      case 'load_error':
        termination = 'RUNTIME_ERROR';
        message = m.message;
        stdout = (m.stdout ?? '') + stdout;
        stderr = (m.stderr ?? '') + stderr;
        break;
      case 'loaded':
        stdout = (m.stdout ?? '') + stdout;
        stderr = (m.stderr ?? '') + stderr;
        break;
      case 'call':
        if (m.index >= 0 && m.index < callCount) {
          calls[m.index] = {
            ran: true,
            ok: m.ok,
            ...(m.ok ? { actual: m.actual } : {}),
            ...(m.error ? { error: m.error } : {}),
            stdout: m.stdout ?? '',
            stderr: m.stderr ?? '',
            timeMs: m.timeMs ?? 0,
          };
        }
        break;
      case 'memory_limit':
        termination = 'MEMORY_LIMIT';
        break;
      case 'output_limit':
        termination = 'OUTPUT_LIMIT';
        break;
      case 'done':
        done = true;
        break;
    }
  }
  const exitSignal = end.code !== null && end.code > 128 ? end.code - 128 : null;
  if (end.oomKilled) {
    // The kernel ended a process of the run for the memory of the whole tree: the root cause, even when the
    // run then waited out the wall limit for the process it lost.
    termination = 'MEMORY_LIMIT';
    message = `stopped at the memory limit of the run (${limits.memoryMb} MB and runtime headroom, all processes together)`;
  } else if (end.killedFor === 'TIMEOUT') {
    termination = 'TIMEOUT';
    message = `stopped after the wall time limit of ${limits.wallMs} ms`;
  } else if (end.killedFor === 'OUTPUT_LIMIT' || termination === 'OUTPUT_LIMIT') {
    termination = 'OUTPUT_LIMIT';
    message = `stopped after printing more than the output limit of ${limits.outputBytes} bytes`;
  } else if (termination === 'MEMORY_LIMIT' || (!done && MEMORY_PATTERNS.test(end.stderr))) {
    termination = 'MEMORY_LIMIT';
    message = `stopped at the memory limit of ${limits.memoryMb} MB`;
  } else if (!done && (exitSignal === SIGXCPU || (exitSignal === SIGKILL && end.wallMs >= limits.cpuSeconds * 1000))) {
    termination = 'TIMEOUT';
    message = `stopped after the CPU time limit of ${limits.cpuSeconds} s`;
  } else if (termination === null && !done) {
    termination = 'RUNTIME_ERROR';
    const how = exitSignal !== null ? `signal ${exitSignal}` : end.signal ? `signal ${end.signal}` : `exit code ${end.code}`;
    message = `the program stopped before finishing the tests (${how})`;
  }
  for (const call of calls) {
    if (!call.ran && termination !== null && termination !== 'COMPILE_ERROR') call.error = `not finished: ${termination}`;
  }
  return { termination, ...(message ? { message } : {}), calls, stdout, stderr, wallMs: end.wallMs };
}
