import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { type SpawnedApp, spawnApp, startWorker } from '../support/apps.js';
import { createUser, DEFAULT_PASSWORD } from '../support/factories.js';
import { isolatedQueuePrefix, testConfig } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const ANSWER = 'Fan-out through Kafka partitioned by recipient; consumers dedupe on the event id before writing the inbox row.';

/**
 * Two built api processes behind HAProxy (deploy/haproxy/haproxy.cfg) and a candidate answering without pause. The
 * api holding the candidate's socket gets SIGTERM mid-session: its readiness fails while the socket is still open,
 * then the socket closes once its acks are sent; the client reconnects through HAProxy to the other api, re-joins
 * with its last seq and goes on. Nothing acknowledged is lost or stored twice, and the client's stream has no gap.
 */
describe('api drain on SIGTERM behind HAProxy', () => {
  const env = {
    QUEUE_PREFIX: isolatedQueuePrefix(),
    SOCKET_RATE_LIMIT: '100000',
    DRAIN_DELAY_MS: '2500',
    SHUTDOWN_TIMEOUT_MS: '6000',
    LOG_LEVEL: 'info',
  };
  let worker: INestApplicationContext;
  let apis: SpawnedApp[] = [];
  let haproxy: ChildProcess | undefined;
  let socket: Socket | undefined;
  const db = new pg.Client({ connectionString: testConfig().database.url });

  beforeAll(async () => {
    worker = await startWorker(env);
    await db.connect();
  });
  afterAll(async () => {
    socket?.close();
    haproxy?.kill('SIGTERM');
    for (const a of apis) if (a.child.exitCode === null && a.child.signalCode === null) a.child.kill('SIGKILL');
    await Promise.all(apis.map((a) => a.exited));
    await db.end();
    await worker.close();
  });

  const ready = (port: number) =>
    fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.status,
      () => 0,
    );

  it('fails readiness first, finishes in-flight acks, then closes the socket; the client goes on on the other api', async () => {
    const [port1, port2, lbPort] = [await freePort(), await freePort(), await freePort()];
    const user = await createUser(worker);
    apis = [spawnApp('api', { ...env, PORT: String(port1) })];
    await waitFor(async () => ((await ready(port1)) === 200 ? true : undefined), { timeoutMs: 30_000 });
    haproxy = spawn('haproxy', ['-db', '-f', 'deploy/haproxy/haproxy.cfg'], {
      env: { ...process.env, HAPROXY_BIND: `127.0.0.1:${lbPort}`, API_1: `127.0.0.1:${port1}`, API_2: `127.0.0.1:${port2}` },
      stdio: 'ignore',
    });
    const lb = `http://127.0.0.1:${lbPort}`;
    // HAProxy needs its first checks: only api1 is up, so the candidate's socket lands there.
    const login = await waitFor(
      async () => {
        const res = await fetch(`${lb}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: user.email, password: DEFAULT_PASSWORD }),
        }).catch(() => undefined);
        return res?.ok ? ((await res.json()) as { accessToken: string }) : undefined;
      },
      { timeoutMs: 15_000 },
    );
    const headers = { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' };
    const created = await fetch(`${lb}/api/sessions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ questionId: 'realtime-notifications', mode: 'practice' }),
    });
    const { id: sessionId } = (await created.json()) as { id: string };

    // The candidate: re-joins from its last seq after every reconnect, re-sends what was not acknowledged.
    const seen = new Map<number, number>();
    const acked = new Set<string>();
    const outbox: string[] = [];
    let joined = false;
    let reconnects = 0;
    socket = io(`${lb}/interview`, {
      auth: { token: login.accessToken },
      transports: ['websocket'],
      reconnectionDelay: 200,
      reconnectionDelayMax: 500,
      forceNew: true,
    });
    socket.onAny((type: string, e: { seq?: unknown }) => {
      if (type !== 'error' && typeof e?.seq === 'number') seen.set(e.seq, (seen.get(e.seq) ?? 0) + 1);
    });
    const lastSeq = () => {
      let s = 0;
      while (seen.has(s + 1)) s++;
      return s;
    };
    socket.on('disconnect', () => (joined = false));
    socket.on('connect', async () => {
      const ack = (await socket!
        .timeout(10_000)
        .emitWithAck('session:join', { sessionId, lastSeq: lastSeq() })
        .catch(() => null)) as { ok: true; data: { events: { seq: number }[] } } | null;
      if (!ack?.ok) return void socket!.disconnect().connect();
      for (const e of ack.data.events) if (!seen.has(e.seq)) seen.set(e.seq, 1);
      joined = true;
    });
    socket.io.on('reconnect', () => reconnects++);
    let n = 0;
    let answering = true;
    const answers = (async () => {
      while (answering || outbox.length > 0) {
        if (answering && outbox.length === 0) outbox.push(`a-${n++}`);
        if (!joined) {
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        const clientId = outbox[0]!;
        const ack = (await socket!
          .timeout(5_000)
          .emitWithAck('answer:submit', { sessionId, clientId, text: `${ANSWER} (${clientId})` })
          .catch(() => null)) as { ok: boolean } | null;
        if (ack?.ok) acked.add(outbox.shift()!);
        else await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await waitFor(async () => (acked.size >= 3 ? true : undefined), { timeoutMs: 20_000 });

    apis.push(spawnApp('api', { ...env, PORT: String(port2) }));
    await waitFor(async () => ((await ready(port2)) === 200 ? true : undefined), { timeoutMs: 30_000 });
    await new Promise((r) => setTimeout(r, 2_500)); // HAProxy's `rise 2` at `inter 1s`
    const ackedBefore = acked.size;

    apis[0]!.child.kill('SIGTERM');
    // Readiness fails while the socket is still open and answers are still being acknowledged.
    await waitFor(async () => ((await ready(port1)) === 503 ? true : undefined), { timeoutMs: 2_000, intervalMs: 20 });
    expect(socket.connected).toBe(true);
    const exit = await apis[0]!.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(apis[0]!.output()).toContain('"cutOff":0');

    await waitFor(async () => (reconnects >= 1 && joined && acked.size >= ackedBefore + 5 ? true : undefined), { timeoutMs: 20_000 });
    answering = false;
    await answers;

    const stored = await db.query<{ client_id: string; n: number }>(
      `SELECT client_id, count(*)::int AS n FROM session_turns WHERE session_id = $1 AND speaker = 'candidate' GROUP BY 1`,
      [sessionId],
    );
    const storedIds = new Map(stored.rows.map((r) => [r.client_id, r.n]));
    expect([...acked].filter((id) => storedIds.get(id) !== 1)).toEqual([]);
    // Every event of the session reached the client, once each (a resend after the reconnect was no duplicate).
    await waitFor(async () => {
      const { rows } = await db.query<{ last_seq: number }>(`SELECT last_seq FROM interview_sessions WHERE id = $1`, [sessionId]);
      return lastSeq() >= rows[0]!.last_seq ? true : undefined;
    });
    expect([...seen.values()].filter((times) => times > 1)).toEqual([]);
  }, 120_000);
});
