import { access, constants, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Where to look: the cgroup mount and this process's /proc/self/cgroup text (both injectable for tests). */
export interface CgroupSource {
  root?: string;
  procSelfCgroup?: string;
}

export type CgroupDetection = { limits: CgroupLimits; reason?: undefined } | { limits: null; reason: string };

export interface SlotGroup {
  /** The file a process joins the group by (writing its pid). */
  procsFile: string;
  /** How many processes the kernel's OOM killer has ended in the group so far. */
  oomKills: () => Promise<number>;
}

/** The leaf a cgroup v2 worker moves into, so its own group may hold the per-slot groups (see `prepareV2`). */
const RUNNER_LEAF = 'mi-code-runner';

/**
 * A memory cgroup per sandbox slot, under this process's own cgroup so the container's accounting still holds:
 * RLIMIT_AS bounds one process, but up to RLIMIT_NPROC processes could each use that much; the cgroup bounds
 * their sum and the kernel's OOM killer ends the run. cgroup v1 (the memory controller's own hierarchy) and v2
 * (the unified hierarchy, memory controller enabled) both work.
 */
export class CgroupLimits {
  private constructor(
    readonly version: 1 | 2,
    /** The group the per-slot groups are created in. */
    readonly base: string,
  ) {}

  /** This process's writable memory cgroup, or why there is none. v2 detection also prepares the group (see `prepareV2`). */
  static async detect(source: CgroupSource = {}): Promise<CgroupDetection> {
    const root = source.root ?? '/sys/fs/cgroup';
    let text: string;
    try {
      text = source.procSelfCgroup ?? (await readFile('/proc/self/cgroup', 'utf8'));
    } catch (err) {
      return { limits: null, reason: `cannot read /proc/self/cgroup (${(err as Error).message})` };
    }
    // "id:controllers:path"; the path may itself hold colons.
    const lines = text
      .split('\n')
      .filter(Boolean)
      .map((line) => /^(\d+):([^:]*):(.*)$/.exec(line)?.slice(1) ?? []);
    const v1 = lines.find(([, controllers]) => controllers?.split(',').includes('memory'));
    const v2 = lines.find(([id, controllers]) => id === '0' && controllers === '');
    try {
      if (v1?.[2] !== undefined) {
        const base = resolve(join(root, 'memory', v1[2]));
        await access(join(base, 'cgroup.procs'), constants.W_OK);
        return { limits: new CgroupLimits(1, base) };
      }
      if (v2?.[2] !== undefined) return { limits: new CgroupLimits(2, await prepareV2(resolve(join(root, v2[2])))) };
    } catch (err) {
      return { limits: null, reason: `no writable memory cgroup (${(err as Error).message})` };
    }
    return { limits: null, reason: 'no memory controller in /proc/self/cgroup (neither cgroup v1 nor v2)' };
  }

  /** Creates (or reuses) the slot's cgroup with its limits. */
  async prepare(uid: number, limits: { memoryBytes: number; maxProcesses: number }): Promise<SlotGroup> {
    const dir = join(this.base, `mi-sandbox-${uid}`);
    await mkdir(dir, { recursive: true });
    const optional = (file: string, value: string) => writeFile(join(dir, file), value).catch(() => undefined);
    if (this.version === 1) {
      await writeFile(join(dir, 'memory.limit_in_bytes'), String(limits.memoryBytes));
      // Swap would only slow the OOM down.
      await optional('memory.swappiness', '0');
      return { procsFile: join(dir, 'cgroup.procs'), oomKills: () => counter(join(dir, 'memory.oom_control')) };
    }
    await writeFile(join(dir, 'memory.max'), String(limits.memoryBytes));
    // Absent without swap accounting; where present, no swap: it would only slow the OOM down.
    await optional('memory.swap.max', '0');
    // Tasks (threads included) of the tree, a little above RLIMIT_NPROC, which counts per uid, not per tree.
    await optional('pids.max', String(limits.maxProcesses + 8));
    // Not memory.oom.group: it would kill bwrap together with the box's init, which then dies an orphan that a
    // worker running as pid 1 never reaps. The OOM killer takes the largest process, a program's, as on v1.
    return { procsFile: join(dir, 'cgroup.procs'), oomKills: () => counter(join(dir, 'memory.events')) };
  }
}

/**
 * cgroup v2's "no internal processes" rule: a group that hands controllers to its children (subtree_control) may
 * hold no processes itself. So the processes of this group (the worker, and whatever shares its container) move
 * into a leaf, `mi-code-runner`, first; then `+memory +pids` is enabled for the children, the per-slot groups. The
 * hierarchy's root is exempt (and has no `cgroup.type`). A worker restarted inside the leaf keeps using its parent.
 */
async function prepareV2(own: string): Promise<string> {
  const base = basename(own) === RUNNER_LEAF ? dirname(own) : own;
  const controllers = (await readFile(join(base, 'cgroup.controllers'), 'utf8')).split(/\s+/);
  if (!controllers.includes('memory')) throw new Error(`the cgroup v2 group ${base} was not given the memory controller`);
  const isRoot = await access(join(base, 'cgroup.type')).then(
    () => false,
    () => true,
  );
  if (!isRoot) {
    const leaf = join(base, RUNNER_LEAF);
    await mkdir(leaf, { recursive: true });
    const pids = (await readFile(join(base, 'cgroup.procs'), 'utf8')).split('\n').filter(Boolean);
    // One pid per write (the kernel's interface); a process that exited meanwhile cannot be moved, nor need be.
    for (const pid of pids) await writeFile(join(leaf, 'cgroup.procs'), pid).catch(() => undefined);
  }
  const enable = ['memory', 'pids'].filter((c) => controllers.includes(c)).map((c) => `+${c}`);
  await writeFile(join(base, 'cgroup.subtree_control'), enable.join(' '));
  return base;
}

/** The `oom_kill N` line of v1's memory.oom_control or v2's memory.events. */
async function counter(file: string): Promise<number> {
  return Number(/^oom_kill (\d+)$/m.exec(await readFile(file, 'utf8'))?.[1] ?? 0);
}
