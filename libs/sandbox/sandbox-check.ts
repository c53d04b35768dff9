import { access, constants } from 'node:fs/promises';
import { judge } from './judge.js';
import type { SandboxRunner } from './sandbox-runner.js';
import type { SandboxLanguage, SandboxRuntime } from './sandbox.types.js';

const SMOKE: Record<SandboxLanguage, string> = {
  python: 'def add_one(x):\n    return x + 1\n',
  javascript: 'function addOne(x) {\n  return x + 1;\n}\n',
};
const ENTRY: Record<SandboxLanguage, string> = { python: 'add_one', javascript: 'addOne' };

export type SandboxAvailability = { ok: true } | { ok: false; reason: string };

/** Whether code runs need a memory cgroup over each run's whole process tree, and why the runner has none (if so). */
export interface MemoryBoundPolicy {
  required: boolean;
  cgroupUnavailable?: string;
}

/**
 * Before the worker takes any code run: the isolation layer and both runtimes exist, and a trivial program
 * passes through the real sandbox, and (unless rlimits alone were accepted) a memory cgroup bounds each run's whole
 * process tree: RLIMIT_AS bounds one process, so without one a run may use SANDBOX_MAX_PROCESSES times the memory.
 * Anything else refuses code runs (never a fallback to running unsandboxed).
 */
export async function checkSandbox(
  runner: SandboxRunner,
  runtime: SandboxRuntime,
  uid = process.getuid?.(),
  memory: MemoryBoundPolicy = { required: true },
): Promise<SandboxAvailability> {
  if (uid !== 0) {
    return {
      ok: false,
      reason: `the code runner runs as uid ${uid}, but it must be root to drop each run to its own unprivileged uid (from SANDBOX_UID_BASE=${runtime.uidBase})`,
    };
  }
  for (const [what, path] of [
    ['bubblewrap (bwrap)', runtime.bwrap],
    ['python3', runtime.python],
    ['node', runtime.node],
  ] as const) {
    try {
      await access(path, constants.X_OK);
    } catch {
      return { ok: false, reason: `${what} is not installed or not executable at ${path}` };
    }
  }
  if (memory.required && runner.cgroup === null) {
    return {
      ok: false,
      reason: `no memory cgroup can bound a run's whole process tree (${memory.cgroupUnavailable ?? 'none given'}); give the worker a writable memory cgroup, or set SANDBOX_MEMORY_BOUND=rlimits-only to accept per-process rlimits alone`,
    };
  }
  for (const language of ['python', 'javascript'] as const) {
    try {
      const outcome = await runner.run({ language, code: SMOKE[language], entryPoint: ENTRY[language], calls: [{ args: [41] }] });
      const result = judge([{ name: 'smoke', args: [41], expected: 42, hidden: false }], outcome, 'exact');
      if (result.status !== 'PASSED') {
        return {
          ok: false,
          reason: `a ${language} smoke run in the sandbox ended ${result.status}: ${(result.message ?? result.compileError ?? outcome.stderr).slice(0, 500)}`,
        };
      }
    } catch (err) {
      return { ok: false, reason: `a ${language} smoke run in the sandbox could not start: ${(err as Error).message}` };
    }
  }
  return { ok: true };
}
