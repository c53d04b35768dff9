import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GradeAnswerService } from '../../libs/interview/grade-answer.service.js';
import { InterviewJobsModule, SessionsRepository, SessionsService } from '../../libs/interview/index.js';
import { SessionReportService } from '../../libs/interview/session-report.service.js';
import { reportJobId } from '../../libs/interview/sessions.service.js';
import type { JobContext } from '../../libs/queue/index.js';
import { WorkerStoppingError } from '../../libs/queue/index.js';
import { FakeOpenAiServer } from '../support/fake-openai-server.js';
import { answer, queuedJobIds, startServiceContext, startSession } from '../support/service-context.js';

const ANSWER =
  'I would put a load balancer in front of stateless API servers, keep the short code to long URL mapping in a replicated key-value store, and cache hot codes in Redis.';

/** The grading job's service on the real Postgres and Redis, with the OpenAI grader against a local fake provider. */
describe(GradeAnswerService.name, () => {
  let fake: FakeOpenAiServer;
  let app: INestApplicationContext;
  let sut: GradeAnswerService;
  let sessions: SessionsRepository;

  /** The OpenAI grader against the fake, three attempts, a minute's wait on a 429 before GRADE_ON_PROVIDER_LIMIT decides. */
  const openAiGrader = () => ({
    LLM_PROVIDER: 'openai',
    INTERVIEWER_PROVIDER: 'rubric',
    OPENAI_BASE_URL: fake.baseUrl,
    OPENAI_API_KEY: 'test-key',
    QUEUE_ATTEMPTS: '3',
    GRADE_MAX_WAIT_MS: '60000',
  });

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start();
    app = await startServiceContext([InterviewJobsModule], openAiGrader());
    sut = app.get(GradeAnswerService);
    sessions = app.get(SessionsRepository);
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });
  afterEach(() => fake.reset());

  const ctx = (attempt = 1, signal = new AbortController().signal): JobContext => ({ jobId: 'job', attempt, signal });

  async function answered(): Promise<{ sessionId: string; turnId: string }> {
    const { principal, sessionId } = await startSession(app);
    return { sessionId, turnId: await answer(app, principal, sessionId, ANSWER) };
  }

  const eventsOf = async (sessionId: string, turnId: string) =>
    (await sessions.eventsAfter(sessionId, 0))
      .filter((e) => 'turnId' in e && e.turnId === turnId)
      .map((e) => (e.type === 'grade:status' ? `status:${e.status}` : e.type));

  const gradingOf = async (sessionId: string, turnId: string) => (await sessions.gradings(sessionId)).find((g) => g.turnId === turnId);

  it('stores one grade and tells it once, however many runs of the job there are', async () => {
    const { sessionId, turnId } = await answered();
    await Promise.all([sut.grade(turnId, ctx()), sut.grade(turnId, ctx())]);
    // A duplicated job that read `queued` before the first run stored its grade: it grades again and must store nothing.
    await app.get(SessionsRepository).inSessionOfAnswer(turnId, (tx) => tx.setGradingStatus(turnId, 'queued'));
    await sut.grade(turnId, ctx());

    expect((await sessions.grades(sessionId)).filter((g) => g.turnId === turnId)).toHaveLength(1);
    const told = await eventsOf(sessionId, turnId);
    expect(told.filter((t) => t === 'grade:scored')).toHaveLength(1);
    expect(told.filter((t) => t === 'status:scored')).toHaveLength(1);
  });

  it('leaves a retryable failure to the queue while attempts remain, and records nothing', async () => {
    const { sessionId, turnId } = await answered();
    fake.otherwise(() => ({ kind: 'status', status: 503 }));
    await expect(sut.grade(turnId, ctx(1))).rejects.toMatchObject({ code: 'GRADER_UNAVAILABLE' });
    expect((await gradingOf(sessionId, turnId))?.status).toBe('queued');
    expect(await eventsOf(sessionId, turnId)).not.toContain('grade:failed');
  });

  it('fails a retryable error on the last attempt with its code, never a low score', async () => {
    const { sessionId, turnId } = await answered();
    fake.otherwise(() => ({ kind: 'status', status: 503 }));
    await sut.grade(turnId, ctx(3));
    expect(await gradingOf(sessionId, turnId)).toMatchObject({ status: 'failed', failureCode: 'GRADER_UNAVAILABLE' });
    expect(await eventsOf(sessionId, turnId)).toEqual(expect.arrayContaining(['status:failed', 'grade:failed']));
    expect((await sessions.grades(sessionId)).filter((g) => g.turnId === turnId)).toHaveLength(0);
  });

  it('fails a non-retryable error at once, on the first attempt', async () => {
    const { sessionId, turnId } = await answered();
    fake.otherwise(() => ({ kind: 'status', status: 400 }));
    await sut.grade(turnId, ctx(1));
    expect(await gradingOf(sessionId, turnId)).toMatchObject({ status: 'failed', failureCode: 'GRADER_UNAVAILABLE' });
  });

  it('records no failure when the worker stops mid-grade (the job is already back in its queue)', async () => {
    const { sessionId, turnId } = await answered();
    const stopping = new AbortController();
    fake.otherwise(() => ({ kind: 'hang' }));
    const run = sut.grade(turnId, ctx(3, stopping.signal));
    setTimeout(() => stopping.abort(new WorkerStoppingError()), 50);
    await expect(run).rejects.toBeDefined();
    expect((await gradingOf(sessionId, turnId))?.status).not.toBe('failed');
    expect(await eventsOf(sessionId, turnId)).not.toContain('grade:failed');
  });

  it('on a 429 tells the candidate once that the grade is delayed and hands the job back without a failure', async () => {
    const { sessionId, turnId } = await answered();
    fake.otherwise(() => ({ kind: 'status', status: 429, headers: { 'retry-after': '2' } }));
    await expect(sut.grade(turnId, ctx(3))).rejects.toMatchObject({ code: 'GRADER_RATE_LIMITED' });
    await expect(sut.grade(turnId, ctx(3))).rejects.toMatchObject({ code: 'GRADER_RATE_LIMITED' });
    const told = await eventsOf(sessionId, turnId);
    expect(told.filter((t) => t === 'status:delayed')).toHaveLength(1);
    expect(told).not.toContain('grade:failed');
    expect((await gradingOf(sessionId, turnId))?.status).not.toBe('failed');
  });

  it('past GRADE_MAX_WAIT_MS grades offline, saying so in the provenance', async () => {
    const { sessionId, turnId } = await answered();
    fake.otherwise(() => ({ kind: 'status', status: 429, headers: { 'retry-after': '600' } }));
    await sut.grade(turnId, ctx(1));
    const [grade] = (await sessions.grades(sessionId)).filter((g) => g.turnId === turnId);
    expect(grade?.body).toMatchObject({ provenance: { fallback: { from: 'openai', reason: 'PROVIDER_RATE_LIMITED' } } });
    expect((await gradingOf(sessionId, turnId))?.status).toBe('scored');
  });

  it('stores nothing and throws nothing (no retry) when the session is deleted mid-grade', async () => {
    const { principal, sessionId } = await startSession(app);
    const turnId = await answer(app, principal, sessionId, ANSWER);
    let deleted!: () => void;
    let called!: () => void;
    const providerCalled = new Promise<void>((resolve) => (called = resolve));
    fake.otherwise(() => {
      called();
      return { kind: 'held', until: new Promise<void>((resolve) => (deleted = resolve)) };
    });

    const run = sut.grade(turnId, ctx());
    await providerCalled; // the grader has read the answer and is waiting on the provider
    await app.get(SessionsService).delete(principal, sessionId, async () => undefined);
    deleted(); // the provider answers with a good grade, for a session that is gone

    await expect(run).resolves.toBeUndefined(); // no error: the job would be retried for a session that is gone
    expect(await sessions.find(sessionId)).toBeNull();
    const left = await app.get(DataSource).query(`SELECT count(*)::int AS n FROM grades WHERE turn_id = $1`, [turnId]);
    expect(left).toEqual([{ n: 0 }]);
  });

  it('builds the report when the last grading of an ended session settles, not by a job retrying until then', async () => {
    const { principal, sessionId } = await startSession(app);
    const [first, second] = [await answer(app, principal, sessionId, ANSWER), await answer(app, principal, sessionId, `${ANSWER} Reads dominate.`)];
    await app.get(SessionsService).end(principal, sessionId);
    const builds = () => queuedJobIds(app, 'sessions.build-report', { sessionId });
    expect(await builds()).toEqual([reportJobId(sessionId)]);

    // The end's build finds answers still being graded: it stores nothing and does not fail (no retry).
    await expect(app.get(SessionReportService).build(sessionId)).resolves.toBeUndefined();
    expect(await sessions.report(sessionId)).toBeNull();

    await sut.grade(first, ctx());
    expect(await builds()).toEqual([reportJobId(sessionId)]);
    fake.otherwise(() => ({ kind: 'status', status: 400 }));
    await sut.grade(second, ctx());
    const queued = await builds();
    expect(queued).toHaveLength(2);

    await app.get(SessionReportService).build(sessionId);
    expect(await sessions.report(sessionId)).toMatchObject({ answers: { graded: 1, failed: 1 } });
  });

  describe('with GRADE_ON_PROVIDER_LIMIT fail', () => {
    let failing: INestApplicationContext;
    beforeAll(async () => {
      failing = await startServiceContext([InterviewJobsModule], { ...openAiGrader(), GRADE_ON_PROVIDER_LIMIT: 'fail' });
    });
    afterAll(async () => {
      await failing?.close();
    });

    it('past GRADE_MAX_WAIT_MS fails the answer with GRADER_RATE_LIMITED, grading nothing offline', async () => {
      const { principal, sessionId } = await startSession(failing);
      const turnId = await answer(failing, principal, sessionId, ANSWER);
      fake.otherwise(() => ({ kind: 'status', status: 429, headers: { 'retry-after': '600' } }));
      await expect(failing.get(GradeAnswerService).grade(turnId, ctx(1))).resolves.toBeUndefined();

      const repository = failing.get(SessionsRepository);
      expect((await repository.gradings(sessionId)).find((g) => g.turnId === turnId)).toMatchObject({
        status: 'failed',
        failureCode: 'GRADER_RATE_LIMITED',
      });
      expect((await repository.grades(sessionId)).filter((g) => g.turnId === turnId)).toHaveLength(0);
      const told = (await repository.eventsAfter(sessionId, 0)).filter((e) => 'turnId' in e && e.turnId === turnId);
      expect(told.filter((e) => e.type === 'grade:failed')).toMatchObject([{ code: 'GRADER_RATE_LIMITED' }]);
      expect(told.filter((e) => e.type === 'grade:status' && e.status === 'delayed')).toEqual([]);
    });
  });
});
