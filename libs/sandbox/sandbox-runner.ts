import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JAVASCRIPT_HARNESS } from './harness/javascript-harness.js';
import { PYTHON_HARNESS } from './harness/python-harness.js';
import { interpretRun, type ProcessEnd } from './harness-protocol.js';
import { sandboxCommand } from './sandbox-command.js';
import type { SandboxLanguage, SandboxLimits, SandboxOutcome, SandboxRequest, SandboxRuntime } from './sandbox.types.js';
import type { CgroupLimits } from './cgroup-limits.js';
import { UidSlots } from './uid-slots.js';

const MB = 1024 * 1024;
/** The cgroup bounds all processes of a run together: the program's memory plus room for the runtime itself. */
const CGROUP_HEADROOM_MB = 256;

const FILES: Record<SandboxLanguage, { solution: string; harness: string; source: string }> = {
  python: { solution: 'solution.py', harness: 'harness.py', source: PYTHON_HARNESS },
  javascript: { solution: 'solution.js', harness: 'harness.cjs', source: JAVASCRIPT_HARNESS },
};

/**
 * Runs candidate code against a list of calls inside bubblewrap, one process tree per run, and reports what
 * each call returned (never whether it was right: expected values stay out here and out of the sandbox).
 * Every run ends: the wall-clock timer kills the whole tree, the output cap kills it, and rlimits stop CPU,
 * memory, processes and file sizes inside.
 */
export class SandboxRunner {
  private readonly slots: UidSlots;

  constructor(
    private readonly runtime: SandboxRuntime,
    private readonly limits: SandboxLimits,
    /** Optional: bounds the memory of the whole process tree (null: rlimits alone). */
    readonly cgroup: CgroupLimits | null = null,
  ) {
    this.slots = new UidSlots(runtime.uidBase, runtime.slots);
  }

  async run(request: SandboxRequest): Promise<SandboxOutcome> {
    const uid = await this.slots.acquire();
    const dir = await mkdtemp(join(tmpdir(), 'mi-sandbox-'));
    try {
      const files = FILES[request.language];
      await writeFile(join(dir, files.solution), request.code, { mode: 0o644 });
      await writeFile(join(dir, files.harness), files.source, { mode: 0o644 });
      await chmod(dir, 0o755);
      const nonce = randomBytes(12).toString('hex');
      let { file, args } = sandboxCommand({ language: request.language, uid, limits: this.limits, runtime: this.runtime, files: { hostCodeDir: dir, harness: files.harness } });
      const group = await this.cgroup?.prepare(uid, (this.limits.memoryMb + CGROUP_HEADROOM_MB) * MB);
      const oomBefore = group ? await group.oomKills() : 0;
      if (group) {
        // Join the cgroup before anything of the run exists, so every later process is inside it.
        args = ['-c', 'echo $$ > "$1" && shift && exec "$@"', 'sandbox', group.procsFile, file, ...args];
        file = '/bin/sh';
      }
      // The spec is split so a candidate's output cap and the harness's capture agree.
      const spec = JSON.stringify({ nonce, entry: request.entryPoint, calls: request.calls, captureBytes: Math.floor(this.limits.outputBytes / 2) });
      const end = await this.spawnBounded(file, args, spec);
      if (group && (await group.oomKills()) > oomBefore) end.oomKilled = true;
      return interpretRun(end, nonce, request.calls.length, this.limits);
    } finally {
      this.slots.release(uid);
      await rm(dir, { recursive: true, force: true });
    }
  }

  private spawnBounded(file: string, args: string[], stdin: string): Promise<ProcessEnd> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      // Its own process group, so one kill reaches prlimit/setpriv/bwrap; bwrap's --die-with-parent and the pid
      // namespace take everything inside with it.
      const child = spawn(file, args, { detached: true, stdio: ['pipe', 'pipe', 'pipe'], env: {} });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let bytes = 0;
      let killedFor: ProcessEnd['killedFor'] = null;
      const kill = (why: NonNullable<ProcessEnd['killedFor']>) => {
        killedFor ??= why;
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      };
      const wall = setTimeout(() => kill('TIMEOUT'), this.limits.wallMs);
      const take = (sink: Buffer[]) => (chunk: Buffer) => {
        if (killedFor) return;
        bytes += chunk.length;
        if (bytes > this.limits.outputBytes) {
          kill('OUTPUT_LIMIT');
          return;
        }
        sink.push(chunk);
      };
      child.stdout.on('data', take(out));
      child.stderr.on('data', take(err));
      child.stdin.on('error', () => undefined); // the program may exit without reading its input
      child.on('error', (e) => {
        clearTimeout(wall);
        reject(e);
      });
      child.on('close', (code, signal) => {
        clearTimeout(wall);
        resolve({
          code,
          signal,
          killedFor,
          oomKilled: false,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
          wallMs: Math.round(performance.now() - started),
        });
      });
      child.stdin.end(stdin);
    });
  }
}
