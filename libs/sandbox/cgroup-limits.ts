import { access, constants, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A memory cgroup per sandbox slot (cgroup v1, under this process's own cgroup so the container's accounting
 * still holds): RLIMIT_AS bounds one process, but up to RLIMIT_NPROC processes could each use that much; the
 * cgroup bounds their sum and the kernel's OOM killer ends the run. Optional: without a writable memory
 * controller the rlimits stand alone (the start-up check says so).
 */
export class CgroupLimits {
  private constructor(private readonly base: string) {}

  /** The writable v1 memory cgroup of this process, or null. */
  static async detect(root = '/sys/fs/cgroup'): Promise<CgroupLimits | null> {
    try {
      const own = (await readFile('/proc/self/cgroup', 'utf8'))
        .split('\n')
        .map((line) => line.split(':'))
        .find(([, controllers]) => controllers?.split(',').includes('memory'))?.[2];
      if (own === undefined) return null;
      const base = join(root, 'memory', own);
      await access(join(base, 'cgroup.procs'), constants.W_OK);
      return new CgroupLimits(base);
    } catch {
      return null;
    }
  }

  /** Creates (or reuses) the slot's cgroup with its limit; returns the file a process joins it by and an OOM counter. */
  async prepare(uid: number, memoryBytes: number): Promise<{ procsFile: string; oomKills: () => Promise<number> }> {
    const dir = join(this.base, `mi-sandbox-${uid}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'memory.limit_in_bytes'), String(memoryBytes));
    // Swap would only slow the OOM down.
    await writeFile(join(dir, 'memory.swappiness'), '0').catch(() => undefined);
    const oomKills = async () => Number(/oom_kill (\d+)/.exec(await readFile(join(dir, 'memory.oom_control'), 'utf8'))?.[1] ?? 0);
    return { procsFile: join(dir, 'cgroup.procs'), oomKills };
  }
}
