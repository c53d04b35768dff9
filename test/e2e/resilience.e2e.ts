import type { INestApplicationContext } from '@nestjs/common';
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

async function gradesFor(turnId: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query('SELECT count(*)::int AS n FROM grades WHERE turn_id = $1', [turnId])).rows[0].n as number;
  } finally {
    await client.end();
  }
}

/** What happens when parts die: a worker mid-grade, Redis's data, an api process. Nothing acknowledged is lost. */
describe('resilience of live sessions', () => {
  const clients: InterviewClient[] = [];
  afterEach(() => clients.splice(0).forEach((c) => c.close()));

  async function setup(api: RunningApi): Promise<{ token: string; client: () => Promise<InterviewClient>; session: () => Promise<string> }> {
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
          .send({ questionId: 'realtime-notifications', mode: 'practice' })
          .expect(201)
      ).body.id as string;
    return { token: user.accessToken, client: () => client(), session };
  }

  it('grades exactly once when the worker is killed mid-grade and another takes over', async () => {
    const fake = await FakeOpenAiServer.start();
    fake.script(() => ({ kind: 'hang' }));
    // Only the grader talks to the fake model here: the interviewer stays offline so it takes none of the scripted replies.
    const env = {
      QUEUE_PREFIX: isolatedQueuePrefix(),
      LLM_PROVIDER: 'openai',
      INTERVIEWER_PROVIDER: 'rubric',
      OPENAI_BASE_URL: fake.baseUrl,
      QUEUE_LOCK_MS: '1500',
    };
    const api = await startApi(env);
    const workers: SpawnedApp[] = [];
    try {
      const { client, session } = await setup(api);
      workers.push(spawnApp('worker', env));
      await waitFor(async () => (workers[0]!.output().includes('worker started') ? true : undefined), { timeoutMs: 30_000 });
      const sessionId = await session();
      const c = await client();
      await c.join(sessionId);
      const { turnId } = await c.ok('answer:submit', { sessionId, clientId: 'k-1', text: ANSWER });
      // Generous waits: on two busy cores (CI runs two test lanes) the first pickup has taken over 15 s.
      await c.waitForEvent('grade:status', (e) => e.turnId === turnId && e.status === 'grading', 45_000);
      await waitFor(async () => (fake.requests.length > 0 ? true : undefined), { timeoutMs: 30_000 });

      workers[0]!.child.kill('SIGKILL');
      await workers[0]!.exited;
      workers.push(spawnApp('worker', env));

      const scored = await c.waitForEvent('grade:scored', (e) => e.turnId === turnId, 60_000);
      expect((scored.grade as { provenance: { grader: string } }).provenance.grader).toBe('openai');
      await c.marker(sessionId);
      expect(await gradesFor(turnId)).toBe(1);
      expect(c.events.filter((e) => e.type === 'grade:scored')).toHaveLength(1);
      expectGapless(c.events);
    } finally {
      for (const w of workers) w.child.kill('SIGKILL');
      await api.close();
      await fake.close();
    }
  }, 180_000);

  it("honours a provider's 429 through the queue: waits retry-after, spends no attempt, then grades", async () => {
    const fake = await FakeOpenAiServer.start();
    fake.script(() => ({ kind: 'status', status: 429, headers: { 'retry-after': '1' } }));
    const env = {
      QUEUE_PREFIX: isolatedQueuePrefix(),
      LLM_PROVIDER: 'openai',
      INTERVIEWER_PROVIDER: 'rubric',
      OPENAI_BASE_URL: fake.baseUrl,
      QUEUE_ATTEMPTS: '1',
    };
    const [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    try {
      const { client, session } = await setup(api);
      const sessionId = await session();
      const c = await client();
      await c.join(sessionId);
      const { turnId } = await c.ok('answer:submit', { sessionId, clientId: 'l-1', text: ANSWER });
      const scored = await c.waitForEvent('grade:scored', (e) => e.turnId === turnId, 20_000);
      // With one attempt allowed, a 429 that spent it would have failed the grade instead.
      expect(c.events.some((e) => e.type === 'grade:failed')).toBe(false);
      expect(fake.requests.length).toBeGreaterThanOrEqual(2);
      // The retry came no sooner than the provider asked: measured between the 429 and the next request.
      const [limited, retried] = fake.timeline;
      expect(retried!.receivedAt - limited!.repliedAt!).toBeGreaterThanOrEqual(950);
      expect(Date.parse(scored.at)).toBeGreaterThan(Date.parse(c.events.find((e) => e.type === 'answer:accepted')!.at));
    } finally {
      await Promise.all([api.close(), worker.close()]);
      await fake.close();
    }
  });

  it('still grades an acknowledged answer, and answers a question, after Redis lost every queued job', async () => {
    const env = { QUEUE_PREFIX: isolatedQueuePrefix(), RECONCILE_INTERVAL_MS: '300', GRADING_STALL_MS: '300' };
    const api = await startApi(env);
    let worker: INestApplicationContext | undefined;
    try {
      const { client, session } = await setup(api);
      const sessionId = await session();
      const c = await client();
      await c.join(sessionId);
      const { turnId } = await c.ok('answer:submit', { sessionId, clientId: 'r-1', text: ANSWER });
      const question = await c.ok('answer:submit', { sessionId, clientId: 'r-2', text: 'How many users are online at once?' });

      // Redis here keeps nothing on disk: a restart drops the queue. Drop exactly this run's keys.
      const redis = createRedisConnection('redis://127.0.0.1:6379');
      const keys = await redis.keys(`${env.QUEUE_PREFIX}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
      await redis.quit();

      worker = await startWorker(env);
      await c.waitForEvent('grade:scored', (e) => e.turnId === turnId, 20_000);
      expect(await gradesFor(turnId)).toBe(1);
      const reply = await c.waitForEvent('interviewer:message', (e) => e.replyTo === question.turnId, 20_000);
      expect(reply.factIds).toEqual(['users-and-concurrency']);
    } finally {
      await worker?.close();
      await api.close();
    }
  });

  it('lets a client move from one api process to another and resume', async () => {
    const env = { QUEUE_PREFIX: isolatedQueuePrefix() };
    const worker = await startWorker(env);
    const apis = [spawnApp('api', { ...env, PORT: '0' }), spawnApp('api', { ...env, PORT: '0' })];
    try {
      const [a, b] = await Promise.all(
        apis.map((p) =>
          waitFor(async () => /"url":"http:\/\/\[?[^"\]]+\]?:(\d+)"/.exec(p.output())?.[1], { timeoutMs: 30_000 }).then(
            (port) => `http://127.0.0.1:${port}`,
          ),
        ),
      );
      const user = await createUser(worker);
      const { accessToken: token } = await worker.get(AuthService).issueToken({ userId: user.id, role: user.role });
      const sessionId = (
        await request(a!)
          .post('/api/sessions')
          .set('authorization', `Bearer ${token}`)
          .send({ questionId: 'realtime-notifications', mode: 'practice' })
          .expect(201)
      ).body.id as string;
      const onA = await InterviewClient.connect(a!, token);
      clients.push(onA);
      await onA.join(sessionId);
      const first = await onA.ok('answer:submit', { sessionId, clientId: 'm-1', text: ANSWER });
      const lastSeen = (await onA.waitForEvent('grade:scored', (e) => e.turnId === first.turnId)).seq;
      onA.close();

      const watcherOnA = await InterviewClient.connect(a!, token);
      clients.push(watcherOnA);
      await watcherOnA.join(sessionId, lastSeen);

      const onB = await InterviewClient.connect(b!, token);
      clients.push(onB);
      const { events } = await onB.join(sessionId, lastSeen);
      expect(events.every((e) => e.seq > lastSeen)).toBe(true);
      const second = await onB.ok('answer:submit', { sessionId, clientId: 'm-2', text: ANSWER.replace('Kafka', 'a replicated log') });
      await onB.waitForEvent('grade:scored', (e) => e.turnId === second.turnId);
      expectGapless(onB.events, lastSeen + 1);
      // The client still on process A hears what happened through process B and the worker.
      await watcherOnA.waitForEvent('grade:scored', (e) => e.turnId === second.turnId);
      expectGapless(watcherOnA.events, lastSeen + 1);
    } finally {
      for (const p of apis) p.child.kill('SIGTERM');
      await Promise.all(apis.map((p) => p.exited));
      await worker.close();
    }
  });

  it('ends phases on the server clock, then the session, then reports', async () => {
    const env = { QUEUE_PREFIX: isolatedQueuePrefix(), PHASE_MINUTE_MS: '40' };
    const [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    try {
      const { client, session } = await setup(api);
      const sessionId = await session();
      const c = await client();
      await c.join(sessionId);
      const ended = await c.waitForEvent('session:ended', () => true, 20_000);
      expect(ended.reason).toBe('clock');
      await c.waitForEvent('session:report');
      const phases = c.events.filter((e) => e.type === 'phase:changed').map((e) => (e as { phase: { index: number } }).phase.index);
      expect(phases).toEqual([0, 1, 2, 3, 4]);
      expect(c.events.filter((e) => e.type === 'interviewer:message' && /out of time/.test((e as { text: string }).text))).toHaveLength(5);
      expectGapless(c.events);
    } finally {
      await Promise.all([api.close(), worker.close()]);
    }
  });
});
