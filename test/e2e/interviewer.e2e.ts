import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import type { ServerEvent } from '../../libs/protocol/index.js';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { createUser } from '../support/factories.js';
import { content, FakeOpenAiServer, goodReply, interviewerReply } from '../support/fake-openai-server.js';
import { expectGapless, InterviewClient } from '../support/interview-client.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

type Line = ServerEvent<'interviewer:message'>;

/** The interviewer in a live session: the real api and worker, Postgres, Redis, BullMQ and socket.io-client. */
describe('the interviewer in a live session', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let token: string;
  const clients: InterviewClient[] = [];

  async function boot(env: Record<string, string>) {
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    const user = await createUser(worker);
    token = (await api.app.get(AuthService).issueToken({ userId: user.id, role: user.role })).accessToken;
  }
  async function client(): Promise<InterviewClient> {
    const c = await InterviewClient.connect(api.url, token);
    clients.push(c);
    return c;
  }
  async function session(questionId = 'realtime-notifications'): Promise<{ c: InterviewClient; sessionId: string }> {
    const res = await request(api.url)
      .post('/api/sessions')
      .set('authorization', `Bearer ${token}`)
      .send({ questionId, mode: 'practice' })
      .expect(201);
    const c = await client();
    await c.join(res.body.id as string, 0);
    return { c, sessionId: res.body.id as string };
  }
  /** Says something and waits for the interviewer's reply to it. */
  async function say(c: InterviewClient, sessionId: string, text: string, clientId: string): Promise<{ turnId: string; reply: Line }> {
    const { turnId } = await c.ok('answer:submit', { sessionId, clientId, text });
    const reply = await c.waitForEvent('interviewer:message', (e) => e.replyTo === turnId);
    return { turnId, reply };
  }
  const lines = (c: InterviewClient) => c.events.filter((e): e is Line => e.type === 'interviewer:message');

  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });

  describe('offline', () => {
    beforeAll(() => boot({ QUEUE_PREFIX: isolatedQueuePrefix(), SOCKET_RATE_LIMIT: '1000' }));
    afterAll(() => Promise.all([api.close(), worker.close()]));

    it('answers clarifying questions from the scenario, invites assumptions, and does not grade questions', async () => {
      const { c, sessionId } = await session();
      const scale = await say(c, sessionId, 'How many users should I design for, and how many are online at once?', 'q-1');
      expect(scale.reply.text).toContain('50 million');
      expect(scale.reply.text).toContain('2 million');
      expect(scale.reply.factIds).toEqual(['users-and-concurrency']);
      const sms = await say(c, sessionId, 'Do we need to support SMS?', 'q-2');
      expect(sms.reply.text).toMatch(/assum/i);
      expect(sms.reply.text).not.toMatch(/\d/);

      const accepted = c.events.filter((e): e is ServerEvent<'answer:accepted'> => e.type === 'answer:accepted');
      expect(accepted.map((e) => [e.kind, e.graded])).toEqual([
        ['question', false],
        ['question', false],
      ]);
      // Exactly one interviewer line per question, and no grading of either.
      expect(lines(c).filter((l) => l.replyTo === scale.turnId)).toHaveLength(1);
      expect(c.events.filter((e) => e.type === 'grade:status')).toEqual([]);
      expectGapless(c.events);
    });

    it('never says "that covers it" to a weak requirements answer', async () => {
      const { c, sessionId } = await session();
      const { turnId, reply } = await say(c, sessionId, 'It sends notifications.', 'weak-1');
      const scored = await c.waitForEvent('grade:scored', (e) => e.turnId === turnId);
      expect((scored.grade as { overall: number }).overall).toBeLessThan(50);
      expect(reply.text).not.toMatch(/covers|good|great/i);
      expect(reply.text).toMatch(/\?$/);
    });

    it('moves on when asked, and says no line twice in a five-phase session with ten answers', async () => {
      const { c, sessionId } = await session();
      const answers = [
        'Users get notifications in the app and by push when they are offline.',
        'Payments and security alerts must never be lost.',
        'About 200 million notifications a day, a few thousand per second, ten times that at peak.',
        'Inbox storage grows by about 100 GB a day.',
        'Producers publish to Kafka, a notification service fans out, and gateways push over WebSockets.',
        'A presence registry in Redis maps each user to the gateway holding the socket.',
        'Notifications are stored in Cassandra partitioned by user id, with a per-user sequence.',
        'Consumers commit offsets only after the push, so delivery is at least once and clients dedupe by id.',
        'Critical notifications get their own topic so a broadcast cannot delay them.',
        'Marketing fan-out is batched and shed first under overload.',
      ];
      for (let phase = 0; phase < 5; phase++) {
        for (let k = 0; k < 2; k++) {
          const i = phase * 2 + k;
          const { turnId } = await say(c, sessionId, answers[i]!, `a-${i}`);
          await c.waitForEvent('grade:status', (e) => e.turnId === turnId && e.status === 'scored');
        }
        if (phase < 4) {
          const { turnId } = await c.ok('answer:submit', { sessionId, clientId: `next-${phase}`, text: "Let's move on." });
          await c.waitForEvent('phase:changed', (e) => e.phase.index === phase + 1);
          expect(c.events.find((e) => e.type === 'answer:accepted' && e.turnId === turnId)).toMatchObject({ kind: 'move-on', graded: false });
        }
      }
      const texts = lines(c).map((l) => l.text);
      expect(new Set(texts).size).toBe(texts.length);
      expect(texts.length).toBeGreaterThanOrEqual(5 + 10 + 4);
    });
  });

  describe('on a fast clock', () => {
    // A plan minute of 150 ms: the 10-minute requirements phase lasts 1.5 s, its nudge is due 300 ms before.
    beforeAll(() => boot({ QUEUE_PREFIX: isolatedQueuePrefix(), SOCKET_RATE_LIMIT: '1000', PHASE_MINUTE_MS: '150' }));
    afterAll(() => Promise.all([api.close(), worker.close()]));

    it('says "two minutes left" once per phase, before the phase ends', async () => {
      const { c } = await session();
      const next = await c.waitForEvent('phase:changed', (e) => e.phase.index === 1, 10_000);
      const nudges = lines(c).filter((l) => /two minutes left for requirements clarification/i.test(l.text));
      expect(nudges).toHaveLength(1);
      expect(nudges[0]!.seq).toBeLessThan(next.seq);
      // Capacity estimation is a 5-minute phase: it gets its nudge too, once.
      await c.waitForEvent('interviewer:message', (e) => /two minutes left for capacity estimation/i.test(e.text), 10_000);
    });
  });

  describe('with an LLM (a local OpenAI-compatible server streaming its replies)', () => {
    let fake: FakeOpenAiServer;
    beforeAll(async () => {
      fake = await FakeOpenAiServer.start();
      await boot({ QUEUE_PREFIX: isolatedQueuePrefix(), SOCKET_RATE_LIMIT: '1000', LLM_PROVIDER: 'openai', OPENAI_BASE_URL: fake.baseUrl });
    });
    afterAll(async () => {
      await Promise.all([api.close(), worker.close()]);
      await fake.close();
    });
    beforeEach(() => fake.reset());

    it('streams the reply as deltas, then logs it once as interviewer:message', async () => {
      fake.timing = { firstTokenMs: 100, gapMs: 20 };
      const { c, sessionId } = await session();
      const { reply } = await say(c, sessionId, 'How many users should I design for, and how many are online at once?', 'llm-1');
      const pieces = c.deltas.filter((d) => d.turnId === reply.turnId).sort((a, b) => a.index - b.index);
      expect(pieces.length).toBeGreaterThan(2);
      expect(pieces.map((d) => d.index)).toEqual(pieces.map((_, i) => i));
      expect(pieces.map((d) => d.text).join('')).toBe(reply.text);
      expect(reply.text).toContain('50 million');
      expect(reply.reason).toContain('worded by the model');
    });

    it('gives a client that reconnects mid-stream the final line exactly once', async () => {
      fake.timing = { firstTokenMs: 300, gapMs: 60 };
      const first = await session();
      const { turnId } = await first.c.ok('answer:submit', {
        sessionId: first.sessionId,
        clientId: 'llm-2',
        text: 'How long do we keep notifications?',
      });
      await waitFor(async () => (first.c.deltas.length > 0 ? true : undefined), { timeoutMs: 10_000 });
      const lastSeq = first.c.events.at(-1)!.seq;
      first.c.close();
      const again = await client();
      await again.join(first.sessionId, lastSeq);
      const line = await again.waitForEvent('interviewer:message', (e) => e.replyTo === turnId);
      await again.marker(first.sessionId);
      expect(again.events.filter((e) => e.type === 'interviewer:message' && e.replyTo === turnId)).toEqual([line]);
      expect(line.text).toContain('90 days');
    });

    it('falls back to the offline line when the model leaks rubric text', async () => {
      fake.otherwise((req) =>
        req.response_format?.json_schema?.name === 'interviewer_reply'
          ? content(
              interviewerReply(req, {
                reply:
                  'Great question. Producers write events to Kafka via a transactional outbox so an event is published if and only if the business change committed.',
              }),
            )
          : content(goodReply(req)),
      );
      const { c, sessionId } = await session();
      const { reply } = await say(c, sessionId, 'Do we need strict ordering per user?', 'llm-3');
      expect(reply.text).not.toMatch(/transactional outbox/);
      expect(reply.reason).toContain('leak');
      expect(reply.factIds).toEqual(['ordering']);
    });
  });
});
