import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import pg from 'pg';
import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import { createRedisConnection } from '../../libs/redis/index.js';
import { type RunningApi, type SpawnedApp, spawnApp, startApi, startWorker } from '../support/apps.js';
import { createUser } from '../support/factories.js';
import { FakeOpenAiServer } from '../support/fake-openai-server.js';
import { expectGapless, InterviewClient } from '../support/interview-client.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

const ANSWER =
  'Each notification goes through a durable queue such as Kafka with at-least-once delivery, consumers ' +
  'acknowledge after the push, and we keep idempotency keys so a redelivered message is not shown twice.';

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** What a FLUSHALL (or a restart of a Redis that keeps nothing) does to this run's apps: every key of the prefix goes. */
async function wipeRedis(prefix: string): Promise<void> {
  const redis = createRedisConnection('redis://127.0.0.1:6379');
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}

async function schedulerExists(prefix: string, queue: string, name: string): Promise<boolean> {
  const connection = createRedisConnection('redis://127.0.0.1:6379');
  const q = new Queue(queue, { connection, prefix });
  try {
    return Boolean(await q.getJobScheduler(name));
  } finally {
    await q.close();
    await connection.quit();
  }
}

function workerStarted(worker: SpawnedApp): Promise<true> {
  return waitFor(async () => (worker.output().includes('worker started') ? true : undefined), { timeoutMs: 30_000 });
}

/** Issue 18: faults heal by themselves, from Postgres (the truth), within bounds set in config. */
describe('self-healing', () => {
  const clients: InterviewClient[] = [];
  afterEach(() => clients.splice(0).forEach((c) => c.close()));

  async function setup(api: RunningApi, mode: 'practice' | 'realistic' = 'practice') {
    const user = await api.app.get(AuthService).issueToken(await createUser(api.app).then((u) => ({ userId: u.id, role: u.role })));
    const client = async (base = api.url) => {
      const c = await InterviewClient.connect(base, user.accessToken);
      clients.push(c);
      return c;
    };
    const session = async () =>
      (
        await request(api.url)
          .post('/api/sessions')
          .set('authorization', `Bearer ${user.accessToken}`)
          .send({ questionId: 'realtime-notifications', mode })
          .expect(201)
      ).body.id as string;
    return { token: user.accessToken, client, session };
  }

  /** Once `worker` is up: a new session, its candidate joined, and one answer sent; the client and the answer's turn. */
  async function answerOnce(api: RunningApi, worker: SpawnedApp, clientId: string) {
    const { client, session } = await setup(api);
    await workerStarted(worker);
    const sessionId = await session();
    const c = await client();
    await c.join(sessionId);
    const { turnId } = await c.ok('answer:submit', { sessionId, clientId, text: ANSWER });
    return { c, turnId };
  }

  it('heals a wiped Redis within one reconcile interval: schedulers return, lost deadlines end their phases, lost gradings are graded', async () => {
    const fake = await FakeOpenAiServer.start();
    fake.script(() => ({ kind: 'hang' }));
    const prefix = isolatedQueuePrefix();
    // Phases of 10, 5, 15, 20 and 10 plan minutes: 2.5 s, 1.25 s, 3.75 s, 5 s and 2.5 s.
    const env = {
      QUEUE_PREFIX: prefix,
      PHASE_MINUTE_MS: '250',
      RECONCILE_INTERVAL_MS: '1000',
      OUTBOX_SWEEP_MS: '1000',
      LLM_PROVIDER: 'openai',
      INTERVIEWER_PROVIDER: 'rubric',
      OPENAI_BASE_URL: fake.baseUrl,
      SHUTDOWN_TIMEOUT_MS: '300',
    };
    const [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    try {
      const { client, session } = await setup(api);
      const sessionId = await session();
      const c = await client();
      const { state } = await c.join(sessionId);
      const firstDeadline = Date.parse(state.phaseEndsAt);
      const { turnId } = await c.ok('answer:submit', { sessionId, clientId: 'w-1', text: ANSWER });
      await waitFor(async () => (fake.requests.length > 0 ? true : undefined));

      // Mid-phase 0, with a grade in flight: Redis loses everything (schedulers, the deadline, the grading job).
      await wipeRedis(prefix);
      const wipedAt = Date.now();
      expect(await schedulerExists(prefix, 'sessions', 'sessions.reconcile')).toBe(false);

      await waitFor(async () => ((await schedulerExists(prefix, 'sessions', 'sessions.reconcile')) ? true : undefined), { timeoutMs: 3_000 });
      await waitFor(async () => ((await schedulerExists(prefix, 'mail', 'mail.sweep')) ? true : undefined), { timeoutMs: 3_000 });
      expect(Date.now() - wipedAt).toBeLessThan(2_500);

      // The lost grading is graded again (the fake answers from its second request on).
      await c.waitForEvent('grade:scored', (e) => e.turnId === turnId, 8_000);
      // The lost deadline is queued again and ends phase 0 on time (not once found overdue), and the session runs
      // its clock to the end and gets its report.
      const second = await c.waitForEvent('phase:changed', (e) => (e as { phase: { index: number } }).phase.index === 1, 8_000);
      expect(Date.parse(second.at) - firstDeadline).toBeLessThan(1_000);
      const ended = await c.waitForEvent('session:ended', () => true, 30_000);
      expect(ended.reason).toBe('clock');
      await c.waitForEvent('session:report', () => true, 10_000);
      const phases = c.events.filter((e) => e.type === 'phase:changed').map((e) => (e as { phase: { index: number } }).phase.index);
      expect(phases).toEqual([0, 1, 2, 3, 4]);
      const [grades] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM grades WHERE turn_id = $1', [turnId]);
      expect(grades?.n).toBe(1);
      expectGapless(c.events);
    } finally {
      await Promise.all([api.close(), worker.close()]);
      await fake.close();
    }
  }, 90_000);

  it("hands a stopping worker's in-flight grade back at once (SIGTERM), without spending its attempt", async () => {
    const fake = await FakeOpenAiServer.start();
    fake.script(() => ({ kind: 'hang' }));
    // The default 30 s lock: a grade that waited for it would miss the bound below by far. One attempt: a
    // hand-back that spent it would fail the grade.
    const env = {
      QUEUE_PREFIX: isolatedQueuePrefix(),
      LLM_PROVIDER: 'openai',
      INTERVIEWER_PROVIDER: 'rubric',
      OPENAI_BASE_URL: fake.baseUrl,
      SHUTDOWN_TIMEOUT_MS: '1000',
      QUEUE_ATTEMPTS: '1',
      // The reconciler runs once at start and not again: only the hand-back can bring the job back.
      RECONCILE_INTERVAL_MS: '3600000',
    };
    const api = await startApi(env);
    const workers: SpawnedApp[] = [spawnApp('worker', env)];
    try {
      const { c, turnId } = await answerOnce(api, workers[0]!, 't-1');
      await waitFor(async () => (fake.requests.length > 0 ? true : undefined));

      workers.push(spawnApp('worker', env));
      await workerStarted(workers[1]!);
      const stoppedAt = Date.now();
      workers[0]!.child.kill('SIGTERM');

      await c.waitForEvent('grade:scored', (e) => e.turnId === turnId, 20_000);
      // SHUTDOWN_TIMEOUT_MS for the job to finish, then it is handed back and taken at once: well inside the 30 s lock
      // a grade left to expire would wait for (a loaded CI machine has taken 6.5 s for the rest: start-up, pickup).
      expect(Date.now() - stoppedAt).toBeLessThan(15_000);
      expect(c.events.some((e) => e.type === 'grade:failed')).toBe(false);
      expect((await workers[0]!.exited).code).toBe(0);
    } finally {
      for (const w of workers) w.child.kill('SIGKILL');
      await api.close();
      await fake.close();
    }
  }, 60_000);

  it("retries a killed worker's grade within QUEUE_LOCK_MS + QUEUE_STALLED_INTERVAL_MS, and again after a second kill (maxStalledCount)", async () => {
    const fake = await FakeOpenAiServer.start();
    fake.script(
      () => ({ kind: 'hang' }),
      () => ({ kind: 'hang' }),
    );
    const env = {
      QUEUE_PREFIX: isolatedQueuePrefix(),
      LLM_PROVIDER: 'openai',
      INTERVIEWER_PROVIDER: 'rubric',
      OPENAI_BASE_URL: fake.baseUrl,
      QUEUE_LOCK_MS: '3000',
      QUEUE_STALLED_INTERVAL_MS: '250',
      // The reconciler runs once at start and not again: only BullMQ's stall handling can bring the job back.
      RECONCILE_INTERVAL_MS: '3600000',
    };
    // Lock plus stall check, with room for a busy CI host to notice and hand the job over (4.3 s was seen against a
    // 1 s margin): nothing else could bring the job back this side of the hour-long reconcile.
    const bound = 3_000 + 250 + 3_000;
    const api = await startApi(env);
    const workers: SpawnedApp[] = [spawnApp('worker', env)];
    try {
      const { c, turnId } = await answerOnce(api, workers[0]!, 'k-1');

      for (const round of [1, 2]) {
        await waitFor(async () => (fake.requests.length >= round ? true : undefined), { timeoutMs: 10_000 });
        // The next worker is up before this one dies, so only the lock and the stall check stand between.
        workers.push(spawnApp('worker', env));
        await workerStarted(workers.at(-1)!);
        const killedAt = Date.now();
        workers.at(-2)!.child.kill('SIGKILL');
        await workers.at(-2)!.exited;
        await waitFor(async () => (fake.requests.length > round ? true : undefined), { timeoutMs: 10_000 });
        expect(Date.now() - killedAt).toBeLessThan(bound);
      }
      // Stalled twice (its workers killed mid-call), the job is retried, not failed: the third call answers.
      await c.waitForEvent('grade:scored', (e) => e.turnId === turnId, 10_000);
      expect(c.events.some((e) => e.type === 'grade:failed')).toBe(false);
    } finally {
      for (const w of workers) w.child.kill('SIGKILL');
      await api.close();
      await fake.close();
    }
  }, 90_000);

  describe('an answer stored but never queued (the api died between commit and enqueue)', () => {
    // The lost api enqueues under a prefix no worker reads: its jobs never reach a worker. The reconciler runs
    // once at start and then not for an hour, so only the re-send (or the retry) can bring the answer back.
    const live = { QUEUE_PREFIX: isolatedQueuePrefix(), RECONCILE_INTERVAL_MS: '3600000' };
    let api: RunningApi;
    let lostApi: RunningApi;
    let worker: INestApplicationContext;
    beforeAll(async () => {
      [api, lostApi, worker] = await Promise.all([startApi(live), startApi({ ...live, QUEUE_PREFIX: isolatedQueuePrefix() }), startWorker(live)]);
    });
    afterAll(() => Promise.all([api.close(), lostApi.close(), worker.close()]));

    async function storedButNotQueued(): Promise<{ c: InterviewClient; sessionId: string; turnId: string; clientId: string }> {
      const { client, session } = await setup(api);
      const sessionId = await session();
      const onLost = await client(lostApi.url);
      await onLost.join(sessionId);
      const clientId = `lost-${Math.random().toString(36).slice(2)}`;
      const { turnId } = await onLost.ok('answer:submit', { sessionId, clientId, text: ANSWER });
      onLost.close();
      const c = await client();
      await c.join(sessionId);
      await c.marker(sessionId);
      expect(c.events.some((e) => e.type === 'grade:scored')).toBe(false);
      return { c, sessionId, turnId, clientId };
    }

    it('a re-sent answer:submit (same clientId) of a still-queued answer queues its grading again, once', async () => {
      const { c, sessionId, turnId, clientId } = await storedButNotQueued();
      const ack = await c.ok('answer:submit', { sessionId, clientId, text: ANSWER });
      expect(ack.turnId).toBe(turnId);
      // A second re-send while the job is pending or done changes nothing (the job id is the turn).
      await c.ok('answer:submit', { sessionId, clientId, text: ANSWER });
      await c.waitForEvent('grade:scored', (e) => e.turnId === turnId, 10_000);
      await c.marker(sessionId);
      expect(c.events.filter((e) => e.type === 'grade:scored')).toHaveLength(1);
      expect(c.events.filter((e) => e.type === 'answer:accepted' && e.clientId === clientId)).toHaveLength(1);
      const [grades] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM grades WHERE turn_id = $1', [turnId]);
      expect(grades?.n).toBe(1);
    });

    it('grade:retry accepts an answer stuck in queued', async () => {
      const { c, sessionId, turnId } = await storedButNotQueued();
      await expect(c.ok('grade:retry', { sessionId, turnId })).resolves.toEqual({ status: 'queued' });
      await c.waitForEvent('grade:scored', (e) => e.turnId === turnId, 10_000);
    });
  });

  it('grade:retry of an ended session rebuilds its report as a new version (the old kept) and sends it', async () => {
    const fake = await FakeOpenAiServer.start();
    fake.otherwise(() => ({ kind: 'status', status: 400 }));
    // The reconciler (which also rebuilds stale reports) runs once at start only: the grade itself must ask for the rebuild.
    const env = {
      QUEUE_PREFIX: isolatedQueuePrefix(),
      LLM_PROVIDER: 'openai',
      INTERVIEWER_PROVIDER: 'rubric',
      OPENAI_BASE_URL: fake.baseUrl,
      QUEUE_ATTEMPTS: '1',
      RECONCILE_INTERVAL_MS: '3600000',
    };
    const [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    try {
      // Realistic mode: grades are held back until the end, so the regraded one must reach the client with the new report.
      const { client, session, token } = await setup(api, 'realistic');
      const sessionId = await session();
      const c = await client();
      await c.join(sessionId);
      const { turnId } = await c.ok('answer:submit', { sessionId, clientId: 'f-1', text: ANSWER });
      await c.waitForEvent('grade:failed', (e) => e.turnId === turnId, 10_000);
      await c.ok('session:end', { sessionId });
      const first = await c.waitForEvent('session:report', () => true, 10_000);
      expect((first.report as { answers: unknown }).answers).toEqual({ graded: 0, failed: 1 });

      fake.reset(); // from now on the model answers with a good grade
      await expect(c.ok('grade:retry', { sessionId, turnId })).resolves.toEqual({ status: 'queued' });
      const second = await c.waitForEvent('session:report', (e) => e.seq > first.seq, 15_000);
      const report = second.report as { answers: unknown; overall: number | null };
      expect(report.answers).toEqual({ graded: 1, failed: 0 });
      expect(report.overall).not.toBeNull();
      await c.waitForEvent('grade:scored', (e) => e.turnId === turnId);

      const versions = await sql<{ version: number; body: { answers: unknown } }>(
        'SELECT version, body FROM session_reports WHERE session_id = $1 ORDER BY version',
        [sessionId],
      );
      expect(versions.map((v) => [v.version, v.body.answers])).toEqual([
        [1, { graded: 0, failed: 1 }],
        [2, { graded: 1, failed: 0 }],
      ]);
      const got = await request(api.url).get(`/api/sessions/${sessionId}`).set('authorization', `Bearer ${token}`).expect(200);
      expect((got.body.report as { answers: unknown }).answers).toEqual({ graded: 1, failed: 0 });
      // The rebuild is once per change: the log (read by a fresh join: the session has ended, so no later action can
      // mark the window) holds two reports, and this client was given exactly the log.
      const reader = await client();
      const log = (await reader.join(sessionId)).events;
      reader.close();
      expect(log.filter((e) => e.type === 'session:report')).toHaveLength(2);
      expect(c.events.map((e) => e.seq)).toEqual(log.map((e) => e.seq));
      expectGapless(c.events);
    } finally {
      await Promise.all([api.close(), worker.close()]);
      await fake.close();
    }
  });
});
