import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { AuthService, type Role } from '../../libs/auth/index.js';
import type { Grade } from '../../libs/grading/index.js';
import { SessionsService } from '../../libs/interview/index.js';
import { type RunningApi, spawnApp, startApi, startWorker } from '../support/apps.js';
import { createUser } from '../support/factories.js';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database.js';
import { isolatedQueuePrefix } from '../support/test-config.js';

interface Member {
  id: string;
  role: Role;
  token: string;
}

const nextUtcMidnight = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString();
};

/** The rollout limits, on a database of this file's own (live sessions and the settings row are global state). */
describe('rollout limits', () => {
  let db: OwnDatabase;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let admin: Member;

  beforeAll(async () => {
    db = await createOwnDatabase();
    const env = {
      DATABASE_URL: db.url,
      QUEUE_PREFIX: isolatedQueuePrefix(),
      ROLLOUT_MAX_LIVE_SESSIONS: '40',
      ROLLOUT_SESSIONS_PER_USER_PER_DAY: '5',
      ROLLOUT_DAILY_TOKEN_BUDGET: '100000',
      ROLLOUT_CAPACITY_RETRY_MS: '30000',
    };
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    admin = await member('admin');
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
    await db?.drop();
  });

  async function member(role: Role = 'candidate', earlyAccess = true): Promise<Member> {
    const user = await createUser(worker, role, { earlyAccess });
    return { id: user.id, role, token: (await worker.get(AuthService).issueToken({ userId: user.id, role })).accessToken };
  }
  const start = (m: Member) =>
    request(api.url).post('/api/sessions').set('authorization', `Bearer ${m.token}`).send({ questionId: 'url-shortener', mode: 'practice' });
  const end = (m: Member, sessionId: string) => api.app.get(SessionsService).end({ userId: m.id, role: m.role }, sessionId);
  const setLimits = (limits: object, as: Member = admin) =>
    request(api.url).put('/api/admin/rollout').set('authorization', `Bearer ${as.token}`).send(limits);
  const endAll = () => db.sql.query(`UPDATE interview_sessions SET status = 'ended', ended_at = now() WHERE status = 'active'`);

  it('starts from the configured limits and lets an admin change them', async () => {
    const before = await request(api.url).get('/api/admin/rollout').set('authorization', `Bearer ${admin.token}`).expect(200);
    expect(before.body).toMatchObject({
      settings: { maxLiveSessions: 40, sessionsPerUserPerDay: 5, dailyTokenBudget: 100000, source: 'config', updatedBy: null },
      usage: { liveSessions: 0, tokensToday: 0 },
    });
    const saved = await setLimits({ maxLiveSessions: 30, sessionsPerUserPerDay: 5, dailyTokenBudget: 100000 }).expect(200);
    expect(saved.body).toMatchObject({ maxLiveSessions: 30, source: 'admin', updatedBy: admin.id });

    const bad = await setLimits({ maxLiveSessions: -1, sessionsPerUserPerDay: 1 }).expect(400);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['dailyTokenBudget', 'maxLiveSessions']);
    await setLimits({ maxLiveSessions: 1, sessionsPerUserPerDay: 1, dailyTokenBudget: 1 }, await member('coach')).expect(403);
  });

  it('lets only early-access candidates (and coaches and admins) start sessions', async () => {
    const outsider = await member('candidate', false);
    const refused = await start(outsider).expect(403);
    expect(refused.body.error.code).toBe('EARLY_ACCESS_REQUIRED');
    const coach = await member('coach', false);
    const session = (await start(coach).expect(201)).body;
    await end(coach, session.id);
    await start(await member('candidate', true)).expect(201);
    await endAll();

    // The CLI grants early access unless told otherwise.
    const email = `cli-${Date.now()}@example.test`;
    const cli = spawnApp('cli', { DATABASE_URL: db.url }, [
      'user:create',
      '--email',
      email,
      '--password',
      'a-long-enough-password',
      '--role',
      'candidate',
      '--early-access',
      'false',
    ]);
    expect((await cli.exited).code).toBe(0);
    const { rows } = await db.sql.query(`SELECT id FROM users WHERE email = $1`, [email]);
    const made: Member = {
      id: rows[0].id,
      role: 'candidate',
      token: (await worker.get(AuthService).issueToken({ userId: rows[0].id, role: 'candidate' })).accessToken,
    };
    expect((await start(made).expect(403)).body.error.code).toBe('EARLY_ACCESS_REQUIRED');
  });

  it('refuses past the live-session capacity with CAPACITY_FULL, never cuts a running session, and admits again once one ends', async () => {
    await setLimits({ maxLiveSessions: 2, sessionsPerUserPerDay: 0, dailyTokenBudget: 0 }).expect(200);
    const [a, b, c] = [await member(), await member(), await member()];
    const first = (await start(a).expect(201)).body;
    await start(b).expect(201);
    const full = await start(c).expect(503);
    expect(full.body.error.code).toBe('CAPACITY_FULL');
    const retryAt = Date.parse(full.body.error.details.retryAt);
    expect(retryAt).toBeGreaterThan(Date.now() + 20_000);
    expect(retryAt).toBeLessThan(Date.now() + 31_000);
    expect(Number(full.headers['retry-after'])).toBeGreaterThan(20);

    // Lowering the limit below the running count stops nobody.
    await setLimits({ maxLiveSessions: 1, sessionsPerUserPerDay: 0, dailyTokenBudget: 0 }).expect(200);
    const running = await request(api.url).get(`/api/sessions/${first.id}`).set('authorization', `Bearer ${a.token}`).expect(200);
    expect(running.body.state.status).toBe('active');
    await setLimits({ maxLiveSessions: 2, sessionsPerUserPerDay: 0, dailyTokenBudget: 0 }).expect(200);

    await end(a, first.id);
    await start(c).expect(201);
    await endAll();
  });

  it('admits exactly up to the capacity when many start at once', async () => {
    await setLimits({ maxLiveSessions: 5, sessionsPerUserPerDay: 0, dailyTokenBudget: 0 }).expect(200);
    const members = await Promise.all(Array.from({ length: 16 }, () => member()));
    const answers = await Promise.all(members.map((m) => start(m)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(5);
    expect(answers.filter((r) => r.status === 503).map((r) => r.body.error.code)).toEqual(Array(11).fill('CAPACITY_FULL'));
    const { rows } = await db.sql.query(`SELECT count(*)::int AS n FROM interview_sessions WHERE status = 'active'`);
    expect(rows[0].n).toBe(5);
    await endAll();
  });

  it('refuses a user past their sessions per day with DAILY_LIMIT until the next UTC day', async () => {
    await setLimits({ maxLiveSessions: 0, sessionsPerUserPerDay: 2, dailyTokenBudget: 0 }).expect(200);
    const [m, other] = [await member(), await member()];
    for (let i = 0; i < 2; i++) await end(m, (await start(m).expect(201)).body.id);
    const limited = await start(m).expect(429);
    expect(limited.body.error).toMatchObject({ code: 'DAILY_LIMIT', details: { limit: 2, retryAt: nextUtcMidnight() } });
    await start(other).expect(201); // a quota of one user, not of everyone

    // Yesterday's sessions do not count today.
    await db.sql.query(`UPDATE interview_sessions SET started_at = started_at - interval '1 day' WHERE candidate_id = $1`, [m.id]);
    await start(m).expect(201);
    await endAll();
  });

  it("refuses every new session once today's LLM tokens reach the budget, with BUDGET_EXHAUSTED until tomorrow", async () => {
    await setLimits({ maxLiveSessions: 0, sessionsPerUserPerDay: 0, dailyTokenBudget: 1000 }).expect(200);
    const m = await member();
    const session = (await start(m).expect(201)).body;
    const gradeId = await storeGrade(session.id, { prompt: 700, cached: 300, completion: 299 });
    await start(m).expect(201); // 999 < 1000

    await storeGrade(session.id, { prompt: 1, cached: 0, completion: 0 });
    const spent = await start(await member()).expect(503);
    expect(spent.body.error).toMatchObject({ code: 'BUDGET_EXHAUSTED', details: { retryAt: nextUtcMidnight() } });
    const status = await request(api.url).get('/api/admin/rollout').set('authorization', `Bearer ${admin.token}`).expect(200);
    expect(status.body.usage.tokensToday).toBe(1000);

    // Running sessions are not cut off by it.
    const still = await request(api.url).get(`/api/sessions/${session.id}`).set('authorization', `Bearer ${m.token}`).expect(200);
    expect(still.body.state.status).toBe('active');

    // A new day (here: the spend moved to yesterday) opens the doors again.
    await db.sql.query(`UPDATE grades SET created_at = created_at - interval '1 day' WHERE id = $1`, [gradeId]);
    await start(m).expect(201);
    await endAll();
  });

  /** A grade as the worker stores it, with the token use its provenance records. */
  async function storeGrade(sessionId: string, tokens: { prompt: number; cached: number; completion: number }): Promise<string> {
    const clientId = `c-${Math.random().toString(36).slice(2)}`;
    const { rows: turn } = await db.sql.query(
      `INSERT INTO session_turns (session_id, seq, phase_id, speaker, client_id, text) VALUES ($1, 1000, 'p', 'candidate', $2, 'answer') RETURNING id`,
      [sessionId, clientId],
    );
    // A whole grade: the session view reads it back through the grade contract.
    const body: Grade = {
      questionId: 'q',
      phaseId: 'p',
      keyPoints: [],
      mistakes: [],
      dimensions: [],
      overall: 50,
      feedback: { strengths: [], improvements: [], nextToStudy: [] },
      flags: [],
      provenance: { grader: 'openai', model: 'm', rubricVersion: 'r', promptVersion: 'p', tokens, latencyMs: 1 },
    };
    const { rows } = await db.sql.query(
      `INSERT INTO grades (turn_id, rubric_version, prompt_version, grader, model, overall, body) VALUES ($1, 'r', 'p', 'openai', 'm', 50, $2) RETURNING id`,
      [turn[0].id, body],
    );
    return rows[0].id as string;
  }
});
