/**
 * The seccomp filter bubblewrap installs in the box right before it execs the program (`--seccomp FD`): a classic
 * BPF program, generated here so every rule reads in one place. It denies what Docker's default profile denies to
 * a container without CAP_SYS_ADMIN: the box has no capabilities either, but each of these syscalls is kernel
 * attack surface a test-runner never needs (keyrings, perf, bpf, io_uring, ptrace, mounts, namespaces, modules).
 */

export type SeccompArch = 'x64' | 'arm64';

/** Syscall numbers per architecture (x86_64: asm/unistd_64.h; aarch64: asm-generic/unistd.h). Absent: no such syscall. */
const SYSCALLS = {
  acct: { x64: 163, arm64: 89 },
  add_key: { x64: 248, arm64: 217 },
  bpf: { x64: 321, arm64: 280 },
  clock_adjtime: { x64: 305, arm64: 266 },
  clock_settime: { x64: 227, arm64: 112 },
  create_module: { x64: 174 },
  delete_module: { x64: 176, arm64: 106 },
  fanotify_init: { x64: 300, arm64: 262 },
  finit_module: { x64: 313, arm64: 273 },
  fsconfig: { x64: 431, arm64: 431 },
  fsmount: { x64: 432, arm64: 432 },
  fsopen: { x64: 430, arm64: 430 },
  fspick: { x64: 433, arm64: 433 },
  get_kernel_syms: { x64: 177 },
  get_mempolicy: { x64: 239, arm64: 236 },
  init_module: { x64: 175, arm64: 105 },
  io_uring_enter: { x64: 426, arm64: 426 },
  io_uring_register: { x64: 427, arm64: 427 },
  io_uring_setup: { x64: 425, arm64: 425 },
  ioperm: { x64: 173 },
  iopl: { x64: 172 },
  kcmp: { x64: 312, arm64: 272 },
  kexec_file_load: { x64: 320, arm64: 294 },
  kexec_load: { x64: 246, arm64: 104 },
  keyctl: { x64: 250, arm64: 219 },
  lookup_dcookie: { x64: 212, arm64: 18 },
  mbind: { x64: 237, arm64: 235 },
  mount: { x64: 165, arm64: 40 },
  mount_setattr: { x64: 442, arm64: 442 },
  move_mount: { x64: 429, arm64: 429 },
  move_pages: { x64: 279, arm64: 239 },
  name_to_handle_at: { x64: 303, arm64: 264 },
  nfsservctl: { x64: 180, arm64: 42 },
  open_by_handle_at: { x64: 304, arm64: 265 },
  open_tree: { x64: 428, arm64: 428 },
  perf_event_open: { x64: 298, arm64: 241 },
  pivot_root: { x64: 155, arm64: 41 },
  process_vm_readv: { x64: 310, arm64: 270 },
  process_vm_writev: { x64: 311, arm64: 271 },
  ptrace: { x64: 101, arm64: 117 },
  query_module: { x64: 178 },
  quotactl: { x64: 179, arm64: 60 },
  quotactl_fd: { x64: 443, arm64: 443 },
  reboot: { x64: 169, arm64: 142 },
  request_key: { x64: 249, arm64: 218 },
  set_mempolicy: { x64: 238, arm64: 237 },
  set_mempolicy_home_node: { x64: 450, arm64: 450 },
  setns: { x64: 308, arm64: 268 },
  settimeofday: { x64: 164, arm64: 170 },
  swapoff: { x64: 168, arm64: 225 },
  swapon: { x64: 167, arm64: 224 },
  syslog: { x64: 103, arm64: 116 },
  sysfs: { x64: 139 },
  _sysctl: { x64: 156 },
  umount2: { x64: 166, arm64: 39 },
  unshare: { x64: 272, arm64: 97 },
  uselib: { x64: 134 },
  userfaultfd: { x64: 323, arm64: 282 },
  ustat: { x64: 136 },
  vhangup: { x64: 153, arm64: 58 },
  // Allowed with conditions on their first argument (below).
  clone: { x64: 56, arm64: 220 },
  clone3: { x64: 435, arm64: 435 },
  personality: { x64: 135, arm64: 92 },
} as const satisfies Record<string, Partial<Record<SeccompArch, number>>>;

export type SyscallName = keyof typeof SYSCALLS;
const CONDITIONAL: readonly SyscallName[] = ['clone', 'clone3', 'personality'];
/** Every syscall the filter refuses outright with EPERM. */
export const DENIED_SYSCALLS = (Object.keys(SYSCALLS) as SyscallName[]).filter((name) => !CONDITIONAL.includes(name));

export function syscallNumber(name: SyscallName, arch: SeccompArch): number | undefined {
  return (SYSCALLS[name] as Partial<Record<SeccompArch, number>>)[arch];
}

export const AUDIT_ARCH: Record<SeccompArch, number> = { x64: 0xc000003e, arm64: 0xc00000b7 };
/** x86_64's x32 ABI numbers syscalls from here up: a second table the deny list would not cover. */
const X32_SYSCALL_BIT = 0x40000000;
/** CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET. */
const CLONE_NEW_FLAGS = 0x7e020000;
/** personality(): the query value, and PER_LINUX (what the box already runs as). */
const PERSONALITY_ALLOWED = [0xffffffff, 0];

export const SECCOMP_RET = { KILL_PROCESS: 0x80000000, ERRNO: 0x00050000, ALLOW: 0x7fff0000 } as const;
const EPERM = 1;
const ENOSYS = 38;

// struct seccomp_data: nr (u32), arch (u32), instruction_pointer (u64), args (6 x u64). Both arches are
// little-endian, so an argument's low 32 bits sit at its own offset; clone's flags and personality's persona
// are 32-bit values to the kernel, so the high half never matters.
const OFFSET = { nr: 0, arch: 4, arg0: 16 } as const;

// Classic BPF opcodes (linux/bpf_common.h).
const LD_W_ABS = 0x20;
const JEQ = 0x15;
const JGE = 0x35;
const JSET = 0x45;
const RET = 0x06;

type Label = 'kill' | 'eperm' | 'enosys' | 'allow' | 'clone' | 'personality';
type Target = Label | 'next';
type Instruction = { code: number; k: number; jt?: Target; jf?: Target } | { label: Label };

/** The program for one architecture, as bwrap reads it: `struct sock_filter` records, 8 bytes each. */
export function seccompFilter(arch: SeccompArch): Buffer {
  const nr = (name: SyscallName) => syscallNumber(name, arch);
  const deny = DENIED_SYSCALLS.map(nr).filter((n): n is number => n !== undefined);
  const program: Instruction[] = [
    // Another ABI means another syscall table (i386 on x86_64, arm32 on aarch64): nothing legitimate uses one.
    { code: LD_W_ABS, k: OFFSET.arch },
    { code: JEQ, k: AUDIT_ARCH[arch], jf: 'kill' },
    { code: LD_W_ABS, k: OFFSET.nr },
    ...(arch === 'x64' ? [{ code: JGE, k: X32_SYSCALL_BIT, jt: 'kill' as const }] : []),
    ...deny.map((n) => ({ code: JEQ, k: n, jt: 'eperm' as const })),
    // ENOSYS, not EPERM: glibc then falls back to clone(), whose flags a classic filter can read (clone3's are
    // behind a pointer), so threads and fork keep working.
    { code: JEQ, k: nr('clone3')!, jt: 'enosys' },
    { code: JEQ, k: nr('clone')!, jt: 'clone' },
    { code: JEQ, k: nr('personality')!, jt: 'personality' },
    { code: RET, k: SECCOMP_RET.ALLOW },
    // clone() into new namespaces: as unshare().
    { label: 'clone' },
    { code: LD_W_ABS, k: OFFSET.arg0 },
    { code: JSET, k: CLONE_NEW_FLAGS, jt: 'eperm', jf: 'allow' },
    // Other personalities switch off ASLR (ADDR_NO_RANDOMIZE) or change how the kernel reads the program.
    { label: 'personality' },
    { code: LD_W_ABS, k: OFFSET.arg0 },
    ...PERSONALITY_ALLOWED.map((k) => ({ code: JEQ, k, jt: 'allow' as const })),
    { label: 'eperm' },
    { code: RET, k: SECCOMP_RET.ERRNO | EPERM },
    { label: 'enosys' },
    { code: RET, k: SECCOMP_RET.ERRNO | ENOSYS },
    { label: 'allow' },
    { code: RET, k: SECCOMP_RET.ALLOW },
    { label: 'kill' },
    { code: RET, k: SECCOMP_RET.KILL_PROCESS },
  ];
  return assemble(program);
}

/** Resolves labels into the relative 8-bit jump offsets classic BPF uses (forward only). */
function assemble(program: Instruction[]): Buffer {
  const at = new Map<Label, number>();
  const code: Extract<Instruction, { code: number }>[] = [];
  for (const ins of program) {
    if ('label' in ins) at.set(ins.label, code.length);
    else code.push(ins);
  }
  const out = Buffer.alloc(code.length * 8);
  code.forEach((ins, i) => {
    const offset = (target: Target = 'next') => {
      if (target === 'next') return 0;
      const distance = at.get(target)! - (i + 1);
      if (!(distance >= 0 && distance <= 255)) throw new Error(`seccomp filter: jump to ${target} from ${i} out of range`);
      return distance;
    };
    out.writeUInt16LE(ins.code, i * 8);
    out.writeUInt8(offset(ins.jt), i * 8 + 2);
    out.writeUInt8(offset(ins.jf), i * 8 + 3);
    out.writeUInt32LE(ins.k >>> 0, i * 8 + 4);
  });
  return out;
}

/** The filter for the architecture this process runs on; other architectures have no table here. */
export function hostSeccompFilter(arch: string = process.arch): Buffer {
  if (arch !== 'x64' && arch !== 'arm64') throw new Error(`no seccomp syscall table for ${arch} (x64 and arm64 only)`);
  return seccompFilter(arch);
}
