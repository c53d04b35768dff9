import { dirname } from 'node:path';
import type { SandboxLanguage, SandboxLimits, SandboxRuntime } from './sandbox.types.js';

const CODE_DIR = '/code';
const WORK_DIR = '/work';
/** The writable work directory is a tmpfs of this size: no run can fill the host's disk. */
const WORK_DIR_BYTES = 16 * 1024 * 1024;
const MB = 1024 * 1024;
/**
 * Extra descriptors of the spawned command (prlimit, setpriv and the cgroup shell exec and keep them): bwrap reads
 * the seccomp program from one and writes the box's pid to the other, then closes both before the program starts.
 */
export const SECCOMP_FD = 3;
export const INFO_FD = 4;
/** V8 reserves large virtual ranges (code range, heap cages) up front: its address-space bound sits above the heap. */
const NODE_RESERVED_MB = 1024;

export interface SandboxFiles {
  /** Host directory holding the solution and the harness; bound read-only at /code. */
  hostCodeDir: string;
  harness: string;
}

/**
 * The argv of one run: `prlimit` sets the rlimits and execs `setpriv`, which drops to the slot's unprivileged
 * uid with no capabilities and execs `bwrap`: new user, pid, net, ipc, uts and cgroup namespaces (no network
 * at all), a read-only root, /usr and /dev, no /etc, /home or /root, a fresh size-capped tmpfs work directory, an
 * empty environment, and a seccomp filter (`seccomp-filter.ts`, read from `SECCOMP_FD`).
 */
export function sandboxCommand(input: {
  language: SandboxLanguage;
  uid: number;
  limits: SandboxLimits;
  runtime: SandboxRuntime;
  files: SandboxFiles;
  /** A timing run: V8 compiles and collects garbage on the timed thread, so no background work lands in a call. */
  timing?: boolean;
}): { file: string; args: string[] } {
  const { language, uid, limits, runtime, files } = input;
  const nodeHeapMb = limits.memoryMb;
  const asBytes = (language === 'javascript' ? limits.memoryMb + NODE_RESERVED_MB : limits.memoryMb) * MB;
  const program =
    language === 'python'
      ? [runtime.python, '-I', '-S', '-B', `${CODE_DIR}/${files.harness}`]
      : [
          runtime.node,
          `--max-old-space-size=${nodeHeapMb}`,
          '--v8-pool-size=1',
          ...(input.timing ? ['--single-threaded'] : []),
          '--disallow-code-generation-from-strings',
          `${CODE_DIR}/${files.harness}`,
        ];
  const extraBinds = runtimePrefixes(runtime).flatMap((p) => ['--ro-bind', p, p]);
  return {
    file: 'prlimit',
    args: [
      `--cpu=${limits.cpuSeconds}`,
      `--as=${asBytes}`,
      `--nproc=${limits.maxProcesses}`,
      `--fsize=${limits.fileBytes}`,
      '--nofile=64',
      '--core=0',
      '--',
      'setpriv',
      `--reuid=${uid}`,
      `--regid=${uid}`,
      '--clear-groups',
      '--inh-caps=-all',
      '--bounding-set=-all',
      '--no-new-privs',
      '--',
      runtime.bwrap,
      '--unshare-all',
      // No user namespace inside the box: candidate code cannot unshare(CLONE_NEWUSER) to gain a root-looking uid
      // and chroot (bubblewrap >= 0.8; it needs the box's own user namespace to be explicit, not "try").
      '--unshare-user',
      '--disable-userns',
      // The program itself is pid 1: the box's /proc/1 shows its command line, not bwrap's (host paths, mounts).
      '--as-pid-1',
      '--die-with-parent',
      '--new-session',
      '--cap-drop',
      'ALL',
      '--seccomp',
      String(SECCOMP_FD),
      // The box's pid 1 as the host sees it: a kill ends that first, so bwrap reaps it (see sandbox-runner.ts).
      '--info-fd',
      String(INFO_FD),
      '--ro-bind',
      '/usr',
      '/usr',
      '--symlink',
      'usr/lib',
      '/lib',
      '--symlink',
      'usr/lib64',
      '/lib64',
      '--symlink',
      'usr/bin',
      '/bin',
      ...extraBinds,
      '--proc',
      '/proc',
      '--dev',
      '/dev',
      '--ro-bind',
      files.hostCodeDir,
      CODE_DIR,
      '--size',
      String(WORK_DIR_BYTES),
      '--tmpfs',
      WORK_DIR,
      '--chdir',
      WORK_DIR,
      // Only the sized work directory stays writable: bwrap's root and /dev are tmpfs mounts, unbounded in size.
      '--remount-ro',
      '/dev',
      '--remount-ro',
      '/',
      '--clearenv',
      '--setenv',
      'PATH',
      '/usr/bin:/bin',
      '--setenv',
      'HOME',
      WORK_DIR,
      '--setenv',
      'LANG',
      'C.UTF-8',
      '--setenv',
      'UV_THREADPOOL_SIZE',
      '1',
      '--',
      ...program,
    ],
  };
}

/** Runtimes installed outside /usr (nvm, pyenv) need their prefix bound read-only too. */
function runtimePrefixes(runtime: SandboxRuntime): string[] {
  const prefixes = [runtime.python, runtime.node].filter((bin) => !bin.startsWith('/usr/')).map((bin) => dirname(dirname(bin)));
  return [...new Set(prefixes)];
}
