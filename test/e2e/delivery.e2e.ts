import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import { SessionsRepository } from '../../libs/interview/index.js';
import { SessionNotifier } from '../../libs/interview/session-notifier.js';
import { type RunningApi, startApi } from '../support/apps.js';
import { createUser } from '../support/factories.js';
import { expectGapless, InterviewClient } from '../support/interview-client.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Notices carry their transaction's events so the api need not read them back; a notice that would leave a
 * watcher with a gap (an earlier notice lost or still on its way) makes the api read the log instead.
 */
describe('session event delivery', () => {
  let api: RunningApi;
  let token: string;
  let client: InterviewClient;

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: isolatedQueuePrefix() });
    const user = await createUser(api.app);
    token = (await api.app.get(AuthService).issueToken({ userId: user.id, role: user.role })).accessToken;
  });
  afterAll(async () => {
    client?.close();
    await api.close();
  });

  it('fills a gap from the log when a notice arrives before the one it follows', async () => {
    const res = await request(api.url)
      .post('/api/sessions')
      .set('authorization', `Bearer ${token}`)
      .send({ questionId: 'realtime-notifications', mode: 'practice' })
      .expect(201);
    const sessionId = res.body.id as string;
    client = await InterviewClient.connect(api.url, token);
    const { state } = await client.join(sessionId, 0);
    const before = client.events.length;

    const sessions = api.app.get(SessionsRepository);
    const say = (text: string) =>
      sessions.inSession(sessionId, async (tx) => {
        await tx.appendEvent('interviewer:message', { turnId: crypto.randomUUID(), text, reason: 'test' });
      });
    await say('first, whose notice is lost');
    const second = await say('second, whose notice arrives');
    await api.app.get(SessionNotifier).notify(second!.appended);

    await waitFor(async () => (client.events.length >= before + 2 ? true : undefined));
    const arrived = client.events.slice(before);
    expect(arrived.map((e) => e.type === 'interviewer:message' && e.text)).toEqual(['first, whose notice is lost', 'second, whose notice arrives']);
    expect(arrived[0]!.seq).toBe(state.lastSeq + 1);
    expectGapless(client.events);
  });
});
