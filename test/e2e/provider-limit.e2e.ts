import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { AuthService } from '../../libs/auth/index.js';
import type { Grade } from '../../libs/grading/index.js';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { createUser } from '../support/factories.js';
import { FakeOpenAiServer } from '../support/fake-openai-server.js';
import { InterviewClient } from '../support/interview-client.js';
import { isolatedQueuePrefix } from '../support/test-config.js';

const ANSWER =
  'Before any boxes I would pin down scope: custom aliases, expiry and click analytics are in; redirects must stay under 50 ms at p99 and be highly available, since reads outnumber writes about 100 to 1.';

/**
 * Issue 18, point 2: a provider that answers 429 for minutes. The candidate is told the grade is delayed, why and
 * until when; past GRADE_MAX_WAIT_MS the answer is graded offline (provenance says so) or fails with a code, as
 * GRADE_ON_PROVIDER_LIMIT says — never `queued` forever.
 */
describe('a grading provider that keeps answering 429', () => {
  let fake: FakeOpenAiServer;

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start();
    fake.otherwise(() => ({ kind: 'status', status: 429, headers: { 'retry-after': '1' } }));
  });
  afterAll(async () => {
    await fake.close();
  });

  async function run(onLimit: 'offline' | 'fail', check: (c: InterviewClient, turnId: string) => Promise<void>): Promise<void> {
    const env = {
      QUEUE_PREFIX: isolatedQueuePrefix(),
      LLM_PROVIDER: 'openai',
      INTERVIEWER_PROVIDER: 'rubric',
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_API_KEY: 'test-key',
      GRADE_MAX_WAIT_MS: '3000',
      GRADE_ON_PROVIDER_LIMIT: onLimit,
    };
    const [api, worker]: [RunningApi, INestApplicationContext] = await Promise.all([startApi(env), startWorker(env)]);
    const c = await (async () => {
      const user = await createUser(worker);
      const token = (await api.app.get(AuthService).issueToken({ userId: user.id, role: user.role })).accessToken;
      const res = await request(api.url)
        .post('/api/sessions')
        .set('authorization', `Bearer ${token}`)
        .send({ questionId: 'url-shortener', mode: 'practice' })
        .expect(201);
      const client = await InterviewClient.connect(api.url, token);
      await client.join(res.body.id as string, 0);
      return Object.assign(client, { sessionId: res.body.id as string });
    })();
    try {
      const { turnId } = await c.ok('answer:submit', { sessionId: c.sessionId, clientId: 'a1', text: ANSWER, intent: 'answer' });
      const delayed = await c.waitForEvent('grade:status', (e) => e.turnId === turnId && e.status === 'delayed', 10_000);
      expect(delayed).toMatchObject({ reason: 'PROVIDER_RATE_LIMITED', retryAt: expect.any(String), giveUpAt: expect.any(String) });
      expect(Date.parse(delayed.giveUpAt!) - Date.parse(delayed.retryAt!)).toBeLessThanOrEqual(3_000);
      await check(c, turnId);
      // Said once, not on every 429.
      expect(c.events.filter((e) => e.type === 'grade:status' && e.turnId === turnId && e.status === 'delayed')).toHaveLength(1);
    } finally {
      c.close();
      await Promise.all([api.close(), worker.close()]);
    }
  }

  it('with GRADE_ON_PROVIDER_LIMIT=offline, grades offline past the bound and says so in the provenance', async () => {
    await run('offline', async (c, turnId) => {
      const scored = await c.waitForEvent('grade:scored', (e) => e.turnId === turnId, 15_000);
      const grade = scored.grade as Grade;
      expect(grade.provenance).toMatchObject({ grader: 'rubric', fallback: { from: 'openai', reason: 'PROVIDER_RATE_LIMITED' } });
      expect(grade.keyPoints.some((k) => k.status === 'covered')).toBe(true);
    });
  }, 40_000);

  it('with GRADE_ON_PROVIDER_LIMIT=fail, fails honestly with GRADER_RATE_LIMITED (grade:retry can try again)', async () => {
    await run('fail', async (c, turnId) => {
      const failed = await c.waitForEvent('grade:failed', (e) => e.turnId === turnId, 15_000);
      expect(failed).toMatchObject({ code: 'GRADER_RATE_LIMITED' });
    });
  }, 40_000);
});
