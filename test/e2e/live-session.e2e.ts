import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import { ContentService } from '../../libs/content/index.js';
import type { ServerEvent } from '../../libs/protocol/index.js';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { createUser } from '../support/factories.js';
import { expectGapless, InterviewClient } from '../support/interview-client.js';
import { isolatedQueuePrefix } from '../support/test-config.js';

/** The real api and worker, Postgres, Redis, BullMQ and socket.io-client; the offline rubric grader. */
describe('live mock session', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let token: string;
  const clients: InterviewClient[] = [];
  const env = { QUEUE_PREFIX: isolatedQueuePrefix(), SOCKET_RATE_LIMIT: '1000' };

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    const user = await createUser(worker);
    token = (await api.app.get(AuthService).issueToken({ userId: user.id, role: user.role })).accessToken;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all([api.close(), worker.close()]);
  });

  async function client(): Promise<InterviewClient> {
    const c = await InterviewClient.connect(api.url, token);
    clients.push(c);
    return c;
  }

  async function createSession(questionId: string, mode: 'practice' | 'realistic'): Promise<string> {
    const res = await request(api.url).post('/api/sessions').set('authorization', `Bearer ${token}`).send({ questionId, mode }).expect(201);
    return res.body.id as string;
  }

  /** Paragraphs of the question's reference answer: a strong candidate's words, one per phase. */
  function answersFor(questionId: string, phases: number): string[] {
    const ref = worker.get(ContentService).question(questionId).referenceAnswer;
    const paragraphs = ref.split(/\n\s*\n/).filter((p) => p.trim().length > 40);
    return Array.from({ length: phases }, (_, i) => paragraphs[i % paragraphs.length]!);
  }

  it('runs a whole practice session through all five system-design phases', async () => {
    const sessionId = await createSession('realtime-notifications', 'practice');
    const c = await client();
    const { state } = await c.join(sessionId, 0);
    expect(state.phases.map((p) => p.id)).toEqual([
      'requirements-clarification',
      'capacity-estimation',
      'high-level-design',
      'deep-dive',
      'trade-offs-scaling',
    ]);
    expect(c.events.map((e) => e.type)).toEqual(['phase:changed', 'interviewer:message']);

    const answers = answersFor('realtime-notifications', 5);
    for (let i = 0; i < 5; i++) {
      const { turnId, seq } = await c.ok('answer:submit', { sessionId, clientId: `answer-${i}`, text: answers[i]! });
      expect(seq).toBeGreaterThan(0);
      const scored = await c.waitForEvent('grade:scored', (e) => e.turnId === turnId);
      const grade = scored.grade as { overall: number; provenance: { grader: string } };
      expect(grade.provenance.grader).toBe('rubric');
      // The interviewer replies to the answer on its own job, beside the grading.
      await c.waitForEvent('interviewer:message', (e) => e.replyTo === turnId);
      const statuses = c.events.filter((e): e is ServerEvent<'grade:status'> => e.type === 'grade:status' && e.turnId === turnId);
      // The offline grader answers within milliseconds, so `grading` is never announced (see the resilience
      // tests for a slow grader that is).
      expect(statuses.map((e) => e.status)).toEqual(['queued', 'scored']);
      const advanced = await c.ok('phase:advance', { sessionId });
      if (i < 4) expect(advanced).toMatchObject({ phase: { index: i + 1 } });
      else expect(advanced).toEqual({ ended: true });
    }
    const report = await c.waitForEvent('session:report');
    expect(report.report).toMatchObject({ questionId: 'realtime-notifications', answers: { graded: 5, failed: 0 } });
    expect((report.report as { overall: number }).overall).toBeGreaterThan(0);
    expectGapless(c.events);

    const http = await request(api.url).get(`/api/sessions/${sessionId}`).set('authorization', `Bearer ${token}`).expect(200);
    expect(http.body.state.status).toBe('ended');
    expect(http.body.transcript.filter((t: { speaker: string }) => t.speaker === 'candidate')).toHaveLength(5);
    expect(http.body.report.overall).toBe((report.report as { overall: number }).overall);
  });

  it('holds grades back in a realistic session until the end', async () => {
    const sessionId = await createSession('observability-platform', 'realistic');
    const c = await client();
    await c.join(sessionId);
    const answers = answersFor('observability-platform', 2);
    const turns: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { turnId } = await c.ok('answer:submit', { sessionId, clientId: `r-${i}`, text: answers[i]! });
      turns.push(turnId);
      await c.waitForEvent('grade:status', (e) => e.turnId === turnId && e.status === 'scored');
    }
    expect(c.events.some((e) => e.type === 'grade:scored')).toBe(false);
    const mid = await request(api.url).get(`/api/sessions/${sessionId}`).set('authorization', `Bearer ${token}`).expect(200);
    expect(mid.body.transcript.find((t: { turnId: string }) => t.turnId === turns[0]).grading).toEqual({ status: 'scored' });

    await c.ok('session:end', { sessionId });
    await c.waitForEvent('session:report');
    const released = c.events.filter((e): e is ServerEvent<'grade:scored'> => e.type === 'grade:scored').map((e) => e.turnId);
    expect(released.sort()).toEqual([...turns].sort());
    expectGapless(c.events);
  });

  it('stores an answer sent twice with the same clientId once', async () => {
    const sessionId = await createSession('url-shortener', 'practice');
    const c = await client();
    await c.join(sessionId);
    const payload = { sessionId, clientId: 'same-id', text: 'We need 100M new URLs a month, reads dominate writes 100:1, so caching matters.' };
    const [a, b] = await Promise.all([c.ok('answer:submit', payload), c.ok('answer:submit', payload)]);
    const again = await c.ok('answer:submit', payload);
    expect(b).toEqual(a);
    expect(again).toEqual(a);
    await c.waitForEvent('grade:scored', (e) => e.turnId === a.turnId);
    await c.marker(sessionId);
    expect(c.events.filter((e) => e.type === 'answer:accepted' && e.clientId === 'same-id')).toHaveLength(1);
    expect(c.events.filter((e) => e.type === 'grade:scored')).toHaveLength(1);
    const http = await request(api.url).get(`/api/sessions/${sessionId}`).set('authorization', `Bearer ${token}`).expect(200);
    expect(http.body.transcript.filter((t: { speaker: string; text: string }) => t.speaker === 'candidate' && t.text === payload.text)).toHaveLength(
      1,
    );
  });

  it('gives a reconnecting client exactly the events it missed, in order', async () => {
    const sessionId = await createSession('chat-system', 'practice');
    const first = await client();
    await first.join(sessionId);
    const { turnId } = await first.ok('answer:submit', { sessionId, clientId: 'c-1', text: answersFor('chat-system', 1)[0]! });
    // The client goes away having processed up to "queued" (later events may be in flight: they count as missed).
    const lastSeen = (await first.waitForEvent('grade:status', (e) => e.turnId === turnId && e.status === 'queued')).seq;
    first.close();

    // While it is away: the grade lands, and another tab of the same candidate moves the phase on.
    const other = await client();
    await other.join(sessionId, lastSeen);
    await other.waitForEvent('grade:scored', (e) => e.turnId === turnId);
    await other.ok('phase:advance', { sessionId });
    await other.waitForEvent('phase:changed', (e) => e.phase.index === 1);

    const back = await client();
    const { events } = await back.join(sessionId, lastSeen);
    expect(events.length).toBeGreaterThan(0);
    expectGapless(events, lastSeen + 1);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['grade:status', 'grade:scored', 'phase:changed']));
    // Nothing the ack carried is sent again as a live event.
    await back.ok('answer:submit', { sessionId, clientId: 'c-2', text: 'Messages get a per-conversation sequence number so devices can resync.' });
    await back.waitForEvent('answer:accepted', (e) => e.clientId === 'c-2');
    expectGapless(back.events, lastSeen + 1);
  });

  it('lets the server own the clock', async () => {
    const sessionId = await createSession('url-shortener', 'practice');
    const c = await client();
    const { state } = await c.join(sessionId);
    expect(Date.parse(state.phaseEndsAt) - Date.now()).toBeGreaterThan(4 * 60_000);
    const bogus = await c.send('phase:advance', { sessionId, phaseIndex: 0, endsAt: '2099-01-01T00:00:00Z' });
    expect(bogus).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const res = await c.ok('phase:advance', { sessionId });
    expect(res).toMatchObject({ phase: { index: 1, id: 'capacity-estimation' } });
  });
});
