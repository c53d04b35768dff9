import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { ProcessEnd } from './harness-protocol.js';
import { INFO_FD, SECCOMP_FD } from './sandbox-command.js';

/** How long a killed box may take to end (bwrap reaping it, then exiting) before the whole process group is killed. */
const KILL_GRACE_MS = 1_000;

export interface BoundedProcess {
  file: string;
  args: string[];
  stdin: string;
  /** The seccomp program bwrap reads from `SECCOMP_FD`. */
  seccomp: Buffer;
  wallMs: number;
  outputBytes: number;
}

/**
 * Runs one sandbox command (prlimit → setpriv → bwrap) to its end: the wall-clock timer and the output cap kill it.
 *
 * A kill ends the box's pid 1 first, as bwrap reports it on `INFO_FD`. Killing a pid namespace's init ends every
 * process in it, and bwrap, still alive, reaps it and exits. Killing bwrap's process group instead would leave
 * the box's init (in its own session, so outside the group) to die of PDEATHSIG with no parent: it is re-parented
 * to the host's pid 1, and when the worker is pid 1 (a container without an init) nobody ever reaps it. The group
 * kill stays as the fallback: before bwrap reports the pid, or if the box has not ended after `KILL_GRACE_MS`.
 */
export function spawnBounded(input: BoundedProcess): Promise<ProcessEnd> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // Its own process group, so one kill reaches prlimit/setpriv/bwrap.
    const child = spawn(input.file, input.args, { detached: true, stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'pipe'], env: {} });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let bytes = 0;
    let killedFor: ProcessEnd['killedFor'] = null;
    let boxPid: number | null = null;
    let exited = false;
    let grace: NodeJS.Timeout | undefined;

    const signal = (pid: number) => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const killGroup = () => {
      if (!exited && child.pid !== undefined) signal(-child.pid);
    };
    // Only while bwrap is alive: it exits as soon as it has reaped the box, so the pid is not yet anyone else's
    // (barring a reuse in that instant, which a pid without a pidfd cannot rule out).
    const killBox = () => {
      if (!exited && boxPid !== null) signal(boxPid);
    };
    const kill = (why: NonNullable<ProcessEnd['killedFor']>) => {
      if (killedFor) return;
      killedFor = why;
      killBox();
      // Without the box's pid yet, wait for it (a group kill now could orphan a box bwrap is just starting).
      grace = setTimeout(killGroup, KILL_GRACE_MS);
    };

    let info = '';
    const infoPipe = child.stdio[INFO_FD] as Readable;
    const seccomp = child.stdio[SECCOMP_FD] as Writable;
    infoPipe.on('data', (chunk: Buffer) => {
      info += chunk.toString('utf8');
      const pid = /"child-pid":\s*(\d+)/.exec(info)?.[1];
      if (pid !== undefined && boxPid === null) {
        boxPid = Number(pid);
        if (killedFor) killBox();
      }
    });
    infoPipe.on('error', () => undefined);
    seccomp.on('error', () => undefined); // bwrap may fail before reading it; its exit says why
    seccomp.end(input.seccomp);

    const wall = setTimeout(() => kill('TIMEOUT'), input.wallMs);
    const take = (sink: Buffer[]) => (chunk: Buffer) => {
      if (killedFor) return;
      bytes += chunk.length;
      if (bytes > input.outputBytes) {
        kill('OUTPUT_LIMIT');
        return;
      }
      sink.push(chunk);
    };
    child.stdout.on('data', take(out));
    child.stderr.on('data', take(err));
    child.stdin.on('error', () => undefined); // the program may exit without reading its input
    child.on('exit', () => {
      exited = true;
    });
    child.on('error', (e) => {
      clearTimeout(wall);
      clearTimeout(grace);
      reject(e);
    });
    child.on('close', (code, sig) => {
      clearTimeout(wall);
      clearTimeout(grace);
      resolve({
        code,
        signal: sig,
        killedFor,
        oomKilled: false,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        wallMs: Math.round(performance.now() - started),
      });
    });
    child.stdin.end(input.stdin);
  });
}
