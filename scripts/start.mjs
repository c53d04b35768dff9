// `npm start`: build if needed, then run the api (which applies migrations first), the grading worker and the
// code runner together. Each log is shown with a prefix; Ctrl-C or SIGTERM stops all three. The code runner needs
// root for the sandbox (it refuses code runs otherwise, and says why); the api and the worker need no privileges.
import { execFileSync } from 'node:child_process';
import concurrently from 'concurrently';

const root = new URL('..', import.meta.url).pathname;
execFileSync(process.execPath, [`${root}scripts/ensure-build.mjs`], { stdio: 'inherit' });

const { result } = concurrently(
  [
    { command: `exec "${process.execPath}" dist/apps/api/main.js`, name: 'api', prefixColor: 'cyan' },
    { command: `exec "${process.execPath}" dist/apps/worker/main.js`, name: 'worker', prefixColor: 'magenta' },
    { command: `exec "${process.execPath}" dist/apps/code-runner/main.js`, name: 'code-runner', prefixColor: 'yellow' },
  ],
  { cwd: root, killOthersOn: ['failure', 'success'], prefix: 'name', killSignal: 'SIGTERM' },
);
result.then(
  () => process.exit(0),
  (events) => process.exit(events.some((e) => e.exitCode !== 0 && e.exitCode !== 'SIGTERM' && !e.killed) ? 1 : 0),
);
