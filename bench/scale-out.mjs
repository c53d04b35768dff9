// Scale-out bench (issue 22): the live-session scenario against 1 api + 1 worker, then 2 apis + 2 workers behind
// HAProxy (deploy/haproxy/haproxy.cfg), both on a Redis Cluster (scripts/redis-cluster.sh) and PgBouncer in
// transaction mode (scripts/pgbouncer.sh), which it starts when they are not running.
//   node scripts/ensure-build.mjs && node bench/scale-out.mjs [--steps 10,25,50,100,200] [--think 2000] [--answers 3]
//     [--saturation 100] [--target-ms 50]
// Per configuration: (1) sessions held at the p99 target — sessions answering every `--think` ms (±50%), in growing
// steps, each answer timed to its grade:scored minus the grader's own time; the largest step whose p99 stays within
// `--target-ms` counts; (2) answers/s at saturation — `--saturation` sessions answering back to back (think 0);
// (3) CPU seconds per answer during (2): the api and worker processes, and Redis + PgBouncer + HAProxy.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { freePort, openSessions, pct, sleep, waitReady } from './bench-support.mjs';

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '10,25,50,100,200' },
    think: { type: 'string', default: '2000' },
    answers: { type: 'string', default: '3' },
    saturation: { type: 'string', default: '100' },
    'target-ms': { type: 'string', default: '50' },
    // For comparison: one Redis and Postgres without the pooler (`--plain`), 1 + 1 only.
    plain: { type: 'boolean', default: false },
  },
});
const STEPS = values.steps.split(',').map(Number);
const THINK_MS = Number(values.think);
const ANSWERS = Number(values.answers);
const SATURATION = Number(values.saturation);
const TARGET_MS = Number(values['target-ms']);
const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PGBOUNCER_PORT = process.env.PGBOUNCER_PORT ?? '6432';
const TEXT = readFileSync('rubrics/questions/realtime-notifications.yaml', 'utf8')
  .slice(0, 1500)
  .replace(/[^\w\s.,]/g, ' ');

const PLAIN = values.plain;
const redisUrl = PLAIN ? 'redis://127.0.0.1:6379' : execFileSync('scripts/redis-cluster.sh', ['start'], { encoding: 'utf8' }).trim();
execFileSync('scripts/pgbouncer.sh', ['start'], { stdio: 'ignore' });
const redisPids = (redisUrl.match(/:(\d+)/g) ?? []).map((p) =>
  Number(/process_id:(\d+)/.exec(execFileSync('redis-cli', ['-p', p.slice(1), 'info', 'server'], { encoding: 'utf8' }))[1]),
);
const pgbouncerPid = Number(readFileSync(`${process.env.PGBOUNCER_DIR ?? '/tmp/mi-pgbouncer'}/pgbouncer.pid`, 'utf8'));

/** utime + stime of a process, in seconds (0 once it is gone). */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function startConfiguration(n) {
  const { createDatabase, runMigrations } = await import('../dist/libs/db/index.js');
  const dbName = `mock_interview_scale_${process.pid}_${n}_${Date.now()}`;
  await createDatabase(ADMIN_URL, dbName);
  const direct = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
  await runMigrations(direct);
  const env = {
    ...process.env,
    DATABASE_URL: PLAIN ? direct : Object.assign(new URL(direct), { port: PGBOUNCER_PORT }).toString(),
    DB_POOL_MODE: PLAIN ? 'session' : 'transaction',
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `scale-${n}-${Date.now()}`,
    LOG_LEVEL: 'warn',
    MIGRATE_ON_START: 'false',
    SOCKET_RATE_LIMIT: '1000000',
    ROLLOUT_MAX_LIVE_SESSIONS: '1000000',
    ROLLOUT_SESSIONS_PER_USER_PER_DAY: '10000',
    WORKER_CONCURRENCY: '32',
    DRAIN_DELAY_MS: '0',
  };
  const email = `scale-${Date.now()}@example.test`;
  execFileSync(
    process.execPath,
    ['dist/apps/cli/main.js', 'user:create', '--email', email, '--password', 'bench-password-123', '--role', 'candidate'],
    { env: { ...env, DATABASE_URL: direct }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const ports = await Promise.all(Array.from({ length: n }, () => freePort()));
  const apis = ports.map((port) =>
    spawn(process.execPath, ['dist/apps/api/main.js'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] }),
  );
  const workers = Array.from({ length: n }, () =>
    spawn(process.execPath, ['dist/apps/worker/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] }),
  );
  const children = [...apis, ...workers];
  let haproxy;
  try {
    await Promise.all(ports.map((p) => waitReady(`http://127.0.0.1:${p}`, 1_200)));
  } catch (err) {
    for (const c of children) c.kill('SIGKILL');
    throw err;
  }
  let base = `http://127.0.0.1:${ports[0]}`;
  if (n > 1) {
    const lbPort = await freePort();
    haproxy = spawn('haproxy', ['-db', '-f', 'deploy/haproxy/haproxy.cfg'], {
      env: { ...process.env, HAPROXY_BIND: `127.0.0.1:${lbPort}`, API_1: `127.0.0.1:${ports[0]}`, API_2: `127.0.0.1:${ports[1]}` },
      stdio: 'ignore',
    });
    base = `http://127.0.0.1:${lbPort}`;
    await sleep(2_500); // two health checks per server (`rise 2`)
    await waitReady(base, 1_200);
  }
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'bench-password-123' }),
  });
  const { accessToken } = await login.json();
  const appPids = [...apis, ...workers].map((c) => c.pid);
  const infraPids = [...redisPids, pgbouncerPid, ...(haproxy ? [haproxy.pid] : [])];
  const stop = async () => {
    for (const c of [...apis, ...workers, ...(haproxy ? [haproxy] : [])]) c.kill('SIGTERM');
    await sleep(3_000);
    for (const c of [...apis, ...workers]) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).finally(() => admin.end());
  };
  return { base, accessToken, auth: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' }, appPids, infraPids, stop };
}

/** `sessions` sessions, `ANSWERS` answers each after `thinkMs` (±50%); answer → grade:scored minus grader time. */
async function drive(stack, sessions, thinkMs) {
  const sockets = await openSessions(stack, sessions);
  const overheads = [];
  let refused = 0;
  const t0 = performance.now();
  await Promise.all(
    sockets.map(async ({ socket, sessionId }, s) => {
      const scored = new Map();
      socket.on('grade:scored', (e) => {
        const entry = scored.get(e.turnId) ?? {};
        entry.event = e;
        entry.at = performance.now();
        scored.set(e.turnId, entry);
        entry.wake?.();
      });
      for (let i = 0; i < ANSWERS; i++) {
        if (thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
        const sent = performance.now();
        const ack = await socket.timeout(60_000).emitWithAck('answer:submit', { sessionId, clientId: `s-${s}-${i}`, text: TEXT });
        if (!ack.ok) {
          refused++;
          continue;
        }
        const entry = scored.get(ack.data.turnId) ?? scored.set(ack.data.turnId, {}).get(ack.data.turnId);
        if (!entry.event) await new Promise((wake) => (entry.wake = wake));
        overheads.push(entry.at - sent - entry.event.grade.provenance.latencyMs);
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  for (const { socket } of sockets) socket.close();
  overheads.sort((a, b) => a - b);
  return { sessions, answers: overheads.length, refused, wall, perSecond: overheads.length / wall, p50: pct(overheads, 50), p99: pct(overheads, 99) };
}

async function measure(n) {
  const stack = await startConfiguration(n);
  try {
    // Fresh processes run their first answers on cold code (JIT, pools, Lua script loads): a warm-up round at the
    // first step's size is not counted.
    await drive(stack, STEPS[0], THINK_MS);
    const steps = [];
    for (const sessions of STEPS) {
      const r = await drive(stack, sessions, THINK_MS);
      steps.push(r);
      console.error(`  ${n}+${n}: ${sessions} sessions at think ${THINK_MS} ms: p99 ${r.p99.toFixed(1)} ms, ${r.perSecond.toFixed(1)} answers/s`);
      if (r.p99 > TARGET_MS) break;
    }
    const held = steps.filter((s) => s.p99 <= TARGET_MS).at(-1);
    const cpuBefore = { app: stack.appPids.reduce((t, p) => t + cpuSeconds(p), 0), infra: stack.infraPids.reduce((t, p) => t + cpuSeconds(p), 0) };
    const saturation = await drive(stack, SATURATION, 0);
    const app = stack.appPids.reduce((t, p) => t + cpuSeconds(p), 0) - cpuBefore.app;
    const infra = stack.infraPids.reduce((t, p) => t + cpuSeconds(p), 0) - cpuBefore.infra;
    console.error(`  ${n}+${n}: saturation ${saturation.perSecond.toFixed(1)} answers/s (p99 ${saturation.p99.toFixed(1)} ms)`);
    return {
      configuration: `${n} api + ${n} worker${n > 1 ? ' behind HAProxy' : ''}`,
      steps,
      held: held?.sessions ?? 0,
      saturation,
      cpuPerAnswerMs: { app: (app / saturation.answers) * 1000, infra: (infra / saturation.answers) * 1000 },
    };
  } finally {
    await stack.stop();
  }
}

const results = [];
for (const n of PLAIN ? [1] : [1, 2]) results.push(await measure(n));
for (const r of results) console.log(JSON.stringify(r));
console.log(
  `\nnode ${process.version}, ${cpus().length} CPUs, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; ${PLAIN ? `plain: Redis ${redisUrl}, Postgres direct` : `Redis Cluster ${redisUrl}, PgBouncer :${PGBOUNCER_PORT} (transaction)`}`,
);
console.log(
  `sessions answer every ${THINK_MS} ms ±50%, ${ANSWERS} answers each; p99 target ${TARGET_MS} ms (answer → grade:scored minus grader time); saturation: ${SATURATION} sessions, think 0`,
);
console.log(
  '| configuration | sessions held at p99 ≤ target | answers/s at saturation | saturation p99 | CPU ms per answer: api+worker · Redis+PgBouncer+HAProxy |',
);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(
    `| ${r.configuration} | ${r.held} | ${r.saturation.perSecond.toFixed(1)} | ${r.saturation.p99.toFixed(0)} ms | ${r.cpuPerAnswerMs.app.toFixed(1)} · ${r.cpuPerAnswerMs.infra.toFixed(1)} |`,
  );
}
const [one, two] = results;
if (two)
  console.log(
    `ratio 2+2 / 1+1: sessions held ${(two.held / Math.max(1, one.held)).toFixed(2)}×, answers/s at saturation ${(two.saturation.perSecond / one.saturation.perSecond).toFixed(2)}×`,
  );
