// Run as pid 1 of a new pid namespace (`unshare --pid --fork --mount-proc node reap-probe.mjs '<json>'`), like a
// worker in a container without an init: it is the reaper of every orphan in the namespace and, being Node, reaps
// none but its own children. Does a TIMEOUT run and an OUTPUT_LIMIT run through the built runner, then prints the
// processes left in state Z (exited, never reaped) as JSON.
import { readdirSync, readFileSync } from 'node:fs';

const { SandboxRunner } = await import(new URL('../../dist/libs/sandbox/sandbox-runner.js', import.meta.url).href);
const { runtime, limits } = JSON.parse(process.argv[2]);
const runner = new SandboxRunner(runtime, limits);

const PROGRAMS = ['def solve(x):\n    while True:\n        pass\n', 'def solve(x):\n    while True:\n        print("x" * 1000)\n'];
const terminations = [];
for (const code of PROGRAMS) {
  const outcome = await runner.run({ language: 'python', code, entryPoint: 'solve', calls: [{ args: [1] }] });
  terminations.push(outcome.termination);
}
// A box's init killed by PDEATHSIG dies a moment after its bwrap.
await new Promise((resolve) => setTimeout(resolve, 500));

const zombies = readdirSync('/proc')
  .filter((name) => /^\d+$/.test(name))
  .map((pid) => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return ''; // gone meanwhile
    }
  })
  .filter((stat) => stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z'))
  .map((stat) => stat.trim().split(' ').slice(0, 4).join(' '));

process.stdout.write(JSON.stringify({ pid: process.pid, terminations, zombies }));
process.exit(0);
