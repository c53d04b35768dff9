import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { judge, SandboxService } from '#libs/sandbox';
import { testConfig } from '../support/test-config.js';

const execFileAsync = promisify(execFile);
// Issue 17, point 4 (part): candidate code may not create user namespaces inside the box (no unshare + chroot).
const sut = new SandboxService(testConfig({ SANDBOX_WALL_MS: '4000', SANDBOX_CPU_SECONDS: '2', CODE_RUN_CONCURRENCY: '1' }));

const UNSHARE_USERNS = `
import ctypes, os
def solve(x):
    libc = ctypes.CDLL(None, use_errno=True)
    CLONE_NEWUSER = 0x10000000
    return [libc.unshare(CLONE_NEWUSER), ctypes.get_errno()]
`;

describe('the sandbox box', () => {
  it('refuses a new user namespace to candidate code', async () => {
    const outcome = await sut.run({ language: 'python', code: UNSHARE_USERNS, entryPoint: 'solve', calls: [{ args: [1] }] });
    const result = judge([{ name: 'userns', args: [1], expected: null, hidden: false }], outcome, 'exact');
    const actual = result.tests[0]?.actual as [number, number] | undefined;
    expect(result.tests[0]?.error).toBeUndefined();
    // unshare() fails (-1) with EPERM or ENOSPC (max_user_namespaces = 0 under --disable-userns).
    expect(actual?.[0]).toBe(-1);
    expect([1, 28]).toContain(actual?.[1]);
  });
});

describe('the sandbox box, seen from inside', () => {
  it('shows no host path or worker command line in /proc/1', async () => {
    const code = `
def solve(x):
    with open('/proc/1/cmdline', 'rb') as f:
        return f.read().replace(b'\\0', b' ').decode('utf8', 'replace')
`;
    const outcome = await sut.run({ language: 'python', code, entryPoint: 'solve', calls: [{ args: [1] }] });
    const result = judge([{ name: 'proc1', args: [1], expected: null, hidden: false }], outcome, 'exact');
    const cmdline = String(result.tests[0]?.actual ?? '');
    expect(result.tests[0]?.error).toBeUndefined();
    expect(cmdline).not.toMatch(/bwrap|--ro-bind|\/tmp\/|node|dist\//);
  });
});

// Issue 17, point 4: a seccomp filter (bwrap --seccomp) denies what Docker's default profile denies without
// CAP_SYS_ADMIN; clone3 answers ENOSYS so glibc falls back to clone (whose flags the filter can read).
const NR: Record<string, Record<'add_key' | 'keyctl' | 'bpf' | 'perf_event_open' | 'clone3', number>> = {
  x64: { add_key: 248, keyctl: 250, bpf: 321, perf_event_open: 298, clone3: 435 },
  arm64: { add_key: 217, keyctl: 219, bpf: 280, perf_event_open: 241, clone3: 435 },
};
const SYSCALL_PROBE = `
import ctypes, os, threading
def solve(nr):
    libc = ctypes.CDLL(None, use_errno=True)
    def call(f):
        ctypes.set_errno(0)
        return [f(), ctypes.get_errno()]
    box = []
    thread = threading.Thread(target=lambda: box.append('thread ran'))
    thread.start()
    thread.join()
    pid = os.fork()
    if pid == 0:
        os._exit(7)
    _, status = os.waitpid(pid, 0)
    return {
        'ptrace': call(lambda: libc.ptrace(0, 0, None, None)),
        'add_key': call(lambda: libc.syscall(nr['add_key'], b'user', b'mi', b'v', 1, -2)),
        'keyctl': call(lambda: libc.syscall(nr['keyctl'], 0, -3, 0)),
        'bpf': call(lambda: libc.syscall(nr['bpf'], 0, None, 0)),
        'perf_event_open': call(lambda: libc.syscall(nr['perf_event_open'], None, 0, -1, -1, 0)),
        'unshare_newns': call(lambda: libc.unshare(0x00020000)),
        'clone3': call(lambda: libc.syscall(nr['clone3'], None, 0)),
        'thread': box,
        'fork': os.WEXITSTATUS(status),
    }
`;
const EPERM = 1;
const ENOSYS = 38;

describe('the sandbox box, seccomp', () => {
  it('denies ptrace, keyrings, bpf, perf and new namespaces with EPERM, clone3 with ENOSYS; threads and fork still work', async () => {
    const nr = NR[process.arch];
    if (!nr) throw new Error(`no syscall numbers for ${process.arch} in this test`);
    const outcome = await sut.run({ language: 'python', code: SYSCALL_PROBE, entryPoint: 'solve', calls: [{ args: [nr] }] });
    const result = judge([{ name: 'syscalls', args: [nr], expected: null, hidden: false }], outcome, 'exact');
    expect(result.tests[0]?.error).toBeUndefined();
    const actual = result.tests[0]?.actual as Record<string, [number, number]> & { thread: string[]; fork: number };
    for (const name of ['ptrace', 'add_key', 'keyctl', 'bpf', 'perf_event_open', 'unshare_newns'] as const) {
      expect({ name, result: actual[name] }).toEqual({ name, result: [-1, EPERM] });
    }
    expect(actual.clone3).toEqual([-1, ENOSYS]);
    expect(actual.thread).toEqual(['thread ran']);
    expect(actual.fork).toBe(7);
  });

  it('still runs node with its worker threads and libuv pool', async () => {
    // A worker thread (a new OS thread: clone3 refused, clone used) reads a file through libuv's thread pool (or
    // io_uring, refused: the pool instead) and reports through shared memory while the entry point waits.
    // The harness runs the solution as a script, without the module wrapper's require.
    const code = `
const load = (name) => process.mainModule.require(name);
const { Worker } = load('node:worker_threads');
const { writeFileSync } = load('node:fs');
const WORKER = "const { workerData } = require('node:worker_threads');" +
  "require('node:fs').readFile('/code/solution.js', (err) => { Atomics.store(workerData, 0, err ? -1 : 41); Atomics.notify(workerData, 0); });";
function solve(x) {
  writeFileSync('/work/worker.cjs', WORKER);
  const shared = new Int32Array(new SharedArrayBuffer(4));
  new Worker('/work/worker.cjs', { workerData: shared });
  Atomics.wait(shared, 0, 0, 5000);
  return Atomics.load(shared, 0) + x;
}
`;
    // A worker isolate reserves more address space than RLIMIT_AS leaves under the default memory limit (it dies of
    // SIGSEGV with or without the filter): a larger one here, so only the filter is under test.
    const roomy = new SandboxService(testConfig({ SANDBOX_WALL_MS: '4000', SANDBOX_MEMORY_MB: '2048', CODE_RUN_CONCURRENCY: '1' }));
    const outcome = await roomy.run({ language: 'javascript', code, entryPoint: 'solve', calls: [{ args: [1] }] });
    const result = judge([{ name: 'threads', args: [1], expected: 42, hidden: false }], outcome, 'exact');
    expect({ status: result.status, error: result.tests[0]?.error, stderr: outcome.stderr }).toEqual({
      status: 'PASSED',
      error: undefined,
      stderr: '',
    });
  });
});

// Issue 17, point 4: the whole process tree of a run is bounded (cgroup v1 here; v2 is covered by the unit spec).
describe('the sandbox box, memory of the whole tree', () => {
  it('ends a run whose processes together pass the limit as MEMORY_LIMIT', async () => {
    // 128 MB per process (RLIMIT_AS), 384 MB for the run: eight children of 80 MB each stay under the first, not the second.
    const bounded = new SandboxService(testConfig({ SANDBOX_WALL_MS: '8000', SANDBOX_MEMORY_MB: '128', CODE_RUN_CONCURRENCY: '1' }));
    await expect(bounded.memoryCgroup()).resolves.toBe(true);
    const code = `
import os, time
def solve(x):
    children = []
    for _ in range(8):
        pid = os.fork()
        if pid == 0:
            block = b'\\x01' * (80 * 1024 * 1024)
            time.sleep(2)
            os._exit(0)
        children.append(pid)
    for pid in children:
        os.waitpid(pid, 0)
    return x
`;
    const outcome = await bounded.run({ language: 'python', code, entryPoint: 'solve', calls: [{ args: [1] }] });
    expect(outcome.termination).toBe('MEMORY_LIMIT');
  });
});

// Issue 17, point 4: no code runs without a whole-tree memory bound, unless the config accepts rlimits alone.
describe('the sandbox check, memory bound', () => {
  it('refuses code runs when no memory cgroup can be set up', async () => {
    const noCgroup = new SandboxService(testConfig({ SANDBOX_CGROUP_ROOT: '/nonexistent/cgroup', CODE_RUN_CONCURRENCY: '1' }));
    await expect(noCgroup.check()).resolves.toEqual({ ok: false, reason: expect.stringContaining('no memory cgroup can bound a run') });
    await expect(noCgroup.memoryCgroup()).resolves.toBe(false);
  });

  it('accepts per-process rlimits alone when SANDBOX_MEMORY_BOUND=rlimits-only says so', async () => {
    const rlimitsOnly = new SandboxService(
      testConfig({ SANDBOX_CGROUP_ROOT: '/nonexistent/cgroup', SANDBOX_MEMORY_BOUND: 'rlimits-only', CODE_RUN_CONCURRENCY: '1' }),
    );
    await expect(rlimitsOnly.check()).resolves.toEqual({ ok: true });
  });
});

// Issue 17, point 4: a killed run leaves no <defunct> process, even when the worker is pid 1 and reaps no orphan.
describe('the sandbox runner, killing a run', () => {
  it('leaves no zombie behind a TIMEOUT or an OUTPUT_LIMIT kill when the worker is pid 1', async () => {
    const config = testConfig({ SANDBOX_WALL_MS: '1500', SANDBOX_CPU_SECONDS: '5', SANDBOX_OUTPUT_BYTES: '10000', CODE_RUN_CONCURRENCY: '1' });
    const probe = fileURLToPath(new URL('./reap-probe.mjs', import.meta.url));
    const input = JSON.stringify({ runtime: sut.runtime, limits: config.sandbox.limits });
    const { stdout } = await execFileAsync('unshare', ['--pid', '--fork', '--mount-proc', process.execPath, probe, input], { timeout: 30_000 });
    const report = JSON.parse(stdout) as { pid: number; terminations: string[]; zombies: string[] };
    expect(report.pid).toBe(1);
    expect(report.terminations).toEqual(['TIMEOUT', 'OUTPUT_LIMIT']);
    expect(report.zombies).toEqual([]);
  });
});
