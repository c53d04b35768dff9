import { AUDIT_ARCH, DENIED_SYSCALLS, type SeccompArch, SECCOMP_RET, seccompFilter, syscallNumber, type SyscallName } from './seccomp-filter.js';

/** Just enough of a classic BPF machine to run the filter on one syscall (the kernel's checker is stricter). */
function verdict(program: Buffer, call: { arch: number; nr: number; arg0?: number }): number {
  const data = Buffer.alloc(64);
  data.writeUInt32LE(call.nr, 0);
  data.writeUInt32LE(call.arch, 4);
  data.writeUInt32LE((call.arg0 ?? 0) >>> 0, 16);
  let a = 0;
  for (let pc = 0; pc < program.length / 8; pc++) {
    const [code, jt, jf, k] = [
      program.readUInt16LE(pc * 8),
      program.readUInt8(pc * 8 + 2),
      program.readUInt8(pc * 8 + 3),
      program.readUInt32LE(pc * 8 + 4),
    ];
    if (code === 0x20) a = data.readUInt32LE(k);
    else if (code === 0x06) return k;
    else if (code === 0x15) pc += a === k ? jt : jf;
    else if (code === 0x35) pc += a >= k ? jt : jf;
    else if (code === 0x45) pc += (a & k) !== 0 ? jt : jf;
    else throw new Error(`unknown opcode ${code}`);
  }
  throw new Error('fell off the end of the program');
}

const EPERM = SECCOMP_RET.ERRNO | 1;
const ENOSYS = SECCOMP_RET.ERRNO | 38;

describe(seccompFilter.name, () => {
  describe.each(['x64', 'arm64'] as const)('on %s', (arch: SeccompArch) => {
    const sut = seccompFilter(arch);
    const run = (name: SyscallName, arg0?: number) => verdict(sut, { arch: AUDIT_ARCH[arch], nr: syscallNumber(name, arch)!, arg0 });

    it('is a whole number of sock_filter records, each syscall number unique', () => {
      expect(sut.length % 8).toBe(0);
      const numbers = DENIED_SYSCALLS.map((n) => syscallNumber(n, arch)).filter((n) => n !== undefined);
      expect(new Set(numbers).size).toBe(numbers.length);
    });

    it.each(['ptrace', 'keyctl', 'add_key', 'bpf', 'perf_event_open', 'unshare', 'setns', 'mount', 'io_uring_setup', 'userfaultfd'] as const)(
      'denies %s with EPERM',
      (name) => expect(run(name)).toBe(EPERM),
    );

    it('allows ordinary syscalls', () => {
      const read = arch === 'x64' ? 0 : 63;
      const mmap = arch === 'x64' ? 9 : 222;
      expect(verdict(sut, { arch: AUDIT_ARCH[arch], nr: read })).toBe(SECCOMP_RET.ALLOW);
      expect(verdict(sut, { arch: AUDIT_ARCH[arch], nr: mmap })).toBe(SECCOMP_RET.ALLOW);
    });

    it('allows clone for threads and fork, not into new namespaces; clone3 answers ENOSYS', () => {
      const THREAD = 0x3d0f00; // CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | …
      expect(run('clone', THREAD)).toBe(SECCOMP_RET.ALLOW);
      expect(run('clone', 17 /* SIGCHLD: fork */)).toBe(SECCOMP_RET.ALLOW);
      for (const flag of [0x20000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000]) {
        expect(run('clone', 17 | flag)).toBe(EPERM);
      }
      expect(run('clone3')).toBe(ENOSYS);
    });

    it('allows only the personality query and PER_LINUX', () => {
      expect(run('personality', 0xffffffff)).toBe(SECCOMP_RET.ALLOW);
      expect(run('personality', 0)).toBe(SECCOMP_RET.ALLOW);
      expect(run('personality', 0x0040000 /* ADDR_NO_RANDOMIZE */)).toBe(EPERM);
    });

    it('kills a syscall made through another ABI', () => {
      const other = arch === 'x64' ? 0x40000003 /* i386 */ : 0x40000028; /* arm */
      expect(verdict(sut, { arch: other, nr: 0 })).toBe(SECCOMP_RET.KILL_PROCESS);
    });
  });

  it('kills x32 syscalls on x86_64 (their numbers are another table)', () => {
    const sut = seccompFilter('x64');
    expect(verdict(sut, { arch: AUDIT_ARCH.x64, nr: 0x40000000 | 101 })).toBe(SECCOMP_RET.KILL_PROCESS);
    expect(verdict(sut, { arch: AUDIT_ARCH.x64, nr: 0x40000000 })).toBe(SECCOMP_RET.KILL_PROCESS);
  });

  it('omits syscalls an architecture does not have', () => {
    expect(syscallNumber('ioperm', 'arm64')).toBeUndefined();
    expect(seccompFilter('arm64').length).toBeLessThan(seccompFilter('x64').length);
  });
});
