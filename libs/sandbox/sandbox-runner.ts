import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JAVASCRIPT_ANALYSER } from './harness/javascript-analyser.js';
import { JAVASCRIPT_HARNESS } from './harness/javascript-harness.js';
import { PYTHON_ANALYSER } from './harness/python-analyser.js';
import { PYTHON_HARNESS } from './harness/python-harness.js';
import { spawnBounded } from './bounded-process.js';
import { interpretRun, type ProcessEnd } from './harness-protocol.js';
import { acornSource } from './parser-source.js';
import { sandboxCommand } from './sandbox-command.js';
import { hostSeccompFilter } from './seccomp-filter.js';
import type { SandboxLanguage, SandboxLimits, SandboxOutcome, SandboxRequest, SandboxRuntime } from './sandbox.types.js';
import type { CgroupLimits } from './cgroup-limits.js';
import { interpretAnalysis, type StaticAnalysisOutcome, type StaticAnalysisRequest } from './static-analysis.js';
import { UidSlots } from './uid-slots.js';

const MB = 1024 * 1024;
/** The cgroup bounds all processes of a run together: the program's memory plus room for the runtime itself. */
const CGROUP_HEADROOM_MB = 256;

const FILES: Record<SandboxLanguage, { solution: string; harness: string; source: string; analyser: string; analyserSource: string }> = {
  python: { solution: 'solution.py', harness: 'harness.py', source: PYTHON_HARNESS, analyser: 'analyser.py', analyserSource: PYTHON_ANALYSER },
  javascript: {
    solution: 'solution.js',
    harness: 'harness.cjs',
    source: JAVASCRIPT_HARNESS,
    analyser: 'analyser.cjs',
    analyserSource: JAVASCRIPT_ANALYSER,
  },
};

/** One process tree in the sandbox: the program (harness or analyser) and files beside the solution, its stdin. */
interface Execution {
  language: SandboxLanguage;
  code: string;
  program: string;
  files: Record<string, string>;
  stdin: (nonce: string) => string;
  wallMs: number;
  timing?: boolean;
}

/**
 * Runs candidate code against a list of calls inside bubblewrap, one process tree per run, and reports what
 * each call returned (never whether it was right: expected values stay out here and out of the sandbox).
 * Every run ends: the wall-clock timer kills the whole tree, the output cap kills it, and rlimits stop CPU,
 * memory, processes and file sizes inside.
 */
export class SandboxRunner {
  private readonly slots: UidSlots;
  /** Built on first use: an architecture without a syscall table fails the start-up check's smoke run. */
  private seccomp?: Buffer;

  constructor(
    private readonly runtime: SandboxRuntime,
    private readonly limits: SandboxLimits,
    /** Optional: bounds the memory of the whole process tree (null: rlimits alone). */
    readonly cgroup: CgroupLimits | null = null,
  ) {
    this.slots = new UidSlots(runtime.uidBase, runtime.slots);
  }

  async run(request: SandboxRequest): Promise<SandboxOutcome> {
    const files = FILES[request.language];
    const timing = request.timing;
    const wallMs = Math.min(this.limits.wallMs, timing?.wallMs ?? Infinity);
    const { end, nonce } = await this.execute({
      language: request.language,
      code: request.code,
      program: files.harness,
      files: { [files.harness]: files.source },
      wallMs,
      timing: timing !== undefined,
      // The spec is split so a candidate's output cap and the harness's capture agree. A timing run's arguments
      // follow the spec, one line per call, parsed afresh for each timed call.
      stdin: (nonce) => {
        const common = { nonce, entry: request.entryPoint, captureBytes: Math.floor(this.limits.outputBytes / 2) };
        if (!timing) return JSON.stringify({ ...common, calls: request.calls });
        const spec = {
          ...common,
          calls: request.calls.map((c) => ({ repeat: c.repeat ?? 1 })),
          timing: { callBudgetMs: timing.callBudgetMs, totalBudgetMs: timing.totalBudgetMs, rounds: timing.rounds },
        };
        return [spec, ...request.calls.map((c) => c.args)].map((part) => JSON.stringify(part)).join('\n');
      },
    });
    return interpretRun(end, nonce, request.calls.length, { ...this.limits, wallMs });
  }

  /** Parses the code (never runs it) with the language's own parser, inside the sandbox and its limits. */
  async analyse(request: StaticAnalysisRequest): Promise<StaticAnalysisOutcome> {
    const files = FILES[request.language];
    const parser: Record<string, string> = request.language === 'javascript' ? { 'acorn.cjs': await acornSource() } : {};
    const { end, nonce } = await this.execute({
      language: request.language,
      code: request.code,
      program: files.analyser,
      files: { [files.analyser]: files.analyserSource, ...parser },
      wallMs: this.limits.wallMs,
      stdin: (nonce) => JSON.stringify({ nonce, entry: request.entryPoint }),
    });
    return interpretAnalysis(end, nonce, this.limits);
  }

  private async execute(run: Execution): Promise<{ end: ProcessEnd; nonce: string }> {
    const uid = await this.slots.acquire();
    const dir = await mkdtemp(join(tmpdir(), 'mi-sandbox-'));
    try {
      await writeFile(join(dir, FILES[run.language].solution), run.code, { mode: 0o644 });
      for (const [name, content] of Object.entries(run.files)) await writeFile(join(dir, name), content, { mode: 0o644 });
      await chmod(dir, 0o755);
      const nonce = randomBytes(12).toString('hex');
      let { file, args } = sandboxCommand({
        language: run.language,
        uid,
        limits: this.limits,
        runtime: this.runtime,
        files: { hostCodeDir: dir, harness: run.program },
        timing: run.timing ?? false,
      });
      const group = await this.cgroup?.prepare(uid, {
        memoryBytes: (this.limits.memoryMb + CGROUP_HEADROOM_MB) * MB,
        maxProcesses: this.limits.maxProcesses,
      });
      const oomBefore = group ? await group.oomKills() : 0;
      if (group) {
        // Join the cgroup before anything of the run exists, so every later process is inside it.
        args = ['-c', 'echo $$ > "$1" && shift && exec "$@"', 'sandbox', group.procsFile, file, ...args];
        file = '/bin/sh';
      }
      this.seccomp ??= hostSeccompFilter();
      const end = await spawnBounded({
        file,
        args,
        stdin: run.stdin(nonce),
        seccomp: this.seccomp,
        wallMs: run.wallMs,
        outputBytes: this.limits.outputBytes,
      });
      if (group && (await group.oomKills()) > oomBefore) end.oomKilled = true;
      return { end, nonce };
    } finally {
      this.slots.release(uid);
      await rm(dir, { recursive: true, force: true });
    }
  }
}
