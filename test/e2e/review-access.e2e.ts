import type { INestApplicationContext } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import { JobQueue } from '../../libs/queue/index.js';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { InterviewClient } from '../support/interview-client.js';
import { type Actor, actor, bearer, finishedSession, referenceParagraphs } from '../support/review-fixture.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

type Method = 'get' | 'post' | 'delete';
interface Endpoint {
  name: string;
  method: Method;
  path: (sessionId: string, turnId: string) => string;
  body?: (turnId: string) => object;
}

/** Every session-scoped endpoint. Each is tried as the wrong candidate, an unassigned coach and anonymously. */
const SESSION_ENDPOINTS: Endpoint[] = [
  { name: 'GET session', method: 'get', path: (s) => `/api/sessions/${s}` },
  { name: 'GET transcript', method: 'get', path: (s) => `/api/sessions/${s}/transcript` },
  { name: 'GET transcript md', method: 'get', path: (s) => `/api/sessions/${s}/transcript?format=md` },
  { name: 'GET transcript json', method: 'get', path: (s) => `/api/sessions/${s}/transcript?format=json` },
  { name: 'GET code timeline', method: 'get', path: (s) => `/api/sessions/${s}/code-timeline` },
  { name: 'GET diagram', method: 'get', path: (s) => `/api/sessions/${s}/diagram` },
  { name: 'GET diagram timeline', method: 'get', path: (s) => `/api/sessions/${s}/diagram-timeline` },
  { name: 'GET diagram snapshot', method: 'get', path: (s) => `/api/sessions/${s}/diagram-timeline/00000000-0000-4000-8000-000000000001` },
  { name: 'GET diagram svg', method: 'get', path: (s) => `/api/sessions/${s}/diagram.svg` },
  { name: 'POST dispute', method: 'post', path: (s) => `/api/sessions/${s}/disputes`, body: (t) => ({ turnId: t, comment: 'unfair' }) },
  {
    name: 'POST corrections',
    method: 'post',
    path: (s) => `/api/review/sessions/${s}/corrections`,
    body: (t) => ({ corrections: [{ kind: 'keyPoint', turnId: t, keyPointId: 'x', status: 'covered', reason: 'r' }], complete: true }),
  },
  { name: 'DELETE session', method: 'delete', path: (s) => `/api/sessions/${s}` },
];

describe('review access rules', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let owner: Actor;
  let stranger: Actor;
  let coach: Actor;
  let otherCoach: Actor;
  let admin: Actor;
  let session: { sessionId: string; turnIds: string[] };
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const env = { QUEUE_PREFIX: isolatedQueuePrefix(), SOCKET_RATE_LIMIT: '1000' };

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApi(env), startWorker(env), db.connect()]);
    [owner, stranger, coach, otherCoach, admin] = await Promise.all([
      actor(api, worker, 'candidate'),
      actor(api, worker, 'candidate'),
      actor(api, worker, 'coach'),
      actor(api, worker, 'coach'),
      actor(api, worker, 'admin'),
    ]);
    await request(api.url).post('/api/admin/coach-assignments').set(bearer(admin)).send({ coachId: coach.id, candidateId: owner.id }).expect(201);
    // The unassigned coach coaches someone else, so "has candidates" is not what lets a coach in.
    await request(api.url)
      .post('/api/admin/coach-assignments')
      .set(bearer(admin))
      .send({ coachId: otherCoach.id, candidateId: stranger.id })
      .expect(201);
    session = await finishedSession(api, owner, [referenceParagraphs(worker, 'url-shortener')[0]!]);
  });
  afterAll(async () => {
    await Promise.all([api.close(), worker.close(), db.end()]);
  });

  const call = (e: Endpoint, who: Actor | null, sessionId = session.sessionId) => {
    let req = request(api.url)[e.method](e.path(sessionId, session.turnIds[0]!));
    if (who) req = req.set(bearer(who));
    return e.body ? req.send(e.body(session.turnIds[0]!)) : req;
  };

  describe.each(SESSION_ENDPOINTS)('$name', (e) => {
    it('answers 404 SESSION_NOT_FOUND to the wrong candidate and an unassigned coach, exactly as for a missing session', async () => {
      for (const who of [stranger, otherCoach]) {
        const res = await call(e, who).expect(404);
        expect(res.body.error.code).toBe('SESSION_NOT_FOUND');
      }
      const missing = await call(e, admin, '00000000-0000-4000-8000-000000000000').expect(404);
      expect(missing.body.error.code).toBe('SESSION_NOT_FOUND');
      expect((await call(e, owner, 'not-a-uuid').expect(404)).body.error.code).toBe('SESSION_NOT_FOUND');
    });

    it('answers 401 to an anonymous caller', async () => {
      await call(e, null).expect(401);
    });
  });

  it('lets the owner, the assigned coach and an admin read the session and its transcript', async () => {
    for (const who of [owner, coach, admin]) {
      await request(api.url).get(`/api/sessions/${session.sessionId}`).set(bearer(who)).expect(200);
      const t = await request(api.url).get(`/api/sessions/${session.sessionId}/transcript`).set(bearer(who)).expect(200);
      expect(t.body.session.id).toBe(session.sessionId);
      const timeline = await request(api.url).get(`/api/sessions/${session.sessionId}/code-timeline`).set(bearer(who)).expect(200);
      expect(timeline.body.sessionId).toBe(session.sessionId);
      const board = await request(api.url).get(`/api/sessions/${session.sessionId}/diagram-timeline`).set(bearer(who)).expect(200);
      expect(board.body).toEqual({ sessionId: session.sessionId, startedAt: expect.any(String), snapshots: [] });
    }
  });

  it('lets the assigned coach join the live room, not an unassigned one', async () => {
    const watching = await InterviewClient.connect(api.url, coach.token);
    const outsider = await InterviewClient.connect(api.url, otherCoach.token);
    try {
      const joined = await watching.join(session.sessionId);
      expect(joined.state.id).toBe(session.sessionId);
      const refused = await outsider.send('session:join', { sessionId: session.sessionId });
      expect(refused).toMatchObject({ ok: false, error: { code: 'SESSION_NOT_FOUND' } });
    } finally {
      watching.close();
      outsider.close();
    }
  });

  it('keeps corrections to coaches and admins: the owner gets the same 404', async () => {
    const res = await call(
      SESSION_ENDPOINTS.find((x) => x.name === 'POST corrections')!,
      owner,
    ).expect(404);
    expect(res.body.error.code).toBe('SESSION_NOT_FOUND');
  });

  it('keeps disputes and deletion to the owner: the assigned coach gets 404', async () => {
    for (const name of ['POST dispute', 'DELETE session']) {
      await call(
        SESSION_ENDPOINTS.find((x) => x.name === name)!,
        coach,
      ).expect(404);
    }
  });

  it('limits the queue and calibration to coaches and admins, and assignments to admins', async () => {
    for (const path of ['/api/review/queue', '/api/review/calibration']) {
      await request(api.url).get(path).expect(401);
      expect((await request(api.url).get(path).set(bearer(owner)).expect(403)).body.error.code).toBe('FORBIDDEN');
      await request(api.url).get(path).set(bearer(coach)).expect(200);
      await request(api.url).get(path).set(bearer(admin)).expect(200);
    }
    const other = (await request(api.url).get('/api/review/queue').set(bearer(otherCoach)).expect(200)).body;
    expect(other.map((q: { sessionId: string }) => q.sessionId)).not.toContain(session.sessionId);
    const all = (await request(api.url).get('/api/review/queue').set(bearer(admin)).expect(200)).body;
    expect(all.map((q: { sessionId: string }) => q.sessionId)).toContain(session.sessionId);

    const body = { coachId: coach.id, candidateId: stranger.id };
    await request(api.url).post('/api/admin/coach-assignments').send(body).expect(401);
    for (const who of [owner, coach]) await request(api.url).post('/api/admin/coach-assignments').set(bearer(who)).send(body).expect(403);
    const wrongRoles = await request(api.url)
      .post('/api/admin/coach-assignments')
      .set(bearer(admin))
      .send({ coachId: owner.id, candidateId: coach.id })
      .expect(400);
    expect(wrongRoles.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['coachId', 'candidateId']);
    await request(api.url).get('/api/me/progress').expect(401);
  });

  it('deletes a session for its owner: content and reviews go, an audit row stays', async () => {
    const doomed = await finishedSession(api, owner, ['We need 100M new URLs a month; reads dominate writes 100:1.']);
    await request(api.url)
      .post(`/api/review/sessions/${doomed.sessionId}/corrections`)
      .set(bearer(coach))
      .send({ annotations: [{ turnId: doomed.turnIds[0], comment: 'note' }], complete: true })
      .expect(201);
    await request(api.url).post(`/api/sessions/${doomed.sessionId}/disputes`).set(bearer(owner)).send({ comment: 'disagree' }).expect(201);

    await request(api.url).delete(`/api/sessions/${doomed.sessionId}`).set(bearer(owner)).expect(204);
    await request(api.url).get(`/api/sessions/${doomed.sessionId}/transcript`).set(bearer(owner)).expect(404);
    await request(api.url).delete(`/api/sessions/${doomed.sessionId}`).set(bearer(owner)).expect(404);
    for (const table of [
      'session_turns',
      'session_events',
      'answer_gradings',
      'session_reports',
      'review_annotations',
      'review_disputes',
      'session_reviews',
    ]) {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE session_id = $1`, [doomed.sessionId]);
      expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
    }
    const grades = await db.query(`SELECT count(*)::int AS n FROM grades WHERE turn_id = $1`, [doomed.turnIds[0]]);
    expect(grades.rows[0].n).toBe(0);
    const audit = await db.query(`SELECT * FROM session_deletions WHERE session_id = $1`, [doomed.sessionId]);
    expect(audit.rows).toEqual([
      { id: expect.any(String), session_id: doomed.sessionId, candidate_id: owner.id, deleted_by: owner.id, deleted_at: expect.any(Date) },
    ]);
  });

  it('lets the worker finish cleanly when a session is deleted while its answers are being graded', async () => {
    const created = await request(api.url)
      .post('/api/sessions')
      .set(bearer(owner))
      .send({ questionId: 'url-shortener', mode: 'practice' })
      .expect(201);
    const sessionId = created.body.id as string;
    const c = await InterviewClient.connect(api.url, owner.token);
    const turnIds: string[] = [];
    try {
      await c.join(sessionId);
      const answers = referenceParagraphs(worker, 'url-shortener');
      for (let i = 0; i < 4; i++)
        turnIds.push((await c.ok('answer:submit', { sessionId, clientId: `d-${i}`, text: answers[i % answers.length]! })).turnId);
      await request(api.url).delete(`/api/sessions/${sessionId}`).set(bearer(owner)).expect(204);
      const ack = await c.send('answer:submit', { sessionId, clientId: 'late', text: 'after the delete' });
      expect(ack).toMatchObject({ ok: false, error: { code: 'SESSION_NOT_FOUND' } });
    } finally {
      c.close();
    }
    // Every grade job of the deleted answers ends (finding its turn gone), none is left retrying.
    const jobs = api.app.get(JobQueue);
    await waitFor(
      async () => ((await Promise.all(turnIds.map((id) => jobs.isPending('grading.grade-answer', id)))).some(Boolean) ? undefined : true),
      { timeoutMs: 15_000 },
    );
    const left = await db.query(`SELECT count(*)::int AS n FROM grades WHERE turn_id = ANY($1::uuid[])`, [turnIds]);
    expect(left.rows[0].n).toBe(0);
    // The worker keeps working: the next session's answer is graded as usual.
    const next = await finishedSession(api, owner, ['Reads dominate writes, so a cache in front of the key-value store pays off.']);
    const t = await request(api.url).get(`/api/sessions/${next.sessionId}/transcript`).set(bearer(owner)).expect(200);
    expect(t.body.turns.find((x: { speaker: string }) => x.speaker === 'candidate').grading).toEqual({ status: 'scored' });
  });
});
