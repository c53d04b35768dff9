// Helpers shared by the benchmarks that start the built api and worker.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
export const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
export const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls the api's readiness probe until it answers 200. */
export async function waitReady(base, tries = 300) {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (i > tries) throw new Error('api did not become ready');
    await sleep(100);
  }
}

/**
 * Creates a fresh bench database (dropped again by `stop`, so no run inherits another's sessions: a leftover
 * active session would have its phases ended by the reconciler in the middle of the next run), migrates it,
 * creates a candidate, starts the built api, worker and code runner with `overrides` on top of the environment
 * (extra node flags from BENCH_API_FLAGS / BENCH_WORKER_FLAGS), waits for readiness and logs in.
 */
export async function startStack(overrides) {
  const { execFileSync, spawn } = await import('node:child_process');
  const { createDatabase, runMigrations } = await import('../dist/libs/db/index.js');
  const { default: pg } = await import('pg');
  const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `mock_interview_bench_${process.pid}_${Date.now()}`;
  const DATABASE_URL = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
  await createDatabase(ADMIN_URL, dbName);
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    SOCKET_RATE_LIMIT: '1000000',
    // One bench candidate runs every session: lift the rollout's limits (they are not what is measured).
    ROLLOUT_MAX_LIVE_SESSIONS: '1000000',
    ROLLOUT_SESSIONS_PER_USER_PER_DAY: '10000',
    MIGRATE_ON_START: 'false',
    ...overrides,
  };
  await runMigrations(DATABASE_URL);
  const email = `bench-${Date.now()}@example.test`;
  execFileSync(
    process.execPath,
    ['dist/apps/cli/main.js', 'user:create', '--email', email, '--password', 'bench-password-123', '--role', 'candidate'],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const flags = (name) => (process.env[name] ?? '').split(' ').filter(Boolean);
  const api = spawn(process.execPath, [...flags('BENCH_API_FLAGS'), 'dist/apps/api/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const worker = spawn(process.execPath, [...flags('BENCH_WORKER_FLAGS'), 'dist/apps/worker/main.js'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const codeRunner = spawn(process.execPath, ['dist/apps/code-runner/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = (child) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r)));
  const stop = async () => {
    api.kill('SIGTERM');
    worker.kill('SIGTERM');
    codeRunner.kill('SIGTERM');
    await Promise.race([Promise.all([exited(api), exited(worker), exited(codeRunner)]), sleep(15_000)]);
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).finally(() => admin.end());
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitReady(base);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'bench-password-123' }),
    });
    const { accessToken } = await login.json();
    return {
      api,
      worker,
      codeRunner,
      base,
      env,
      accessToken,
      credentials: { email, password: 'bench-password-123' },
      auth: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A socket.io client on `/interview`, connected and authenticated (no reconnection: a drop is a failure). */
export async function connectSocket(base, accessToken) {
  const { io } = await import('socket.io-client');
  return new Promise((resolve, reject) => {
    const s = io(`${base}/interview`, { auth: { token: accessToken }, transports: ['websocket'], reconnection: false, forceNew: true });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

/** Runs `fn` over `items`, `size` at a time. */
export async function inBatches(items, size, fn) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

/** Creates `count` practice sessions on `questionId` and joins each on its own socket: `[{ socket, sessionId }]`. */
export async function openSessions({ base, auth, accessToken }, count, questionId = 'realtime-notifications') {
  const sessionIds = await inBatches([...Array(count).keys()], 50, async () => {
    const res = await fetch(`${base}/api/sessions`, { method: 'POST', headers: auth, body: JSON.stringify({ questionId, mode: 'practice' }) });
    return (await res.json()).id;
  });
  return inBatches(sessionIds, 100, async (sessionId) => {
    const socket = await connectSocket(base, accessToken);
    await socket.timeout(30_000).emitWithAck('session:join', { sessionId });
    return { socket, sessionId };
  });
}

/** Samples the api's and worker's RSS every 200 ms; `stop()` returns the peaks in MB. */
export function samplePeakRss(api, worker) {
  const peak = { api: 0, worker: 0 };
  const timer = setInterval(() => {
    peak.api = Math.max(peak.api, rssMb(api.pid));
    peak.worker = Math.max(peak.worker, rssMb(worker.pid));
  }, 200);
  return { stop: () => (clearInterval(timer), peak) };
}
