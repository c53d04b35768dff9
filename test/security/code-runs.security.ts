import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import { SessionReconcilerService } from '../../libs/interview/index.js';
import { type RunningApi, startApi, startCodeRunner, startWorker } from '../support/apps.js';
import { createUser } from '../support/factories.js';
import { InterviewClient } from '../support/interview-client.js';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database.js';
import { isolatedQueuePrefix } from '../support/test-config.js';

/**
 * Issue 17, points 1–3, on the real api, worker, Postgres, Redis and bubblewrap: output Postgres refuses, hidden
 * inputs read through results, and one user holding the code queue. A database of its own: the reconciler is
 * driven here with a clock an hour ahead.
 */
describe('code runs under a hostile candidate', () => {
  let db: OwnDatabase;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let codeRunner: INestApplicationContext;
  const clients: InterviewClient[] = [];
  const env = () => ({
    DATABASE_URL: db.url,
    QUEUE_PREFIX: prefix,
    SOCKET_RATE_LIMIT: '1000',
    CODE_SNAPSHOT_MIN_INTERVAL_MS: '0',
    CODE_RUN_CONCURRENCY: '3',
    CODE_RUNS_PER_USER: '2',
    RECONCILE_MAX_REDRIVES: '0',
  });
  const prefix = isolatedQueuePrefix();

  beforeAll(async () => {
    db = await createOwnDatabase();
    [api, worker, codeRunner] = await Promise.all([startApi(env()), startWorker(env()), startCodeRunner(env())]);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all([api.close(), worker.close(), codeRunner.close()]);
    await db.drop();
  });

  async function candidate(): Promise<{ c: InterviewClient; sessionId: string; token: string }> {
    const user = await createUser(worker);
    const token = (await api.app.get(AuthService).issueToken({ userId: user.id, role: user.role })).accessToken;
    const res = await request(api.url)
      .post('/api/sessions')
      .set('authorization', `Bearer ${token}`)
      .send({ questionId: 'lru-cache', mode: 'practice' })
      .expect(201);
    const c = await InterviewClient.connect(api.url, token);
    clients.push(c);
    await c.join(res.body.id as string, 0);
    return { c, sessionId: res.body.id as string, token };
  }

  it('1. stores and shows output with NUL (as ␀); a lost run is re-driven a bounded number of times, then fails for good', async () => {
    const { c, sessionId } = await candidate();
    const nul =
      'import sys\ndef lru_cache_operations(capacity, operations):\n    print("a\\0b")\n    sys.stderr.write("c\\0d")\n    return ["\\0"]\n';
    await c.ok('code:update', { sessionId, clientId: 'nul', language: 'python', code: nul });
    const run = await c.ok('code:run', { sessionId, clientId: 'run-nul' });
    const result = await c.waitForEvent('code:result', (e) => e.runId === run.runId, 20_000);
    expect(result).toMatchObject({ status: 'FAILED', visible: { passed: 0, total: 2 } });
    expect(result.tests[0]).toMatchObject({ stdout: expect.stringContaining('a␀b'), stderr: expect.stringContaining('c␀d'), actual: ['␀'] });

    // A run whose job was lost (never enqueued): with RECONCILE_MAX_REDRIVES=0 the reconciler ends it at once.
    const [lost] = (
      await db.sql.query(
        `INSERT INTO code_runs (session_id, client_id, kind, snapshot_id, phase_id)
         SELECT session_id, 'lost', 'run', id, phase_id FROM code_snapshots WHERE session_id = $1 LIMIT 1 RETURNING id`,
        [sessionId],
      )
    ).rows as { id: string }[];
    await worker.get(SessionReconcilerService).reconcile(new Date(Date.now() + 3_600_000));
    const failed = await c.waitForEvent('code:result', (e) => e.runId === lost!.id);
    expect(failed).toMatchObject({ status: 'RUNTIME_ERROR', errorCode: 'CODE_RUN_FAILED', message: expect.stringContaining('CODE_RUN_FAILED') });
    const { rows } = await db.sql.query(`SELECT state, status FROM code_runs WHERE id = $1`, [lost!.id]);
    expect(rows[0]).toEqual({ state: 'done', status: 'RUNTIME_ERROR' });
  });

  it('1. a report that cannot be built within the bounded re-drives is failed for good, and the candidate is told', async () => {
    const { c, sessionId } = await candidate();
    // Ended by hand, so no build job was ever queued: to the reconciler a report whose job was lost.
    await db.sql.query(`UPDATE interview_sessions SET status = 'ended', ended_at = now(), end_reason = 'candidate' WHERE id = $1`, [sessionId]);
    const reconciler = worker.get(SessionReconcilerService);
    await reconciler.reconcile(new Date(Date.now() + 3_600_000));
    const failed = await c.waitForEvent('session:report-failed', () => true);
    expect(failed).toMatchObject({ code: 'REPORT_REDRIVES_EXHAUSTED' });
    // Terminal: the reconciler no longer looks for it, and says it once.
    expect((await reconciler.reconcile(new Date(Date.now() + 7_200_000))).reports).toBe(0);
    const { rows } = await db.sql.query(`SELECT count(*)::int AS n FROM session_events WHERE session_id = $1 AND type = 'session:report-failed'`, [
      sessionId,
    ]);
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('2. hidden results carry pass/fail and a coarse status only: no time, exit code or message of the program', async () => {
    const { c, sessionId, token } = await candidate();
    // Encodes a hidden input two ways: a sleep proportional to it, and the exit code (40 + capacity).
    const leak =
      'import os, time\ndef lru_cache_operations(capacity, operations):\n    time.sleep(capacity * 0.05)\n    if len(operations) == 0:\n        os._exit(40 + capacity)\n    return []\n';
    await c.ok('code:update', { sessionId, clientId: 'leak', language: 'python', code: leak });
    const submit = await c.ok('code:submit', { sessionId, clientId: 'submit-leak' });
    const result = await c.waitForEvent('code:result', (e) => e.runId === submit.runId, 30_000);
    expect(result).toMatchObject({ kind: 'submit', status: 'RUNTIME_ERROR', message: expect.stringContaining('hidden tests') });
    for (const t of result.tests.filter((x) => x.hidden)) expect(Object.keys(t).sort()).toEqual(['hidden', 'name', 'passed']);
    expect(result.message).toBe('the program stopped early on the hidden tests (RUNTIME_ERROR)');
    expect(JSON.stringify(result)).not.toMatch(/exit code|signal \d/);

    const timeline = await request(api.url).get(`/api/sessions/${sessionId}/code-timeline`).set('authorization', `Bearer ${token}`).expect(200);
    const entry = (timeline.body.entries as { type: string; result?: Record<string, unknown> & { tests: Record<string, unknown>[] } }[]).find(
      (e) => e.type === 'run',
    )!;
    expect(entry.result).not.toHaveProperty('wallMs');
    expect(entry.result).not.toHaveProperty('hiddenDetail');
    for (const t of entry.result!.tests.filter((x) => x.hidden)) expect(Object.keys(t).sort()).toEqual(['hidden', 'name', 'passed']);
    expect(JSON.stringify(entry)).not.toMatch(/exit code|signal \d/);
  });

  it('3. one user has at most CODE_RUNS_PER_USER runs in flight; another user’s run is not queued behind them', async () => {
    const flood = await candidate();
    const victim = await candidate();
    await flood.c.ok('code:update', {
      sessionId: flood.sessionId,
      clientId: 'sleep',
      language: 'python',
      code: 'import time\ndef lru_cache_operations(capacity, operations):\n    time.sleep(4)\n    return []\n',
    });
    const acks = await Promise.all(
      Array.from({ length: 6 }, (_, i) => flood.c.send('code:run', { sessionId: flood.sessionId, clientId: `flood-${i}` })),
    );
    expect(acks.filter((a) => a.ok)).toHaveLength(2);
    expect(acks.filter((a) => !a.ok)).toEqual(
      Array(4).fill(
        expect.objectContaining({
          ok: false,
          error: expect.objectContaining({ code: 'RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } }),
        }),
      ),
    );

    await victim.c.ok('code:update', {
      sessionId: victim.sessionId,
      clientId: 'quick',
      language: 'python',
      code: 'def lru_cache_operations(capacity, operations):\n    return []\n',
    });
    const started = performance.now();
    const run = await victim.c.ok('code:run', { sessionId: victim.sessionId, clientId: 'quick-run' });
    await victim.c.waitForEvent('code:result', (e) => e.runId === run.runId, 20_000);
    expect(performance.now() - started).toBeLessThan(2_500);
  });
});
