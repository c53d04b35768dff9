import { readFileSync } from 'node:fs';
import request from 'supertest';
import { type SpawnedApp, spawnApp } from '../support/apps.js';
import { InterviewClient } from '../support/interview-client.js';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

const NOBODY = { uid: 65534, gid: 65534 };

/** The real uid of a running process, from /proc. */
function uidOf(pid: number): number {
  return Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
}

/** The queues a worker process logged it consumes ("worker started"). */
function consumedQueues(app: SpawnedApp): string[] | undefined {
  const line = app
    .output()
    .split('\n')
    .find((l) => l.includes('"worker started"'));
  return line ? (JSON.parse(line) as { queues: string[] }).queues : undefined;
}

/**
 * Issue 17, point 5: only the code runner needs privileges. The api and the grading worker run as nobody (the
 * built apps, as separate processes) and a coding session still works end to end: the answer is graded by the
 * unprivileged worker, the code is run in the sandbox by the code runner, which consumes the `code` queue alone.
 */
describe('privileges: the api and the grading worker run unprivileged, code runs in the code runner', () => {
  let db: OwnDatabase;
  const apps: SpawnedApp[] = [];
  let client: InterviewClient | undefined;

  beforeAll(async () => {
    db = await createOwnDatabase();
  });
  afterAll(async () => {
    client?.close();
    for (const app of apps) app.child.kill('SIGTERM');
    await Promise.all(apps.map((a) => a.exited));
    await db.drop();
  });

  it('grades an answer and runs code with the api and worker as nobody', async () => {
    const env = {
      DATABASE_URL: db.url,
      QUEUE_PREFIX: isolatedQueuePrefix(),
      PORT: '0',
      MIGRATE_ON_START: 'false',
      SOCKET_RATE_LIMIT: '1000',
      CODE_SNAPSHOT_MIN_INTERVAL_MS: '0',
    };
    const created = spawnApp('cli', env, [
      'user:create',
      '--email',
      'nobody-run@example.test',
      '--password',
      'a-long-enough-password',
      '--role',
      'candidate',
    ]);
    expect((await created.exited).code).toBe(0);

    const api = spawnApp('api', env, [], NOBODY);
    const worker = spawnApp('worker', env, [], NOBODY);
    const codeRunner = spawnApp('code-runner', env);
    apps.push(api, worker, codeRunner);
    const port = await waitFor(async () => /"url":"http:\/\/\[?[^"\]]+\]?:(\d+)"/.exec(api.output())?.[1], { timeoutMs: 30_000 });
    const base = `http://127.0.0.1:${port}`;
    const [workerQueues, runnerQueues] = await Promise.all(
      [worker, codeRunner].map((app) => waitFor(async () => consumedQueues(app), { timeoutMs: 30_000 })),
    );
    expect(uidOf(api.child.pid!)).toBe(NOBODY.uid);
    expect(uidOf(worker.child.pid!)).toBe(NOBODY.uid);
    // The unprivileged worker does not even try the sandbox: the code queue is not its business.
    expect(workerQueues).not.toContain('code');
    expect(workerQueues).toEqual(expect.arrayContaining(['grading', 'interviewer', 'sessions', 'mail', 'auth']));
    expect(runnerQueues).toEqual(['code']);
    expect(worker.output()).not.toContain('sandbox');

    const login = await request(base)
      .post('/api/auth/login')
      .send({ email: 'nobody-run@example.test', password: 'a-long-enough-password' })
      .expect(200);
    const token = login.body.accessToken as string;
    const session = await request(base)
      .post('/api/sessions')
      .set('authorization', `Bearer ${token}`)
      .send({ questionId: 'lru-cache', mode: 'practice' })
      .expect(201);
    const sessionId = session.body.id as string;
    client = await InterviewClient.connect(base, token);
    await client.join(sessionId, 0);

    const { turnId } = await client.ok('answer:submit', {
      sessionId,
      clientId: 'a1',
      text: 'I keep a hash map from key to node and a doubly linked list ordered by recency, because the map alone cannot find the least recently used key in O(1): get moves its node to the front, put at capacity evicts the tail.',
    });
    await client.waitForEvent('grade:scored', (e) => e.turnId === turnId, 20_000);

    await client.ok('code:update', {
      sessionId,
      clientId: 's1',
      language: 'python',
      code: 'def lru_cache_operations(capacity, operations):\n    return []\n',
    });
    const run = await client.ok('code:run', { sessionId, clientId: 'r1' });
    const result = await client.waitForEvent('code:result', (e) => e.runId === run.runId, 20_000);
    expect(result).toMatchObject({ kind: 'run', status: 'FAILED', visible: { passed: 0, total: 2 } });
    for (const app of [api, worker, codeRunner]) expect(app.output()).not.toMatch(/"level":(50|60)/);
  }, 90_000);
});
