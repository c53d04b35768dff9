import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CgroupLimits } from './cgroup-limits.js';

/** A directory tree shaped like a cgroup mount (a real one creates the interface files itself). */
async function fakeGroup(root: string, path: string, files: Record<string, string>): Promise<string> {
  const dir = join(root, path);
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

describe(CgroupLimits.name, () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'cgroup-spec-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  describe('cgroup v2', () => {
    const procSelfCgroup = '0::/system.slice/code-runner.service\n';
    const ownFiles = {
      'cgroup.controllers': 'cpuset cpu io memory pids\n',
      'cgroup.procs': '4242\n',
      'cgroup.subtree_control': '',
      'cgroup.type': 'domain\n',
    };

    it('moves this group’s processes into a leaf, then enables memory and pids for the per-slot groups', async () => {
      const own = await fakeGroup(root, 'system.slice/code-runner.service', ownFiles);
      const sut = await CgroupLimits.detect({ root, procSelfCgroup });
      expect(sut.reason).toBeUndefined();
      expect(sut.limits).toMatchObject({ version: 2, base: own });
      await expect(readFile(join(own, 'mi-code-runner', 'cgroup.procs'), 'utf8')).resolves.toBe('4242');
      await expect(readFile(join(own, 'cgroup.subtree_control'), 'utf8')).resolves.toBe('+memory +pids');
    });

    it('creates a slot group with memory.max, no swap and pids.max, and counts OOM kills from memory.events', async () => {
      const own = await fakeGroup(root, 'system.slice/code-runner.service', ownFiles);
      const { limits } = await CgroupLimits.detect({ root, procSelfCgroup });
      const group = await limits!.prepare(61_000, { memoryBytes: 512 * 1024 * 1024, maxProcesses: 32 });
      const slot = join(own, 'mi-sandbox-61000');
      expect(group.procsFile).toBe(join(slot, 'cgroup.procs'));
      await expect(readFile(join(slot, 'memory.max'), 'utf8')).resolves.toBe(String(512 * 1024 * 1024));
      await expect(readFile(join(slot, 'memory.swap.max'), 'utf8')).resolves.toBe('0');
      await expect(readFile(join(slot, 'pids.max'), 'utf8')).resolves.toBe('40');
      await writeFile(join(slot, 'memory.events'), 'low 0\nhigh 0\nmax 7\noom 2\noom_kill 2\noom_group_kill 1\n');
      await expect(group.oomKills()).resolves.toBe(2);
    });

    it('keeps using the group a previous start prepared when it runs inside the leaf', async () => {
      const own = await fakeGroup(root, 'system.slice/code-runner.service', ownFiles);
      await fakeGroup(root, 'system.slice/code-runner.service/mi-code-runner', { 'cgroup.procs': '5151\n' });
      const sut = await CgroupLimits.detect({ root, procSelfCgroup: '0::/system.slice/code-runner.service/mi-code-runner\n' });
      expect(sut.limits).toMatchObject({ version: 2, base: own });
    });

    it('leaves processes in place at the hierarchy’s root (exempt from the rule; it has no cgroup.type)', async () => {
      await fakeGroup(root, '', { 'cgroup.controllers': 'memory\n', 'cgroup.procs': '1\n', 'cgroup.subtree_control': '' });
      const sut = await CgroupLimits.detect({ root, procSelfCgroup: '0::/\n' });
      expect(sut.limits).toMatchObject({ version: 2, base: root });
      await expect(readFile(join(root, 'mi-code-runner', 'cgroup.procs'), 'utf8')).rejects.toThrow(/ENOENT/);
      await expect(readFile(join(root, 'cgroup.subtree_control'), 'utf8')).resolves.toBe('+memory');
    });

    it('says why when the group was not given the memory controller', async () => {
      await fakeGroup(root, 'system.slice/code-runner.service', { ...ownFiles, 'cgroup.controllers': 'cpu pids\n' });
      const sut = await CgroupLimits.detect({ root, procSelfCgroup });
      expect(sut).toEqual({ limits: null, reason: expect.stringContaining('was not given the memory controller') });
    });
  });

  describe('cgroup v1', () => {
    const procSelfCgroup = '5:pids:/\n4:memory:/docker/abc\n0::/\n';

    it('uses the memory hierarchy’s group of this process and counts OOM kills from memory.oom_control', async () => {
      const own = await fakeGroup(root, 'memory/docker/abc', { 'cgroup.procs': '1\n' });
      const { limits } = await CgroupLimits.detect({ root, procSelfCgroup });
      expect(limits).toMatchObject({ version: 1, base: own });
      const group = await limits!.prepare(61_001, { memoryBytes: 1024, maxProcesses: 8 });
      await expect(readFile(join(own, 'mi-sandbox-61001', 'memory.limit_in_bytes'), 'utf8')).resolves.toBe('1024');
      await writeFile(join(own, 'mi-sandbox-61001', 'memory.oom_control'), 'oom_kill_disable 0\nunder_oom 0\noom_kill 3\n');
      await expect(group.oomKills()).resolves.toBe(3);
    });

    it('says why when the group is absent', async () => {
      const sut = await CgroupLimits.detect({ root: join(root, 'nowhere'), procSelfCgroup });
      expect(sut).toEqual({ limits: null, reason: expect.stringMatching(/no writable memory cgroup .*ENOENT/) });
    });
  });

  it('says why when no hierarchy has a memory controller', async () => {
    await expect(CgroupLimits.detect({ root, procSelfCgroup: '1:cpu:/\n' })).resolves.toEqual({
      limits: null,
      reason: expect.stringContaining('no memory controller'),
    });
  });
});
