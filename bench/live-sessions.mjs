// Live-session benchmark: N concurrent sessions driven by socket.io-client from this process against the
// built api and worker (spawned here), then M idle sockets on one api process.
//   node scripts/ensure-build.mjs && node bench/live-sessions.mjs [--sessions 500] [--answers 3] [--think 3000] [--idle 5000]
// Prints answer → grade:scored latency p50/p95/p99 minus the grader's own time, answers/s, and RSS.
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { runMigrations } from '../dist/libs/db/index.js';
import { freePort, pct, rssMb, sleep, waitReady } from './bench-support.mjs';

const { values } = parseArgs({
  options: { think: { type: 'string', default: '3000' }, sessions: { type: 'string', default: '500' }, answers: { type: 'string', default: '3' }, idle: { type: 'string', default: '5000' } },
});
const SESSIONS = Number(values.sessions);
const ANSWERS = Number(values.answers);
const IDLE = Number(values.idle);
// A candidate thinks between answers; 0 drives the system closed-loop (measures saturation, not overhead).
const THINK_MS = Number(values.think);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mock_interview_bench';


async function inBatches(items, size, fn) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

const port = await freePort();
const env = {
  ...process.env,
  DATABASE_URL,
  PORT: String(port),
  LOG_LEVEL: 'warn',
  QUEUE_PREFIX: `bench-${Date.now()}`,
  SOCKET_RATE_LIMIT: '1000000',
  WORKER_CONCURRENCY: '32',
  MIGRATE_ON_START: 'false',
};
await runMigrations(DATABASE_URL);
const email = `bench-${Date.now()}@example.test`;
execFileSync(process.execPath, ['dist/apps/cli/main.js', 'user:create', '--email', email, '--password', 'bench-password-123', '--role', 'candidate'], { env, stdio: ['ignore', 'ignore', 'inherit'] });

const api = spawn(process.execPath, [...(process.env.BENCH_API_FLAGS ?? '').split(' ').filter(Boolean), 'dist/apps/api/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
const worker = spawn(process.execPath, [...(process.env.BENCH_WORKER_FLAGS ?? '').split(' ').filter(Boolean), 'dist/apps/worker/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
const base = `http://127.0.0.1:${port}`;
try {
  await waitReady(base);
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'bench-password-123' }) });
  const { accessToken } = await login.json();
  const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  const connect = () =>
    new Promise((resolve, reject) => {
      const s = io(`${base}/interview`, { auth: { token: accessToken }, transports: ['websocket'], reconnection: false, forceNew: true });
      s.once('connect', () => resolve(s));
      s.once('connect_error', reject);
    });

  // Phase A: concurrent live sessions.
  const sessionIds = await inBatches([...Array(SESSIONS).keys()], 50, async () => {
    const res = await fetch(`${base}/api/sessions`, { method: 'POST', headers: auth, body: JSON.stringify({ questionId: 'realtime-notifications', mode: 'practice' }) });
    return (await res.json()).id;
  });
  console.error(`created ${sessionIds.length} sessions`);
  const sockets = await inBatches(sessionIds, 100, async (sessionId) => {
    const socket = await connect();
    await socket.timeout(30_000).emitWithAck('session:join', { sessionId });
    return { socket, sessionId };
  });
  console.error(`joined ${sockets.length} sockets`);
  const overheads = [];
  const totals = [];
  const stages = { ack: [], picked: [], stored: [] };
  const answer = readFileSync('rubrics/questions/realtime-notifications.yaml', 'utf8').slice(0, 1500).replace(/[^\w\s.,]/g, ' ');
  let peakApi = 0;
  let peakWorker = 0;
  const sampler = setInterval(() => {
    peakApi = Math.max(peakApi, rssMb(api.pid));
    peakWorker = Math.max(peakWorker, rssMb(worker.pid));
  }, 200);
  const started = performance.now();
  await Promise.all(
    sockets.map(async ({ socket, sessionId }, n) => {
      for (let i = 0; i < ANSWERS; i++) {
        if (THINK_MS > 0) await sleep(THINK_MS * (0.5 + Math.random()));
        const t0 = performance.now();
        const scored = new Promise((resolve) => {
          const onScored = (e) => {
            if (e.turnId !== turnIdBox.id) return;
            socket.off('grade:scored', onScored);
            resolve(e);
          };
          socket.on('grade:scored', onScored);
        });
        const turnIdBox = {};
        let picked = 0;
        let stored = 0;
        const onStatus = (e) => {
          if (e.turnId !== turnIdBox.id) return;
          if (e.status === 'grading') picked = performance.now() - t0;
          if (e.status === 'scored') stored = performance.now() - t0;
        };
        socket.on('grade:status', onStatus);
        const ack = await socket.timeout(60_000).emitWithAck('answer:submit', { sessionId, clientId: `b-${n}-${i}`, text: answer });
        stages.ack.push(performance.now() - t0);
        if (!ack.ok) throw new Error(`answer refused: ${JSON.stringify(ack.error)}`);
        turnIdBox.id = ack.data.turnId;
        const event = await scored;
        socket.off('grade:status', onStatus);
        stages.picked.push(picked);
        stages.stored.push(stored);
        const total = performance.now() - t0;
        totals.push(total);
        overheads.push(total - event.grade.provenance.latencyMs);
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  clearInterval(sampler);
  overheads.sort((a, b) => a - b);
  totals.sort((a, b) => a - b);
  console.log(`live sessions: ${SESSIONS} concurrent, ${ANSWERS} answers each, think ${THINK_MS} ms ±50%, ${overheads.length} graded in ${wall.toFixed(1)} s`);
  console.log(`  answers/s: ${(overheads.length / wall).toFixed(0)}`);
  console.log(`  answer → grade:scored minus grader time (ms): p50 ${pct(overheads, 50).toFixed(1)}  p95 ${pct(overheads, 95).toFixed(1)}  p99 ${pct(overheads, 99).toFixed(1)}`);
  console.log(`  answer → grade:scored total (ms):             p50 ${pct(totals, 50).toFixed(1)}  p95 ${pct(totals, 95).toFixed(1)}  p99 ${pct(totals, 99).toFixed(1)}`);
  for (const [name, xs] of Object.entries(stages)) {
    xs.sort((a, b) => a - b);
    console.log(`  stage ${name} (ms from submit): p50 ${pct(xs, 50).toFixed(1)}  p99 ${pct(xs, 99).toFixed(1)}`);
  }
  console.log(`  peak RSS: api ${peakApi.toFixed(0)} MB, worker ${peakWorker.toFixed(0)} MB`);
  for (const { socket } of sockets) socket.close();
  await sleep(1000);

  // Phase B: idle authenticated sockets on one api process.
  const before = rssMb(api.pid);
  const idle = await inBatches([...Array(IDLE).keys()], 250, () => connect());
  await sleep(3000);
  console.log(`idle sockets: ${idle.length} connected; api RSS ${rssMb(api.pid).toFixed(0)} MB (before ${before.toFixed(0)} MB)`);
  for (const s of idle) s.close();
} finally {
  api.kill('SIGTERM');
  worker.kill('SIGTERM');
}
