// `npm start`: build if needed, then run the api (which applies migrations first) and the worker together.
// Both logs are shown with a prefix; Ctrl-C or SIGTERM stops both.
import { execFileSync } from 'node:child_process';
import concurrently from 'concurrently';

const root = new URL('..', import.meta.url).pathname;
execFileSync(process.execPath, [`${root}scripts/ensure-build.mjs`], { stdio: 'inherit' });

// A larger young generation: fewer scavenges and less premature promotion (so fewer full collections) under
// the per-answer allocation of a busy api and worker; it took the answer → grade p99 from ~54 to ~48 ms in
// bench/live-sessions.mjs. The benchmarks and the container image run the apps with the same flag.
const NODE_FLAGS = '--max-semi-space-size=32';

const { result } = concurrently(
  [
    { command: `exec "${process.execPath}" ${NODE_FLAGS} dist/apps/api/main.js`, name: 'api', prefixColor: 'cyan' },
    { command: `exec "${process.execPath}" ${NODE_FLAGS} dist/apps/worker/main.js`, name: 'worker', prefixColor: 'magenta' },
  ],
  { cwd: root, killOthersOn: ['failure', 'success'], prefix: 'name', killSignal: 'SIGTERM' },
);
result.then(
  () => process.exit(0),
  (events) => process.exit(events.some((e) => e.exitCode !== 0 && e.exitCode !== 'SIGTERM' && !e.killed) ? 1 : 0),
);
