import type { INestApplicationContext } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import { ContentService, type CodingQuestion } from '../../libs/content/index.js';
import { WorkerHealthServer } from '../../libs/health/index.js';
import { type RunningApi, startApi, startCodeRunner, startWorker } from '../support/apps.js';
import { createUser } from '../support/factories.js';
import { FakeOpenAiServer } from '../support/fake-openai-server.js';
import { InterviewClient } from '../support/interview-client.js';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database.js';
import { parseExposition, type Sample, samples } from '../support/prometheus-text.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

const ANSWER =
  'Each notification goes through a durable queue such as Kafka with at-least-once delivery, consumers ' +
  'acknowledge after the push, and we keep idempotency keys so a redelivered message is not shown twice.';

/**
 * Issue 21, point 3: after one graded answer (and the few things an operator watches for: a rate limit, a rollout
 * refusal, a stalled job, a lost deadline job, a sandboxed run), the api's `/metrics` and the worker's and code
 * runner's (their health port) hold a non-zero sample of every metric the service promises.
 */
describe('metrics', () => {
  const prefix = isolatedQueuePrefix();
  const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const connection = { host: redis.hostname, port: Number(redis.port || 6379) };
  let db: OwnDatabase;
  let openai: FakeOpenAiServer;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let codeRunner: INestApplicationContext;
  const clients: InterviewClient[] = [];

  beforeAll(async () => {
    [db, openai] = await Promise.all([createOwnDatabase(), FakeOpenAiServer.start()]);
    // A job taken by a worker that then froze (its lock is never renewed): the worker's stall check must find it.
    const mail = new Queue('mail', { connection, prefix });
    await mail.add('mail.sweep', {}, { jobId: 'taken-by-a-frozen-worker' });
    const frozen = new Worker('mail', null, { connection, prefix, lockDuration: 500, autorun: false });
    expect(await frozen.getNextJob('frozen-token')).toMatchObject({ id: 'taken-by-a-frozen-worker' });
    await frozen.close(true);
    await mail.close();

    const env = {
      DATABASE_URL: db.url,
      QUEUE_PREFIX: prefix,
      WORKER_HEALTH_PORT: '0',
      LLM_PROVIDER: 'openai',
      INTERVIEWER_PROVIDER: 'rubric',
      OPENAI_BASE_URL: openai.baseUrl,
      RECONCILE_INTERVAL_MS: '300',
      QUEUE_STALLED_INTERVAL_MS: '300',
      WAITLIST_RATE_LIMIT: '1',
      ROLLOUT_SESSIONS_PER_USER_PER_DAY: '1',
      CODE_SNAPSHOT_MIN_INTERVAL_MS: '0',
    };
    [api, worker, codeRunner] = await Promise.all([startApi(env), startWorker(env), startCodeRunner(env)]);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await Promise.all([api?.close(), worker?.close(), codeRunner?.close()]);
    await Promise.all([openai?.close(), db?.drop()]);
  });

  const scrape = async (url: string): Promise<Sample[]> =>
    parseExposition(
      (
        await request(url)
          .get('/metrics')
          .expect(200)
          .expect('content-type', /^text\/plain/)
      ).text,
    );
  const portOf = (app: INestApplicationContext) => `http://127.0.0.1:${app.get(WorkerHealthServer).port}`;
  const signIn = async () => {
    const user = await createUser(api.app);
    return (await api.app.get(AuthService).issueToken({ userId: user.id, role: user.role })).accessToken;
  };
  const connect = async (token: string) => {
    const c = await InterviewClient.connect(api.url, token);
    clients.push(c);
    return c;
  };

  it('has a non-zero sample of every promised metric after one graded answer', async () => {
    const token = await signIn();
    const startSession = (questionId: string) =>
      request(api.url).post('/api/sessions').set('authorization', `Bearer ${token}`).send({ questionId, mode: 'practice' });
    const sessionId = ((await startSession('realtime-notifications').expect(201)).body as { id: string }).id;
    // Past the rollout's sessions per day (1 here).
    expect((await startSession('realtime-notifications').expect(429)).body).toMatchObject({ error: { code: 'DAILY_LIMIT' } });
    // Past the per-IP limit of the waitlist (1 here).
    await request(api.url).post('/api/waitlist').send({ email: 'metrics-1@example.test' }).expect(200);
    expect((await request(api.url).post('/api/waitlist').send({ email: 'metrics-2@example.test' }).expect(429)).body).toMatchObject({
      error: { code: 'RATE_LIMITED' },
    });

    // One graded answer (the openai grader, against the fake server: it reports prompt, cached and completion tokens).
    const c = await connect(token);
    await c.join(sessionId);
    const { turnId } = await c.ok('answer:submit', { sessionId, clientId: 'one', text: ANSWER });
    await c.waitForEvent('grade:scored', (e) => e.turnId === turnId, 20_000);

    // Redis loses the session's phase deadline: the reconciler puts it back.
    const sessions = new Queue('sessions', { connection, prefix });
    try {
      const deadlines = (await sessions.getDelayed()).filter((j) => j.name === 'sessions.phase-deadline');
      expect(deadlines).toHaveLength(1);
      await deadlines[0]!.remove();
    } finally {
      await sessions.close();
    }

    // One code run in the sandbox (the code runner), by another candidate (the first is at the day's limit).
    const coder = await signIn();
    const question = api.app.get(ContentService).question('lru-cache') as CodingQuestion;
    const coding = (
      (
        await request(api.url)
          .post('/api/sessions')
          .set('authorization', `Bearer ${coder}`)
          .send({ questionId: question.id, mode: 'practice' })
          .expect(201)
      ).body as { id: string }
    ).id;
    const cc = await connect(coder);
    await cc.join(coding);
    await cc.ok('code:update', { sessionId: coding, clientId: 's1', language: 'python', code: question.referenceSolution.python });
    const { runId } = await cc.ok('code:run', { sessionId: coding, clientId: 'r1' });
    await cc.waitForEvent('code:result', (e) => e.runId === runId, 30_000);

    const workerSamples = await waitFor(
      async () => {
        const all = await scrape(portOf(worker));
        const repaired = samples(all, 'mi_reconciler_repairs_total', { kind: 'deadlines' }).some((s) => s.value > 0);
        const stalled = samples(all, 'mi_queue_stalled_jobs_total', { queue: 'mail' }).some((s) => s.value > 0);
        return repaired && stalled ? all : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 200 },
    );
    const apiSamples = await scrape(api.url);
    const runnerSamples = await scrape(portOf(codeRunner));

    const nonZero = (all: Sample[], name: string, labels: Record<string, string> = {}) => samples(all, name, labels).filter((s) => s.value > 0);
    // The worker: grading, tokens, queues, stalls, repairs.
    expect(nonZero(workerSamples, 'mi_grade_duration_seconds_count', { provider: 'openai', outcome: 'scored' })).toHaveLength(1);
    // Labelled with the model that answered (the fake server's snapshot of the model the grader asked for).
    const models = [...new Set(openai.requests.map((r) => `${r.model}-fake-snapshot`))];
    expect(models).toHaveLength(1);
    for (const kind of ['prompt', 'cached', 'completion'])
      expect(nonZero(workerSamples, 'mi_llm_tokens_total', { kind, model: models[0]! })).toHaveLength(1);
    expect(nonZero(workerSamples, 'mi_queue_jobs').length).toBeGreaterThan(0);
    for (const queue of ['grading', 'sessions', 'mail', 'interviewer', 'auth']) {
      expect(
        samples(workerSamples, 'mi_queue_jobs', { queue })
          .map((s) => s.labels.state)
          .sort(),
      ).toEqual(['active', 'delayed', 'failed', 'waiting']);
    }
    expect(nonZero(workerSamples, 'mi_queue_stalled_jobs_total', { queue: 'mail' })).toHaveLength(1);
    expect(nonZero(workerSamples, 'mi_reconciler_repairs_total', { kind: 'deadlines' })).toHaveLength(1);
    expect(nonZero(workerSamples, 'mi_job_duration_seconds_count', { queue: 'grading', outcome: 'completed' })).toHaveLength(1);
    // The api: delivery, sockets, events, refusals.
    expect(nonZero(apiSamples, 'mi_answer_to_grade_delivery_seconds_count')).toHaveLength(1);
    expect(nonZero(apiSamples, 'mi_sockets_connected')).toEqual([expect.objectContaining({ value: 2 })]);
    expect(nonZero(apiSamples, 'mi_events_delivered_total', { type: 'grade:scored' })).toHaveLength(1);
    expect(nonZero(apiSamples, 'mi_rate_limit_refusals_total', { code: 'RATE_LIMITED', transport: 'http' })).toHaveLength(1);
    expect(nonZero(apiSamples, 'mi_rollout_refusals_total', { code: 'DAILY_LIMIT' })).toHaveLength(1);
    expect(nonZero(apiSamples, 'mi_http_request_duration_seconds_count', { method: 'POST', route: '/api/sessions', status: '201' })).toHaveLength(1);
    expect(nonZero(apiSamples, 'mi_http_request_duration_seconds_count', { method: 'POST', route: '/api/waitlist', status: '429' })).toHaveLength(1);
    // The code runner: its sandboxed run, and its own queue's counts.
    expect(nonZero(runnerSamples, 'mi_sandbox_runs_total', { status: 'PASSED', language: 'python' })).toHaveLength(1);
    expect(samples(runnerSamples, 'mi_queue_jobs', { queue: 'code' })).toHaveLength(4);
    // Label values stay bounded: no id of a session, turn, user or job in any label.
    const ids = [sessionId, coding, turnId, runId, 'taken-by-a-frozen-worker'];
    for (const s of [...workerSamples, ...apiSamples, ...runnerSamples]) expect(ids.some((id) => JSON.stringify(s.labels).includes(id))).toBe(false);
  }, 90_000);

  it('serves /metrics only to private addresses, or with METRICS_TOKEN to its bearer only', async () => {
    await request(api.url).get('/metrics').expect(200);
    // A client the api sees as public (through a proxy it trusts) is refused.
    const proxied = await startApi({ DATABASE_URL: db.url, QUEUE_PREFIX: prefix, TRUST_PROXY: '1' });
    try {
      await request(proxied.url).get('/metrics').set('x-forwarded-for', '203.0.113.7').expect(403);
      await request(proxied.url).get('/metrics').set('x-forwarded-for', '10.1.2.3').expect(200);
    } finally {
      await proxied.close();
    }
    const token = 'a-metrics-token-of-32-characters';
    const guarded = await startApi({ DATABASE_URL: db.url, QUEUE_PREFIX: prefix, METRICS_TOKEN: token });
    try {
      await request(guarded.url).get('/metrics').expect(401);
      await request(guarded.url).get('/metrics').set('authorization', 'Bearer a-wrong-token-of-32-characters!!').expect(401);
      expect((await request(guarded.url).get('/metrics').set('authorization', `Bearer ${token}`).expect(200)).text).toContain('mi_sockets_connected');
    } finally {
      await guarded.close();
    }
  });
});
