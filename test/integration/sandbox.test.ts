import { execFileSync } from 'node:child_process';
import { checkSandbox, judge, SandboxRunner, type SandboxLanguage, SandboxService, toCandidateResult } from '#libs/sandbox';
import { testConfig } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

// Real bubblewrap, real rlimits: each hostile program must end with its own status while the runner stays usable.
const config = testConfig({ SANDBOX_WALL_MS: '4000', SANDBOX_CPU_SECONDS: '2', CODE_RUN_CONCURRENCY: '2' });
const sut = new SandboxService(config);

const ENTRY: Record<SandboxLanguage, string> = { python: 'solve', javascript: 'solve' };

async function runOne(language: SandboxLanguage, code: string, args: unknown[] = [1], expected: unknown = 2) {
  const outcome = await sut.run({ language, code, entryPoint: ENTRY[language], calls: [{ args }] });
  return judge([{ name: 't', args, expected, hidden: false }], outcome, 'exact');
}

/** Live processes still owned by the sandbox uids: none may outlive its run (exited ones await reaping by init). */
function leftovers(): string[] {
  const out = execFileSync('ps', ['-eo', 'uid=,pid=,stat=,comm='], { encoding: 'utf8' });
  const uids = Array.from({ length: config.coding.runConcurrency }, (_, i) => String(config.sandbox.uidBase + i));
  return out.split('\n').filter((line) => {
    const [uid, , stat] = line.trim().split(/\s+/);
    return uids.includes(uid ?? '') && !stat?.startsWith('Z');
  });
}

afterEach(async () => {
  // The runner stays healthy after every hostile case: a trivial program still passes.
  const healthy = await runOne('python', 'def solve(x):\n    return x + 1\n');
  expect(healthy.status).toBe('PASSED');
  // bwrap's init may take a moment to be reaped after the run is reported.
  await waitFor(async () => (leftovers().length === 0 ? true : undefined), { timeoutMs: 3000 }).catch(() => undefined);
  expect(leftovers()).toEqual([]);
});

describe('sandbox', () => {
  it('is available: bwrap present and smoke runs pass', async () => {
    await expect(new SandboxService(config).check()).resolves.toEqual({ ok: true });
    // This machine has a writable cgroup v1 memory controller; where it has none, the rlimits stand alone.
    await expect(sut.memoryCgroup()).resolves.toBe(true);
  });

  it('refuses to run when bwrap is missing', async () => {
    const broken = new SandboxService(testConfig({ SANDBOX_BWRAP: '/nonexistent/bwrap' }));
    const availability = await broken.check();
    expect(availability).toEqual({ ok: false, reason: expect.stringContaining('bubblewrap (bwrap) is not installed') });
  });

  it('refuses to run when the worker is not root (it could not drop each run to its own uid)', async () => {
    const availability = await checkSandbox(new SandboxRunner(sut.runtime, config.sandbox.limits), sut.runtime, 1000);
    expect(availability).toEqual({ ok: false, reason: expect.stringContaining('runs as uid 1000, but it must be root') });
  });

  it.each(['python', 'javascript'] as const)('%s: a correct solution passes, a wrong one fails the right tests', async (language) => {
    const code =
      language === 'python'
        ? 'def solve(xs):\n    print("debug", len(xs))\n    return sorted(xs)\n'
        : 'function solve(xs) {\n  console.log("debug", xs.length);\n  return [...xs].sort((a, b) => a - b);\n}\n';
    const wrong = language === 'python' ? 'def solve(xs):\n    return xs\n' : 'function solve(xs) { return xs; }\n';
    const tests = [
      { name: 'sorted already', args: [[1, 2, 3]], expected: [1, 2, 3], hidden: false },
      { name: 'reversed', args: [[3, 2, 1]], expected: [1, 2, 3], hidden: true },
      { name: 'empty', args: [[]], expected: [], hidden: true },
    ];
    const calls = tests.map((t) => ({ args: t.args }));
    const good = judge(tests, await sut.run({ language, code, entryPoint: 'solve', calls }), 'exact');
    expect(good.status).toBe('PASSED');
    expect(good.hidden).toEqual({ passed: 2, total: 2 });
    expect(good.tests[0]!.stdout).toContain('debug 3');
    const bad = judge(tests, await sut.run({ language, code: wrong, entryPoint: 'solve', calls }), 'exact');
    expect(bad.status).toBe('FAILED');
    expect(bad.tests.map((t) => t.passed)).toEqual([true, false, true]);
    const shown = toCandidateResult(bad);
    expect(shown.tests[1]).toEqual({ name: 'hidden test 1', hidden: true, passed: false });
  });

  it.each(['python', 'javascript'] as const)('%s: a syntax error is COMPILE_ERROR, an exception RUNTIME_ERROR', async (language) => {
    const compile = await runOne(language, language === 'python' ? 'def solve(x)\n  return x' : 'function solve(x) { return x +; }');
    expect(compile.status).toBe('COMPILE_ERROR');
    expect(compile.compileError).toMatch(/SyntaxError/);
    const raised = await runOne(
      language,
      language === 'python' ? 'def solve(x):\n    raise ValueError("boom")\n' : 'function solve(x) { throw new Error("boom"); }',
    );
    expect(raised.status).toBe('RUNTIME_ERROR');
    expect(raised.tests[0]!.error).toContain('boom');
  });

  it.each([
    ['python', 'def solve(x):\n    while True:\n        pass\n'],
    ['javascript', 'function solve(x) { for (;;) {} }'],
  ] as const)('%s: an infinite loop is TIMEOUT', async (language, code) => {
    const result = await runOne(language, code);
    expect(result.status).toBe('TIMEOUT');
    expect(result.tests[0]!.passed).toBe(false);
  });

  it.each([
    ['python', 'import time\ndef solve(x):\n    time.sleep(60)\n'],
    ['javascript', 'function solve(x) { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000); }'],
  ] as const)('%s: sleeping past the wall limit is TIMEOUT', async (language, code) => {
    const started = Date.now();
    const result = await runOne(language, code);
    expect(result.status).toBe('TIMEOUT');
    expect(result.message).toContain('wall time');
    expect(Date.now() - started).toBeLessThan(config.sandbox.limits.wallMs + 3000);
  });

  it.each([
    ['python', 'import os\ndef solve(x):\n    while True:\n        try:\n            os.fork()\n        except OSError:\n            pass\n'],
    [
      'javascript',
      'function solve(x) { const { spawn } = process.mainModule.require("node:child_process"); for (;;) { try { spawn(process.execPath, ["-e", "for(;;){}"]); } catch (e) {} } }',
    ],
  ] as const)('%s: a fork bomb is contained (TIMEOUT) and leaves nothing behind', async (language, code) => {
    const result = await runOne(language, code);
    expect(['TIMEOUT', 'RUNTIME_ERROR']).toContain(result.status);
    expect(result.tests[0]!.passed).toBe(false);
  });

  it('python fork bomb: the sandbox uid never holds more than its process limit, and this process stays responsive', async () => {
    const code = 'import os\ndef solve(x):\n    while True:\n        try:\n            os.fork()\n        except OSError:\n            pass\n';
    let peak = 0;
    let worstLagMs = 0;
    let last = performance.now();
    const sampler = setInterval(() => {
      const now = performance.now();
      worstLagMs = Math.max(worstLagMs, now - last - 100);
      last = now;
      peak = Math.max(peak, leftovers().length);
    }, 100);
    try {
      const result = await runOne('python', code);
      expect(result.status).toBe('TIMEOUT');
    } finally {
      clearInterval(sampler);
    }
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(config.sandbox.limits.maxProcesses);
    expect(worstLagMs).toBeLessThan(2000);
  });

  it('shell fork bomb: processes stay under the limit', async () => {
    const code =
      'import subprocess\ndef solve(x):\n    return subprocess.run(["/bin/sh", "-c", "f(){ f | f & }; f; sleep 2; ps -e | wc -l"], capture_output=True, text=True).stdout.strip()\n';
    const result = await runOne('python', code, [1], 'n/a');
    expect(['TIMEOUT', 'FAILED']).toContain(result.status);
    if (result.status === 'FAILED') expect(Number(result.tests[0]!.actual)).toBeLessThanOrEqual(config.sandbox.limits.maxProcesses + 1);
  });

  it.each([
    ['python', 'def solve(x):\n    b = bytearray(4 * 1024 ** 3)\n    return len(b)\n'],
    ['javascript', 'function solve(x) { const b = Buffer.alloc(4 * 1024 ** 3); return b.length; }'],
    ['javascript', 'function solve(x) { const a = []; for (;;) a.push(new Array(1e6).fill(1.5)); }'],
    ['python', 'def solve(x):\n    a = []\n    while True:\n        a.append(bytearray(10 ** 7))\n'],
  ] as const)('%s: allocating 4 GB is MEMORY_LIMIT', async (language, code) => {
    const result = await runOne(language, code);
    expect(result.status).toBe('MEMORY_LIMIT');
  });

  it('python: many processes each under the per-process bound together hit the memory cgroup (MEMORY_LIMIT)', async () => {
    // 8 children × 200 MB touched: each is inside RLIMIT_AS, together they are far over the run's bound.
    const code = [
      'import os, time',
      'def solve(x):',
      '    for _ in range(8):',
      '        if os.fork() == 0:',
      '            b = bytearray(200 * 1024 * 1024)',
      '            for i in range(0, len(b), 4096):',
      '                b[i] = 1',
      '            time.sleep(30)',
      '            os._exit(0)',
      '    time.sleep(30)',
    ].join('\n');
    const result = await runOne('python', code);
    expect(result.status).toBe('MEMORY_LIMIT');
  });

  it.each([
    ['python', 'def solve(x):\n    chunk = "x" * 1024 * 1024\n    for _ in range(100):\n        print(chunk)\n'],
    ['javascript', 'function solve(x) { const chunk = "x".repeat(1024 * 1024); for (let i = 0; i < 100; i++) console.log(chunk); }'],
    ['python', 'import os\ndef solve(x):\n    chunk = b"x" * 1024 * 1024\n    for _ in range(100):\n        os.write(1, chunk)\n'],
  ] as const)('%s: printing 100 MB is OUTPUT_LIMIT', async (language, code) => {
    const result = await runOne(language, code);
    expect(result.status).toBe('OUTPUT_LIMIT');
  });

  it('python: opening a socket to 127.0.0.1 (Redis) fails: no network', async () => {
    const code = 'import socket\ndef solve(x):\n    s = socket.create_connection(("127.0.0.1", 6379), timeout=1)\n    return "connected"\n';
    const result = await runOne('python', code, [1], 'n/a');
    expect(result.status).toBe('RUNTIME_ERROR');
    expect(result.tests[0]!.error).toMatch(/Network is unreachable|Connection refused/);
  });

  it('javascript: a TCP connection to 127.0.0.1 (Redis) fails with a network error', async () => {
    const probe =
      'require("node:net").connect(6379, "127.0.0.1").on("connect", () => { console.log("connected"); process.exit(0); }).on("error", (e) => { console.log(e.code); process.exit(1); })';
    const code = `function solve(x) { const r = process.mainModule.require("node:child_process").spawnSync(process.execPath, ["-e", ${JSON.stringify(probe)}], { encoding: "utf8" }); return r.stdout.trim(); }`;
    const result = await runOne('javascript', code, [1], 'n/a');
    expect(result.tests[0]!.actual).toMatch(/^(ENETUNREACH|ECONNREFUSED)$/);
  });

  it('python: /etc/shadow and the worker environment are out of reach', async () => {
    process.env.SANDBOX_CANARY_SECRET = 'canary-123';
    try {
      const code = [
        'import os',
        'def solve(x):',
        '    try:',
        '        shadow = open("/etc/shadow").read()',
        '    except OSError as e:',
        '        shadow = "denied: " + type(e).__name__',
        '    env = dict(os.environ)',
        '    parent = open("/proc/1/environ", "rb").read().decode(errors="replace")',
        '    caps = [l.split()[1] for l in open("/proc/self/status") if l.startswith(("CapEff", "CapPrm", "CapBnd"))]',
        '    return [shadow, sorted(env.keys()), "canary" in parent, os.getuid(), os.path.exists("/root"), os.path.exists("/work/../etc"), caps]',
      ].join('\n');
      const result = await runOne('python', code, [1], 'n/a');
      const [shadow, envKeys, canaryInParent, uid, root, etc, caps] = result.tests[0]!.actual as [
        string,
        string[],
        boolean,
        number,
        boolean,
        boolean,
        string[],
      ];
      expect(caps).toEqual(['0000000000000000', '0000000000000000', '0000000000000000']);
      expect(shadow).toMatch(/^denied: /);
      expect(envKeys).toEqual(['HOME', 'LANG', 'PATH', 'PWD', 'UV_THREADPOOL_SIZE']);
      expect(envKeys.some((k) => /SECRET|DATABASE|REDIS|JWT|OPENAI/.test(k))).toBe(false);
      expect(canaryInParent).toBe(false);
      expect(uid).toBeGreaterThanOrEqual(config.sandbox.uidBase);
      expect(root).toBe(false);
      expect(etc).toBe(false);
    } finally {
      delete process.env.SANDBOX_CANARY_SECRET;
    }
  });

  it('javascript: the environment holds no secrets', async () => {
    const result = await runOne('javascript', 'function solve(x) { return Object.keys(process.env).sort(); }', [1], 'n/a');
    expect(result.tests[0]!.actual).toEqual(['HOME', 'LANG', 'PATH', 'PWD', 'UV_THREADPOOL_SIZE']);
  });

  it('python: writing outside the work directory fails; inside it is bounded', async () => {
    const code = [
      'import os',
      'def solve(x):',
      '    out = []',
      '    for path in ["/usr/evil", "/code/evil", "/evil", "/tmp/evil", "/proc/evil", "/dev/evil", "/dev/shm/evil"]:',
      '        try:',
      '            open(path, "w").write("x")',
      '            out.append(path + ": written")',
      '        except OSError as e:',
      '            out.append(path + ": " + type(e).__name__)',
      '    open("ok.txt", "w").write("fine")',
      '    try:',
      '        open("big.bin", "wb").write(b"x" * 50_000_000)',
      '        out.append("big: written")',
      '    except OSError as e:',
      '        out.append("big: " + type(e).__name__)',
      '    return out',
    ].join('\n');
    const result = await runOne('python', code, [1], 'n/a');
    const lines = result.tests[0]!.actual as string[];
    expect(lines.filter((l) => l.endsWith('written'))).toEqual([]);
    expect(lines).toHaveLength(8);
    expect(lines[7]).toMatch(/^big: OSError|^big: Errno/);
  });

  it.each([
    [
      'python',
      'import os, signal\ndef solve(x):\n    os.kill(os.getppid(), signal.SIGKILL)\n    os.kill(1, signal.SIGKILL)\n    os.kill(-1, signal.SIGKILL)\n    return 2\n',
    ],
    [
      'javascript',
      'function solve(x) { try { process.kill(process.ppid, "SIGKILL"); } catch (e) {} try { process.kill(-1, "SIGKILL"); } catch (e) {} return 2; }',
    ],
  ] as const)('%s: killing its parent ends only the sandbox', async (language, code) => {
    const result = await runOne(language, code);
    expect(['PASSED', 'RUNTIME_ERROR']).toContain(result.status);
  });

  it('runs two programs at once on separate uids', async () => {
    const code = 'import os, time\ndef solve(x):\n    time.sleep(0.5)\n    return os.getuid()\n';
    const [a, b] = await Promise.all([
      sut.run({ language: 'python', code, entryPoint: 'solve', calls: [{ args: [1] }] }),
      sut.run({ language: 'python', code, entryPoint: 'solve', calls: [{ args: [1] }] }),
    ]);
    expect(new Set([a.calls[0]!.actual, b.calls[0]!.actual]).size).toBe(2);
  });
});
