import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { createUser } from '../support/factories.js';
import { InterviewClient } from '../support/interview-client.js';
import { isolatedQueuePrefix } from '../support/test-config.js';

/** Bad input gets a clear error, never a crash: every code the live-session protocol answers with. */
describe('live session errors', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  const env = { QUEUE_PREFIX: isolatedQueuePrefix(), SOCKET_RATE_LIMIT: '8', SOCKET_RATE_WINDOW_MS: '60000', ANSWER_MAX_CHARS: '2000' };
  const tokens: string[] = [];
  const clients: InterviewClient[] = [];

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    for (let i = 0; i < 4; i++) {
      const user = await createUser(worker);
      tokens.push((await api.app.get(AuthService).issueToken({ userId: user.id, role: user.role })).accessToken);
    }
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all([api.close(), worker.close()]);
  });

  async function client(user: number): Promise<InterviewClient> {
    const c = await InterviewClient.connect(api.url, tokens[user]!);
    clients.push(c);
    return c;
  }
  async function session(user: number): Promise<string> {
    const res = await request(api.url)
      .post('/api/sessions')
      .set('authorization', `Bearer ${tokens[user]}`)
      .send({ questionId: 'url-shortener', mode: 'practice' })
      .expect(201);
    return res.body.id as string;
  }

  it('refuses an answer over the limit with ANSWER_TOO_LONG', async () => {
    const sessionId = await session(0);
    const c = await client(0);
    const ack = await c.send('answer:submit', { sessionId, clientId: 'long', text: 'x'.repeat(2001) });
    expect(ack).toMatchObject({ ok: false, error: { code: 'ANSWER_TOO_LONG', details: { limit: 2000, length: 2001 } } });
    expect(c.errors.map((e) => e.code)).toContain('ANSWER_TOO_LONG');
    expect(c.socket.connected).toBe(true);
  });

  it('names the bad field of a malformed payload with INVALID_PAYLOAD', async () => {
    const c = await client(0);
    const bad = await c.send('answer:submit', { sessionId: 'not-a-uuid', clientId: 'a', text: 'hi' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', details: { issues: [{ path: 'sessionId' }] } } });
    const missing = await c.send('answer:submit', { sessionId: await session(0), clientId: 'a' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', details: { issues: [{ path: 'text' }] } } });
    const nul = await c.send('answer:submit', { sessionId: await session(0), clientId: 'nul', text: 'a\u0000b' });
    expect(nul).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', details: { issues: [{ path: 'text' }] } } });
    const notObject = await c.send('session:join', 'hello' as unknown as Record<string, unknown>);
    expect(notObject).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const http = await request(api.url)
      .post('/api/sessions')
      .set('authorization', `Bearer ${tokens[0]}`)
      .send({ questionId: 'url-shortener', mode: 'casual' })
      .expect(400);
    expect(http.body.error.details.issues[0].path).toBe('mode');
  });

  it("answers another candidate's session exactly like an unknown one: SESSION_NOT_FOUND", async () => {
    const theirs = await session(1);
    const c = await client(2);
    const foreign = await c.send('session:join', { sessionId: theirs });
    const unknown = await c.send('session:join', { sessionId: '00000000-0000-4000-8000-000000000000' });
    expect(foreign).toEqual(unknown);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'SESSION_NOT_FOUND' } });
    const submit = await c.send('answer:submit', { sessionId: theirs, clientId: 'x', text: 'mine now' });
    expect(submit).toMatchObject({ ok: false, error: { code: 'SESSION_NOT_FOUND' } });
    const http = await request(api.url).get(`/api/sessions/${theirs}`).set('authorization', `Bearer ${tokens[2]}`).expect(404);
    expect(http.body.error.code).toBe('SESSION_NOT_FOUND');
    const list = await request(api.url).get('/api/sessions').set('authorization', `Bearer ${tokens[2]}`).expect(200);
    expect(list.body).toEqual([]);
  });

  it('refuses answers and phase moves after the end with SESSION_ENDED', async () => {
    const sessionId = await session(3);
    const c = await client(3);
    await c.join(sessionId);
    await c.ok('session:end', { sessionId });
    for (const [event, payload] of [
      ['answer:submit', { sessionId, clientId: 'late', text: 'one more thing' }],
      ['phase:advance', { sessionId }],
      ['session:end', { sessionId }],
    ] as const) {
      expect(await c.send(event, payload)).toMatchObject({ ok: false, error: { code: 'SESSION_ENDED' } });
    }
  });

  it('limits a flood with RATE_LIMITED and keeps the connection', async () => {
    const sessionId = await session(1);
    const c = await client(1);
    const acks = [];
    for (let i = 0; i < 12; i++) acks.push(await c.send('session:join', { sessionId }));
    const limited = acks.filter((a) => !a.ok);
    expect(acks.slice(0, 7).every((a) => a.ok)).toBe(true);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } } });
    expect(c.socket.connected).toBe(true);
  });
});
