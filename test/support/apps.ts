import { type ChildProcess, spawn } from 'node:child_process';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { createApiApp } from '../../apps/api/create-api-app.js';
import { createCodeRunnerApp } from '../../apps/code-runner/create-code-runner-app.js';
import { createWorkerApp } from '../../apps/worker/create-worker-app.js';
import { testLogger } from './silent-logger.js';
import { testConfig } from './test-config.js';

/** Something this test file started that holds handles until closed. */
interface Closable {
  close(): Promise<void>;
}

/** What this test file started with the helpers below and has not closed yet. */
const open = new Set<Closable>();

/** Tracks `app` until its `close()`: `closeLeftoverApps` closes it if the test file never does. */
function tracked<T extends Closable>(app: T): T {
  open.add(app);
  const close = app.close.bind(app);
  app.close = async () => {
    open.delete(app);
    await close();
  };
  return app;
}

/**
 * Closes what the file left open. Run after every test file (test/support/close-leftover-apps.ts): when a file's
 * setup fails half-way (the api failed to boot, the worker it started beside it did not), its own `afterAll` cannot
 * reach the worker, whose queues and pools then kept jest from ever exiting (a CI run hung for its whole limit).
 */
export async function closeLeftoverApps(): Promise<void> {
  const left = [...open];
  open.clear();
  await Promise.allSettled(left.map((app) => app.close()));
}

export interface RunningApi {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/** The real api module graph, in this process, on an ephemeral port. */
export async function startApi(overrides: Record<string, string> = {}): Promise<RunningApi> {
  const app = tracked(await createApiApp(testConfig(overrides), testLogger('api')));
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, close: () => app.close() };
}

export async function startWorker(overrides: Record<string, string> = {}): Promise<INestApplicationContext> {
  return tracked(await createWorkerApp(testConfig(overrides), testLogger('worker')));
}

/** The code runner (the `code` queue and the sandbox): only tests that run candidate code need it. */
export async function startCodeRunner(overrides: Record<string, string> = {}): Promise<INestApplicationContext> {
  return tracked(await createCodeRunnerApp(testConfig(overrides), testLogger('code-runner')));
}

export interface SpawnedApp {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * A built app (dist/apps/<name>/main.js) as its own process, as `npm start` runs it; `as` runs it as another
 * user (the test process is root), e.g. nobody, to show it needs no privileges.
 */
export function spawnApp(
  name: 'api' | 'worker' | 'code-runner' | 'cli',
  env: Record<string, string>,
  args: string[] = [],
  as?: { uid: number; gid: number },
): SpawnedApp {
  const child = spawn(process.execPath, [`dist/apps/${name}/main.js`, ...args], {
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...as,
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  // 'close', not 'exit': the process can exit before its last output is read, and tests read the output.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}
