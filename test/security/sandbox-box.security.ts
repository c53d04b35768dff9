import { judge, SandboxService } from '#libs/sandbox';
import { testConfig } from '../support/test-config.js';

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
