// Chaos run (issue 18): two api processes and two workers on one Postgres and one Redis, N live sessions on a
// shortened clock, and one fault per run. Afterwards the database and every client's event stream are checked:
//   node scripts/ensure-build.mjs && node bench/chaos.mjs [--sessions 100] [--faults worker-kill,api-kill,...]
// Faults: worker-kill (kill -9 a worker mid-grading, restart it 3 s later), worker-stop (SIGTERM, restart),
// api-kill (kill -9 an api; its clients reconnect to it once it is back), redis-wipe (every key of the run's
// prefix deleted: what FLUSHALL or a restart of a Redis without persistence does to the service; the machine's
// Redis is shared, so FLUSHALL itself is not used), pg-partition (every process's Postgres link frozen for 10 s
// without a reset, then everything flows again), pg-partition-dead (the same, but the connections open during the
// cut stay dead: only new ones work), provider-429 (the LLM answers 429 to
// everything; GRADE_MAX_WAIT_MS shortened to 8 s, then the offline grader with provenance.fallback),
// redis-master-kill (Redis Cluster only: kill -9 the master holding the grading queue's slot, restart it
// --redis-down-ms later (default 5000) with its nodes file, so it rejoins with its slots but, keeping nothing on
// disk, without its keys; with no replica its slots, and so the cluster, are down meanwhile).
// Redis: REDIS_URL / REDIS_CLUSTER_NODES as the service reads them (default redis://127.0.0.1:6379), passed to
// every process; on a cluster (scripts/redis-cluster.sh) redis-wipe deletes the run's keys on every master.
// Postgres: straight to it, or --database-via host:port (PgBouncer, scripts/pgbouncer.sh; set
// DB_POOL_MODE=transaction) behind the partition proxy; the database is created and migrated directly.
// Verdict per run: lost (an acknowledged answer not stored, or stored without a terminal grade), duplicated
// (an answer stored twice, a grade row twice, an event delivered twice to one client), stuck (a session not
// ended on its clock, an ended session without a report, a grade not terminal) — all must be 0 — and how long
// the last session took to settle after the fault.
import { spawn } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { freePort, inBatches, sleep, waitReady } from './bench-support.mjs';

const FAULTS = ['worker-kill', 'worker-stop', 'api-kill', 'redis-wipe', 'pg-partition', 'pg-partition-dead', 'provider-429'];
const CLUSTER_FAULTS = ['redis-master-kill'];
const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '100' },
    faults: { type: 'string', default: FAULTS.join(',') },
    'minute-ms': { type: 'string', default: '400' },
    'redis-down-ms': { type: 'string', default: '5000' },
    'database-via': { type: 'string' },
  },
});
const SESSIONS = Number(values.sessions);
const PHASE_MINUTE_MS = Number(values['minute-ms']); // realtime-notifications plans 60 minutes: 24 s per session at 400
const ANSWERS_PER_SESSION = 3;
const FAULT_AT_MS = 3_000;
const SETTLE_BOUND_MS = 120_000;
const ANSWER =
  'Producers publish events to Kafka, partitioned by recipient, replicated three times with acks=all; stateless ' +
  'consumers in a consumer group dedupe on the event id, write the inbox row, then commit the offset, so a crash ' +
  'means redelivery, not loss. A WebSocket gateway holds the online users; offline ones get APNs or FCM push.';

const { createDatabase, runMigrations } = await import('../dist/libs/db/index.js');
const { parseRedisTarget } = await import('../dist/libs/config/index.js');
const { createRedisConnection } = await import('../dist/libs/redis/index.js');
const { default: pg } = await import('pg');
const { io } = await import('socket.io-client');

const REDIS = parseRedisTarget(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', process.env.REDIS_CLUSTER_NODES);
if (!REDIS) throw new Error(`not a Redis URL: ${process.env.REDIS_URL}`);
for (const fault of values.faults.split(',')) {
  if (!FAULTS.includes(fault) && !CLUSTER_FAULTS.includes(fault)) throw new Error(`unknown fault: ${fault}`);
  if (CLUSTER_FAULTS.includes(fault) && REDIS.kind !== 'cluster') throw new Error(`${fault} needs a Redis Cluster (REDIS_URL=redis+cluster://…)`);
}

/**
 * Every key of the run's prefix deleted: `prefix:…` (counters, notices' keys) and, on a cluster, the hash-tagged
 * queues' `{prefix:queue}:…`. On a cluster each master is scanned (SCAN, not KEYS) and keys are deleted one by one.
 */
async function wipeRedis(prefix) {
  const redis = createRedisConnection(REDIS);
  try {
    if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
    const nodes = REDIS.kind === 'cluster' ? redis.nodes('master') : [redis];
    for (const node of nodes) {
      for (const pattern of [`${prefix}:*`, `{${prefix}:*`]) {
        let cursor = '0';
        do {
          const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
          cursor = next;
          for (const key of keys) await redis.del(key);
        } while (cursor !== '0');
      }
    }
  } finally {
    await redis.quit();
  }
}

/**
 * kill -9 of the cluster master owning `key`'s slot; `revive()` restarts it with the same arguments and nodes file
 * and resolves once the cluster answers cluster_state:ok again. Returns the killed node's address and slots.
 */
async function killMasterOf(key) {
  const redis = createRedisConnection(REDIS);
  try {
    const slot = await redis.cluster('KEYSLOT', key);
    const ranges = await redis.cluster('SLOTS');
    const [, , [host, port]] = ranges.find(([from, to]) => slot >= from && slot <= to);
    const node = createRedisConnection(`redis://${host}:${port}`);
    const conf = async (name) => (await node.config('GET', name))[1];
    const args = {
      dir: await conf('dir'),
      file: await conf('cluster-config-file'),
      logfile: await conf('logfile'),
      timeout: await conf('cluster-node-timeout'),
      bind: await conf('bind'),
    };
    const pid = Number(/process_id:(\d+)/.exec(await node.info('server'))[1]);
    const owned = ranges.filter(([, , [h, p]]) => h === host && p === port).map(([from, to]) => `${from}-${to}`);
    node.disconnect();
    process.kill(pid, 'SIGKILL');
    const revive = async () => {
      const { execFileSync } = await import('node:child_process');
      const dir = args.file.startsWith('/') ? '' : `${args.dir}/`;
      execFileSync('redis-server', [
        '--port',
        String(port),
        '--bind',
        ...args.bind.split(' '),
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        `${dir}${args.file}`,
        '--cluster-node-timeout',
        args.timeout,
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        args.dir,
        '--logfile',
        args.logfile,
        '--daemonize',
        'yes',
      ]);
      for (;;) {
        const probe = createRedisConnection(`redis://${host}:${port}`);
        probe.on('error', () => undefined);
        const ok = await probe.cluster('INFO').then(
          (info) => info.includes('cluster_state:ok'),
          () => false,
        );
        probe.disconnect();
        if (ok) return;
        await sleep(100);
      }
    };
    return { node: `${host}:${port}`, slots: owned.join(','), revive };
  } finally {
    await redis.quit();
  }
}

/**
 * The TCP proxy of test/support/tcp-proxy.ts: freezes every connection on partition. `heal(true)` lets the frozen
 * ones carry on (what TCP does when its retransmissions get through: a query sent during the cut is answered
 * late, an idle connection never noticed); `heal(false)` keeps them dead (the other end, a NAT or a failover,
 * forgot them), so every pooled connection costs its first user a read timeout. New connections pass either way.
 */
async function tcpProxy(target) {
  const pairs = new Set();
  let partitioned = false;
  const freeze = ({ client, upstream }) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  };
  const revive = ({ client, upstream }) => {
    client.pipe(upstream);
    upstream.pipe(client);
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => (client.destroy(), upstream.destroy(), pairs.delete(pair));
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
    if (partitioned) freeze(pair);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: server.address().port,
    partition: () => ((partitioned = true), pairs.forEach(freeze)),
    heal: (reviveFrozen) => {
      partitioned = false;
      if (reviveFrozen) pairs.forEach(revive);
    },
    close: () => (pairs.forEach(({ client, upstream }) => (client.destroy(), upstream.destroy())), new Promise((r) => server.close(r))),
  };
}

/** An OpenAI-compatible server that answers every completion with 429. */
async function alwaysRateLimited() {
  const server = createHttpServer((req, res) => {
    req.resume();
    res
      .writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' })
      .end(JSON.stringify({ error: { message: 'rate limited', type: 'requests', code: 'rate_limit_exceeded' } }));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/v1`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * A candidate as the web client behaves: reconnects, rejoins from its last seq, re-sends unacknowledged answers
 * with their clientId, re-sends retryable refusals after retryAfterMs. Records every event by seq.
 */
class Candidate {
  constructor(base, token, sessionId, index) {
    Object.assign(this, { base, token, sessionId, index });
    this.seqs = new Map(); // seq -> times delivered
    this.acked = new Set();
    this.ended = new Set(); // refused with SESSION_ENDED: the session ended before they went
    this.outbox = [];
    this.joined = false;
  }
  lastSeq() {
    let s = 0;
    while (this.seqs.has(s + 1)) s++;
    return s;
  }
  record(e) {
    this.seqs.set(e.seq, (this.seqs.get(e.seq) ?? 0) + 1);
  }
  start() {
    this.socket = io(`${this.base}/interview`, {
      auth: { token: this.token },
      transports: ['websocket'],
      reconnectionDelayMax: 2_000,
      forceNew: true,
    });
    this.socket.on('connect', () => void this.join());
    this.socket.on('disconnect', () => (this.joined = false));
    this.socket.on('connect_error', (err) => {
      if (!this.socket.active && err.data?.retryable) setTimeout(() => this.socket.connect(), err.data.details?.retryAfterMs ?? 2_000);
    });
    this.socket.onAny((type, e) => {
      if (e && typeof e.seq === 'number' && type !== 'error') this.record(e);
    });
  }
  async join() {
    let ack;
    try {
      ack = await this.socket.timeout(15_000).emitWithAck('session:join', { sessionId: this.sessionId, lastSeq: this.lastSeq() });
    } catch {
      this.socket.disconnect().connect();
      return;
    }
    if (!ack.ok) {
      if (ack.error.retryable) setTimeout(() => void this.join(), ack.error.details?.retryAfterMs ?? 2_000);
      return;
    }
    // Missed events come in the ack; one that also arrived live in between is not a duplicate delivery.
    for (const e of ack.data.events) if (!this.seqs.has(e.seq)) this.record(e);
    this.joined = true;
    void this.flush();
  }
  submit(n) {
    this.outbox.push({ clientId: `c${this.index}-${n}`, text: `${ANSWER} (answer ${n + 1})` });
    void this.flush();
  }
  async flush() {
    if (this.flushing || !this.joined) return;
    this.flushing = true;
    try {
      while (this.outbox.length > 0 && this.joined) {
        const entry = this.outbox[0];
        let ack;
        try {
          ack = await this.socket.timeout(15_000).emitWithAck('answer:submit', { sessionId: this.sessionId, ...entry });
        } catch {
          return; // no ack: sent again after the next join
        }
        if (ack.ok) this.acked.add(entry.clientId);
        else if (ack.error.retryable) return void setTimeout(() => void this.flush(), ack.error.details?.retryAfterMs ?? 2_000);
        else if (ack.error.code === 'SESSION_ENDED') this.ended.add(entry.clientId);
        else throw new Error(`answer refused: ${JSON.stringify(ack.error)}`);
        this.outbox.shift();
      }
    } finally {
      this.flushing = false;
    }
  }
}

async function run(fault) {
  const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `mock_interview_chaos_${process.pid}_${Date.now()}`;
  const directUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` });
  await createDatabase(ADMIN_URL, dbName);
  await runMigrations(directUrl.toString());
  const [viaHost, viaPort] = values['database-via']?.split(':') ?? [directUrl.hostname, directUrl.port || '5432'];
  const proxy = await tcpProxy({ host: viaHost, port: Number(viaPort) });
  const provider = fault === 'provider-429' ? await alwaysRateLimited() : null;
  const prefix = `chaos-${Date.now()}`;
  const ports = [await freePort(), await freePort()];
  const env = {
    ...process.env,
    DATABASE_URL: Object.assign(new URL(directUrl), { port: String(proxy.port), hostname: '127.0.0.1' }).toString(),
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'error',
    MIGRATE_ON_START: 'false',
    SOCKET_RATE_LIMIT: '1000000',
    ROLLOUT_MAX_LIVE_SESSIONS: '1000000',
    ROLLOUT_SESSIONS_PER_USER_PER_DAY: '10000',
    PHASE_MINUTE_MS: String(PHASE_MINUTE_MS),
    RECONCILE_INTERVAL_MS: '3000',
    OUTBOX_SWEEP_MS: '3000',
    GRADING_STALL_MS: '20000',
    SHUTDOWN_TIMEOUT_MS: '2000',
    WORKER_CONCURRENCY: '16',
    ...(provider ? { LLM_PROVIDER: 'openai', INTERVIEWER_PROVIDER: 'rubric', OPENAI_BASE_URL: provider.url, GRADE_MAX_WAIT_MS: '8000' } : {}),
  };
  const procs = {};
  const startApp = (name, extra = {}) => {
    const [kind] = name.split('-');
    const verbose = Boolean(process.env.CHAOS_VERBOSE);
    const child = spawn(process.execPath, [`dist/apps/${kind}/main.js`], {
      env: { ...env, ...extra },
      stdio: ['ignore', verbose ? 'pipe' : 'ignore', 'pipe'],
    });
    // CHAOS_VERBOSE=1: the apps' logs (JSON, on stdout; LOG_LEVEL error unless set) and stderr, each line named.
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (d) => verbose && process.stderr.write(`[${name}] ${d}`));
    procs[name] = { child, extra };
    return child;
  };
  const restart = (name) => startApp(name, procs[name].extra);
  ports.forEach((port, i) => startApp(`api-${i}`, { PORT: String(port) }));
  startApp('worker-0');
  startApp('worker-1');
  const bases = ports.map((p) => `http://127.0.0.1:${p}`);
  const db = new pg.Client({ connectionString: directUrl.toString() });
  const candidates = [];
  try {
    // Two apis and two workers boot at once: on a loaded two-core host that has taken over 30 s.
    await Promise.all(bases.map((b) => waitReady(b, 1_200)));
    const email = `chaos-${Date.now()}@example.test`;
    const { execFileSync } = await import('node:child_process');
    execFileSync(
      process.execPath,
      ['dist/apps/cli/main.js', 'user:create', '--email', email, '--password', 'chaos-password-123', '--role', 'candidate'],
      { env: { ...env, DATABASE_URL: directUrl.toString() }, stdio: 'ignore' },
    );
    // Setup is not under test: a login whose connection drops on a loaded host (seen once in CI: "other side closed"
    // right after the api became ready) is tried again, up to three times.
    const login = async (attempt = 1) => {
      try {
        const res = await fetch(`${bases[0]}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', connection: 'close' },
          body: JSON.stringify({ email, password: 'chaos-password-123' }),
        });
        return await res.json();
      } catch (error) {
        if (attempt >= 3) throw error;
        await sleep(500);
        return login(attempt + 1);
      }
    };
    const { accessToken } = await login();
    await db.connect();

    const sessionIds = await inBatches([...Array(SESSIONS).keys()], 25, async (i) => {
      const res = await fetch(`${bases[i % 2]}/api/sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify({ questionId: 'realtime-notifications', mode: 'practice' }),
      });
      if (res.status !== 201) throw new Error(`session refused: ${res.status} ${await res.text()}`);
      return (await res.json()).id;
    });
    sessionIds.forEach((id, i) => candidates.push(new Candidate(bases[i % 2], accessToken, id, i)));
    candidates.forEach((c) => c.start());
    const t0 = Date.now();
    // Answers spread over the session: the first ones in flight when the fault strikes.
    const answering = candidates.map(async (c) => {
      for (let n = 0; n < ANSWERS_PER_SESSION; n++) {
        await sleep(n === 0 ? Math.random() * 2_500 : 2_000 + Math.random() * 2_000);
        c.submit(n);
      }
    });

    await sleep(FAULT_AT_MS);
    const faultAt = Date.now();
    let redisFault;
    if (fault === 'worker-kill' || fault === 'worker-stop') {
      procs['worker-0'].child.kill(fault === 'worker-kill' ? 'SIGKILL' : 'SIGTERM');
      await sleep(3_000);
      restart('worker-0');
    } else if (fault === 'api-kill') {
      procs['api-0'].child.kill('SIGKILL');
      await sleep(3_000);
      restart('api-0');
    } else if (fault === 'redis-wipe') {
      await wipeRedis(prefix);
    } else if (fault === 'redis-master-kill') {
      const killed = await killMasterOf(`{${prefix}:grading}`);
      await sleep(Number(values['redis-down-ms']));
      await killed.revive();
      redisFault = { node: killed.node, slots: killed.slots, clusterOkAfterRestartMs: Date.now() - faultAt - Number(values['redis-down-ms']) };
    } else if (fault === 'pg-partition' || fault === 'pg-partition-dead') {
      proxy.partition();
      await sleep(10_000);
      proxy.heal(fault === 'pg-partition');
    }
    const faultEnded = Date.now();
    await Promise.all(answering);

    // Settled: every session ended with a report, every stored answer graded (scored or failed).
    const settle = async () => {
      const { rows } = await db.query(`
        SELECT (SELECT count(*) FROM interview_sessions WHERE status <> 'ended')::int AS active,
               (SELECT count(*) FROM interview_sessions s WHERE NOT EXISTS (SELECT 1 FROM session_reports r WHERE r.session_id = s.id))::int AS unreported,
               (SELECT count(*) FROM answer_gradings WHERE status IN ('queued', 'grading'))::int AS ungraded`);
      return rows[0];
    };
    let state;
    const settledAt = {}; // when each of the three first reached 0, ms after the fault ended
    while (Date.now() - faultEnded < SETTLE_BOUND_MS) {
      state = await settle();
      for (const [k, v] of Object.entries(state)) if (v === 0 && settledAt[k] === undefined) settledAt[k] = Date.now() - faultEnded;
      if (state.active + state.unreported + state.ungraded === 0 && candidates.every((c) => c.outbox.length === 0)) break;
      await sleep(500);
    }
    const settledAfterMs = Date.now() - faultEnded;
    // Each client catches up (a last rejoin) before its stream is compared with the log.
    await sleep(1_000);
    await Promise.all(candidates.map((c) => (c.socket.connected ? c.join() : undefined)));

    const turns = (await db.query(`SELECT session_id, client_id, count(*)::int AS n FROM session_turns WHERE speaker = 'candidate' GROUP BY 1, 2`))
      .rows;
    const stored = new Map(turns.map((t) => [`${t.session_id}/${t.client_id}`, t.n]));
    const grades = (await db.query(`SELECT g.status, count(*)::int AS n FROM answer_gradings g GROUP BY 1`)).rows;
    const doubleGrades = (await db.query(`SELECT count(*)::int AS n FROM (SELECT turn_id FROM grades GROUP BY turn_id HAVING count(*) > 1) d`))
      .rows[0].n;
    const fallbacks = (await db.query(`SELECT count(*)::int AS n FROM grades WHERE (body -> 'provenance' -> 'fallback') IS NOT NULL`)).rows[0].n;
    // How much later than its plan (60 plan minutes) each session ended: the clock's own delay through the fault.
    const late = (
      await db.query(`SELECT extract(epoch FROM (ended_at - started_at)) * 1000 - $1 AS ms FROM interview_sessions WHERE ended_at IS NOT NULL`, [
        60 * PHASE_MINUTE_MS,
      ])
    ).rows
      .map((r) => Number(r.ms))
      .sort((a, b) => a - b);
    const lastSeqs = new Map((await db.query(`SELECT id, last_seq FROM interview_sessions`)).rows.map((r) => [r.id, r.last_seq]));
    let lost = 0;
    let duplicated = doubleGrades;
    let gaps = 0;
    let acked = 0;
    for (const c of candidates) {
      for (const id of c.acked) {
        acked++;
        const n = stored.get(`${c.sessionId}/${id}`) ?? 0;
        if (n === 0) lost++;
        if (n > 1) duplicated += n - 1;
      }
      for (const times of c.seqs.values()) if (times > 1) duplicated += times - 1;
      const last = lastSeqs.get(c.sessionId);
      for (let s = 1; s <= last; s++) if (!c.seqs.has(s)) gaps++;
    }
    const endedBefore = candidates.reduce((n, c) => n + c.ended.size, 0);
    const stuck = state.active + state.unreported + state.ungraded + candidates.reduce((n, c) => n + c.outbox.length, 0);
    return {
      fault,
      ...(redisFault ? { redis: redisFault } : {}),
      sessions: SESSIONS,
      acked,
      endedBefore,
      lost,
      duplicated,
      gaps,
      stuck,
      grades: Object.fromEntries(grades.map((g) => [g.status, g.n])),
      fallbacks,
      faultMs: faultEnded - faultAt,
      settledAfterMs,
      settledAt,
      lateMs: { p50: late[Math.floor(late.length / 2)], max: late.at(-1) },
      totalMs: Date.now() - t0,
    };
  } finally {
    candidates.forEach((c) => c.socket?.close());
    for (const { child } of Object.values(procs)) child.kill('SIGTERM');
    await sleep(2_500);
    for (const { child } of Object.values(procs)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await db.end().catch(() => undefined);
    await proxy.close();
    await provider?.close();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).finally(() => admin.end());
  }
}

const results = [];
for (const fault of values.faults.split(',')) {
  const r = await run(fault);
  results.push(r);
  console.log(JSON.stringify(r));
}
console.log(
  `\nnode ${process.version}, ${(await import('node:os')).cpus().length} CPUs, load ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`sessions of 60 plan minutes at PHASE_MINUTE_MS=${PHASE_MINUTE_MS}; "settled" counts from the end of the fault (a restart or the heal)`);
console.log(
  '| fault | sessions | answers acked | refused: session had ended | lost | duplicated | gaps | stuck | grades | after the fault: all sessions ended · all reports · all grades | session end vs its plan: p50 · max |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |');
for (const r of results) {
  const grades =
    Object.entries(r.grades)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') + (r.fallbacks ? ` (offline fallback ${r.fallbacks})` : '');
  const at = (k) => (r.settledAt[k] === undefined ? 'never' : `${(r.settledAt[k] / 1000).toFixed(1)} s`);
  console.log(
    `| ${r.fault} | ${r.sessions} | ${r.acked} | ${r.endedBefore} | ${r.lost} | ${r.duplicated} | ${r.gaps} | ${r.stuck} | ${grades} | ${at('active')} · ${at('unreported')} · ${at('ungraded')} | +${(r.lateMs.p50 / 1000).toFixed(1)} s · +${(r.lateMs.max / 1000).toFixed(1)} s |`,
  );
}
if (results.some((r) => r.lost + r.duplicated + r.gaps + r.stuck > 0)) process.exitCode = 1;
