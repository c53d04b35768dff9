// `npm start`: build if needed, then run the api (which applies migrations first) and the worker together.
// Both logs are shown with a prefix; Ctrl-C or SIGTERM stops both.
import { execFileSync } from 'node:child_process';
import concurrently from 'concurrently';

const root = new URL('..', import.meta.url).pathname;
execFileSync(process.execPath, [`${root}scripts/ensure-build.mjs`], { stdio: 'inherit' });

const { result } = concurrently(
  [
    { command: `exec "${process.execPath}" dist/apps/api/main.js`, name: 'api', prefixColor: 'cyan' },
    { command: `exec "${process.execPath}" dist/apps/worker/main.js`, name: 'worker', prefixColor: 'magenta' },
  ],
  { cwd: root, killOthersOn: ['failure', 'success'], prefix: 'name', killSignal: 'SIGTERM' },
);
result.then(
  () => process.exit(0),
  (events) => process.exit(events.some((e) => e.exitCode !== 0 && e.exitCode !== 'SIGTERM' && !e.killed) ? 1 : 0),
);
