import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import { type RunningApi, type SpawnedApp, spawnApp, startApi } from '../support/apps.js';
import { createUser } from '../support/factories.js';
import { FakeOpenAiServer } from '../support/fake-openai-server.js';
import { InterviewClient } from '../support/interview-client.js';
import { OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Issue 21, point 4: with OTEL_EXPORTER_OTLP_ENDPOINT set, one answer is one trace, from the api's `answer:submit`
 * through the queue, the worker and the grader and the database, to the api emitting `grade:scored`. The built
 * apps run as their own processes (`node dist/apps/<app>/main.js`, as `npm start` runs them): the tracing preload
 * in their main.js is what is under test.
 */
describe('tracing', () => {
  const prefix = isolatedQueuePrefix();
  let receiver: OtlpReceiver;
  let openai: FakeOpenAiServer;
  let api: SpawnedApp;
  let worker: SpawnedApp;
  let helper: RunningApi;
  let client: InterviewClient | undefined;

  beforeAll(async () => {
    [receiver, openai] = await Promise.all([OtlpReceiver.start(), FakeOpenAiServer.start()]);
    // The openai grader (against a fake OpenAI server in this process): the LLM call is in the trace.
    const env = {
      QUEUE_PREFIX: prefix,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      LLM_PROVIDER: 'openai',
      INTERVIEWER_PROVIDER: 'rubric',
      OPENAI_BASE_URL: openai.baseUrl,
    };
    api = spawnApp('api', { ...env, PORT: '0', LOG_LEVEL: 'info' });
    worker = spawnApp('worker', { ...env, LOG_LEVEL: 'info' });
    // Users are made through an untraced api in this process (the spawned one only serves the traced answer).
    helper = await startApi({ QUEUE_PREFIX: isolatedQueuePrefix() });
  });
  afterAll(async () => {
    client?.close();
    for (const app of [api, worker]) app?.child.kill('SIGTERM');
    await Promise.all([api?.exited, worker?.exited, helper?.close()]);
    await Promise.all([receiver?.close(), openai?.close()]);
  });

  it('one answer is one trace: socket event → queue → worker → grader → database → grade:scored emitted', async () => {
    const port = await waitFor(async () => /"url":"http:\/\/\[?[^"\]]+\]?:(\d+)"/.exec(api.output())?.[1], { timeoutMs: 60_000 });
    await waitFor(async () => (worker.output().includes('worker started') ? true : undefined), { timeoutMs: 60_000 });
    const url = `http://127.0.0.1:${port}`;
    const user = await createUser(helper.app);
    const { accessToken } = await helper.app.get(AuthService).issueToken({ userId: user.id, role: user.role });
    const sessionId = (
      await request(url)
        .post('/api/sessions')
        .set('authorization', `Bearer ${accessToken}`)
        .send({ questionId: 'realtime-notifications', mode: 'practice' })
        .expect(201)
    ).body.id as string;
    client = await InterviewClient.connect(url, accessToken);
    await client.join(sessionId);
    const { turnId } = await client.ok('answer:submit', {
      sessionId,
      clientId: 'traced',
      text: 'Kafka between the api and the push workers, at-least-once, with idempotency keys.',
    });
    await client.waitForEvent('grade:scored', (e) => e.turnId === turnId, 30_000);

    const root = await waitFor(
      async () => receiver.spans.find((s) => s.name === 'socket answer:submit' && s.attributes['session.id'] === sessionId),
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(root).toMatchObject({ service: 'mock-interview-api', parentSpanId: undefined });
    // Spans arrive in batches from two processes: wait until the trace has reached the emit of the grade.
    const trace = await waitFor(
      async () => {
        const spans = receiver.trace(root.traceId);
        const emitted = spans.some((s) => s.name === 'session.deliver' && String(s.attributes['session.events']).includes('grade:scored'));
        return emitted && spans.some((s) => s.name === 'grader.grade') ? spans : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );

    const of = (service: string, where: (s: ReceivedSpan) => boolean) => trace.filter((s) => s.service === service && where(s));
    // api: the socket event, its database work and the enqueue of the grading job (BullMQ's producer span).
    expect(
      of('mock-interview-api', (s) => s.attributes['db.system'] === 'postgresql' || s.attributes['db.system.name'] === 'postgresql').length,
    ).toBeGreaterThan(0);
    expect(of('mock-interview-api', (s) => s.scope.includes('queue') && s.name.includes('grading')).length).toBeGreaterThan(0);
    // worker: the job, the grader (model and tokens as attributes) and the database.
    expect(of('mock-interview-worker', (s) => s.scope.includes('queue') && s.name.includes('grading')).length).toBeGreaterThan(0);
    const grader = of('mock-interview-worker', (s) => s.name === 'grader.grade');
    expect(grader).toEqual([
      expect.objectContaining({
        attributes: expect.objectContaining({ 'grader.name': 'openai', 'gen_ai.request.model': expect.stringContaining('gpt-4o-mini') }),
      }),
    ]);
    for (const tokens of ['gen_ai.usage.input_tokens', 'gen_ai.usage.cached_input_tokens', 'gen_ai.usage.output_tokens'])
      expect(grader[0]!.attributes[tokens]).toBeGreaterThan(0);
    // The request to the model is the grader's child (fetch, traced by the undici instrumentation).
    const llmCall = of(
      'mock-interview-worker',
      (s) => s.parentSpanId === grader[0]!.spanId && String(s.attributes['url.full'] ?? '').endsWith('/v1/chat/completions'),
    );
    expect(llmCall).toHaveLength(1);
    expect(
      of('mock-interview-worker', (s) => s.attributes['db.system'] === 'postgresql' || s.attributes['db.system.name'] === 'postgresql').length,
    ).toBeGreaterThan(0);
    expect(
      of('mock-interview-worker', (s) => s.attributes['db.system'] === 'redis' || s.attributes['db.system.name'] === 'redis').length,
    ).toBeGreaterThan(0);
    // api again: the grade's delivery to the session's sockets, a child in the same trace.
    const workerSpans = new Set(of('mock-interview-worker', () => true).map((s) => s.spanId));
    const delivered = of(
      'mock-interview-api',
      (s) => s.name === 'session.deliver' && String(s.attributes['session.events']).includes('grade:scored'),
    );
    expect(delivered).toEqual([expect.objectContaining({ attributes: expect.objectContaining({ 'session.id': sessionId }) })]);
    expect(workerSpans.has(delivered[0]!.parentSpanId!)).toBe(true);
    // Every span but the root has its parent in the trace: one tree, not pieces.
    const ids = new Set(trace.map((s) => s.spanId));
    expect(trace.filter((s) => s.parentSpanId !== undefined && !ids.has(s.parentSpanId)).map((s) => s.name)).toEqual([]);
    process.stdout.write(`one answer's trace: ${trace.length} spans\n${[...new Set(trace.map((s) => `${s.service} ${s.name}`))].join('\n')}\n`);
  }, 180_000);
});
