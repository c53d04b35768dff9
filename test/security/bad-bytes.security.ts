import type { INestApplicationContext } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { uniqueEmail } from '../support/factories.js';
import { InterviewClient } from '../support/interview-client.js';
import { type Actor, actor, bearer, finishedSession, referenceParagraphs } from '../support/review-fixture.js';
import { isolatedQueuePrefix } from '../support/test-config.js';

const NUL = 'a\u0000b';

/** Issue 17, points 11–13: bad bytes, a waitlist that told strangers about an email, and the default headers. */
describe('bad bytes and small leaks', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let candidate: Actor;
  let coach: Actor;
  let admin: Actor;
  let finished: { sessionId: string; turnIds: string[] };
  let dimensionId: string;
  const env = { QUEUE_PREFIX: isolatedQueuePrefix(), SOCKET_RATE_LIMIT: '1000' };

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    [candidate, coach, admin] = await Promise.all([actor(api, worker, 'candidate'), actor(api, worker, 'coach'), actor(api, worker, 'admin')]);
    await request(api.url).post('/api/admin/coach-assignments').set(bearer(admin)).send({ coachId: coach.id, candidateId: candidate.id }).expect(201);
    finished = await finishedSession(api, candidate, [referenceParagraphs(worker, 'url-shortener')[0]!]);
    const { body } = await request(api.url).get(`/api/sessions/${finished.sessionId}/transcript`).set(bearer(coach)).expect(200);
    dimensionId = body.turns.find((t: { speaker: string }) => t.speaker === 'candidate').grade.dimensions[0].id;
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
  });

  describe('point 11: a NUL in any free-text field is INVALID_PAYLOAD naming the field, never a 500', () => {
    type Who = 'anyone' | 'candidate' | 'coach' | 'admin';
    const cases: { name: string; who: Who; method: 'get' | 'post'; path: () => string; body?: () => object; field: string }[] = [
      {
        name: 'waitlist name',
        who: 'anyone',
        method: 'post',
        path: () => '/api/waitlist',
        body: () => ({ email: uniqueEmail('nul'), name: NUL }),
        field: 'name',
      },
      {
        name: 'waitlist role',
        who: 'anyone',
        method: 'post',
        path: () => '/api/waitlist',
        body: () => ({ email: uniqueEmail('nul'), targetRole: NUL }),
        field: 'targetRole',
      },
      {
        name: 'waitlist referral code',
        who: 'anyone',
        method: 'post',
        path: () => '/api/waitlist',
        body: () => ({ email: uniqueEmail('nul'), referralCode: NUL }),
        field: 'referralCode',
      },
      {
        name: 'waitlist email',
        who: 'anyone',
        method: 'post',
        path: () => '/api/waitlist',
        body: () => ({ email: `a\u0000${uniqueEmail('nul')}` }),
        field: 'email',
      },
      {
        name: 'invite code',
        who: 'anyone',
        method: 'post',
        path: () => '/api/auth/redeem',
        body: () => ({ code: NUL, password: 'a-good-long-password' }),
        field: 'code',
      },
      {
        name: 'invite cohort',
        who: 'admin',
        method: 'post',
        path: () => '/api/admin/invites',
        body: () => ({ count: 1, cohort: NUL, expiresInDays: 1 }),
        field: 'cohort',
      },
      { name: 'waitlist search', who: 'admin', method: 'get', path: () => `/api/admin/waitlist?q=${encodeURIComponent(NUL)}`, field: 'q' },
      {
        name: 'waitlist cohort filter',
        who: 'admin',
        method: 'get',
        path: () => `/api/admin/waitlist?cohort=${encodeURIComponent(NUL)}`,
        field: 'cohort',
      },
      {
        name: 'question filter topic',
        who: 'candidate',
        method: 'get',
        path: () => `/api/questions?topic=${encodeURIComponent(NUL)}`,
        field: 'topic',
      },
      {
        name: 'session question id',
        who: 'candidate',
        method: 'post',
        path: () => '/api/sessions',
        body: () => ({ questionId: NUL, mode: 'practice' }),
        field: 'questionId',
      },
      {
        name: 'dispute comment',
        who: 'candidate',
        method: 'post',
        path: () => `/api/sessions/${finished.sessionId}/disputes`,
        body: () => ({ turnId: finished.turnIds[0], comment: NUL }),
        field: 'comment',
      },
      {
        name: 'correction reason',
        who: 'coach',
        method: 'post',
        path: () => `/api/review/sessions/${finished.sessionId}/corrections`,
        body: () => ({ corrections: [{ kind: 'dimension', turnId: finished.turnIds[0], dimensionId, score: 2, reason: NUL }] }),
        field: 'corrections.0.reason',
      },
      {
        name: 'correction dimension id',
        who: 'coach',
        method: 'post',
        path: () => `/api/review/sessions/${finished.sessionId}/corrections`,
        body: () => ({ corrections: [{ kind: 'dimension', turnId: finished.turnIds[0], dimensionId: NUL, score: 2, reason: 'why' }] }),
        field: 'corrections.0.dimensionId',
      },
      {
        name: 'annotation',
        who: 'coach',
        method: 'post',
        path: () => `/api/review/sessions/${finished.sessionId}/corrections`,
        body: () => ({ annotations: [{ turnId: finished.turnIds[0], comment: NUL }] }),
        field: 'annotations.0.comment',
      },
    ];

    it.each(cases)('$name', async ({ who, method, path, body, field }) => {
      const actors: Record<Exclude<Who, 'anyone'>, Actor> = { candidate, coach, admin };
      let req = request(api.url)[method](path());
      if (who !== 'anyone') req = req.set(bearer(actors[who]));
      const res = await (body ? req.send(body()) : req);
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code: 'INVALID_PAYLOAD' });
      expect(res.body.error.details.issues.map((i: { path: string }) => i.path)).toContain(field);
    });

    it('refuses a NUL in socket text (answers, code) and acks an event sent with only a callback', async () => {
      const c = await InterviewClient.connect(api.url, candidate.token);
      try {
        const created = await request(api.url)
          .post('/api/sessions')
          .set(bearer(candidate))
          .send({ questionId: 'url-shortener', mode: 'practice' })
          .expect(201);
        const nul = await c.send('answer:submit', { sessionId: created.body.id, clientId: 'nul', text: NUL });
        expect(nul).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', details: { issues: [{ path: 'text' }] } } });
        // `emit(event, ack)`: the callback arrives where the payload would; it must still be answered.
        const bare = await (c.socket as unknown as import('socket.io-client').Socket).timeout(3_000).emitWithAck('session:join');
        expect(bare).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
        expect(c.socket.connected).toBe(true);
      } finally {
        c.close();
      }
    });
  });

  it('point 12: signing up with a taken email answers exactly what a new email gets', async () => {
    const owner = uniqueEmail('owner');
    const first = await request(api.url).post('/api/waitlist').send({ email: owner, name: 'Owner' });
    const { rows } = await waitForWelcome(owner);
    const ownerCode = /your code (\S+) moves/.exec(rows[0]!.body as string)![1]!;

    const stranger = await request(api.url).post('/api/waitlist').send({ email: owner.toUpperCase(), name: 'Stranger' });
    const fresh = await request(api.url)
      .post('/api/waitlist')
      .send({ email: uniqueEmail('fresh') });
    expect(first.status).toBe(fresh.status);
    expect({ status: stranger.status, body: stranger.body }).toEqual({ status: fresh.status, body: fresh.body });
    expect(first.body).toEqual(fresh.body);
    expect(JSON.stringify(stranger.body)).not.toContain(ownerCode);
  });

  it('point 13: answers carry nosniff and a CSP, and do not name Express', async () => {
    for (const res of [await request(api.url).get('/health'), await request(api.url).get('/api/sessions'), await request(api.url).get('/api/nope')]) {
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  async function waitForWelcome(email: string): Promise<{ rows: { body: string }[] }> {
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT body FROM outbox_messages WHERE kind = 'waitlist-welcome' AND to_email = $1`, [email]);
      expect(rows).toHaveLength(1);
      return { rows };
    } finally {
      await db.end();
    }
  }
});
