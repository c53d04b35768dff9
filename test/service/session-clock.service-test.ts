import type { INestApplicationContext } from '@nestjs/common';
import { InterviewJobsModule, SessionReconcilerService, SessionsRepository } from '../../libs/interview/index.js';
import { SessionClockService } from '../../libs/interview/session-clock.service.js';
import { deadlineJobId, reportJobId } from '../../libs/interview/sessions.service.js';
import { JobQueue } from '../../libs/queue/index.js';
import { createOwnDatabase, type OwnDatabase } from '../support/own-database.js';
import { answer, loseJob, startServiceContext, startSession } from '../support/service-context.js';

/** The phase clock and the reconciler on their own database (the reconciler looks at every live session). */
describe(SessionClockService.name, () => {
  let db: OwnDatabase;
  let app: INestApplicationContext;
  let sut: SessionClockService;
  let sessions: SessionsRepository;
  let jobs: JobQueue;

  beforeAll(async () => {
    db = await createOwnDatabase();
    app = await startServiceContext([InterviewJobsModule], { DATABASE_URL: db.url });
    sut = app.get(SessionClockService);
    sessions = app.get(SessionsRepository);
    jobs = app.get(JobQueue);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const session = async (id: string) => (await sessions.find(id))!;
  const after = (d: Date, ms = 1) => new Date(d.getTime() + ms);

  it("at a phase's deadline starts the next phase and queues that phase's deadline", async () => {
    const { sessionId } = await startSession(app);
    const first = await session(sessionId);
    expect(await jobs.isPending('sessions.phase-deadline', deadlineJobId(sessionId, 0))).toBe(true);

    await sut.onDeadline(sessionId, 0, after(first.phaseEndsAt));

    const moved = await session(sessionId);
    expect(moved.phaseIndex).toBe(1);
    expect(await jobs.isPending('sessions.phase-deadline', deadlineJobId(sessionId, 1))).toBe(true);
    expect(await sut.deadlinePending(moved)).toBe(true);
  });

  it('changes nothing on a stale deadline (the phase already moved on) or a duplicate one', async () => {
    const { sessionId } = await startSession(app);
    const first = await session(sessionId);
    await sut.onDeadline(sessionId, 0, after(first.phaseEndsAt));
    const moved = await session(sessionId);

    await sut.onDeadline(sessionId, 0, after(first.phaseEndsAt, 10));
    await sut.onDeadline(sessionId, 0, after(moved.phaseEndsAt));

    const now = await session(sessionId);
    expect(now.phaseIndex).toBe(1);
    expect(now.lastSeq).toBe(moved.lastSeq);
  });

  it('keeps a deadline that fires early waiting for the real end (its job queued again)', async () => {
    const { sessionId } = await startSession(app);
    const first = await session(sessionId);
    await loseJob(app, 'sessions.phase-deadline', deadlineJobId(sessionId, 0));

    await sut.onDeadline(sessionId, 0, new Date(first.phaseEndsAt.getTime() - 60_000));

    expect((await session(sessionId)).phaseIndex).toBe(0);
    expect(await sut.deadlinePending(first)).toBe(true);
  });

  it("ends the session at the last phase's deadline and queues its report", async () => {
    const { sessionId } = await startSession(app);
    let s = await session(sessionId);
    for (let i = 0; i < s.phases.length; i++) {
      await sut.onDeadline(sessionId, i, after(s.phaseEndsAt));
      s = await session(sessionId);
    }
    expect(s.status).toBe('ended');
    expect(await jobs.isPending('sessions.build-report', reportJobId(sessionId))).toBe(true);
  });

  describe(SessionReconcilerService.name, () => {
    it("queues a live session's deadline again when Redis lost it", async () => {
      const { sessionId } = await startSession(app);
      await loseJob(app, 'sessions.phase-deadline', deadlineJobId(sessionId, 0));
      expect(await sut.deadlinePending(await session(sessionId))).toBe(false);

      await app.get(SessionReconcilerService).reconcile();

      expect(await sut.deadlinePending(await session(sessionId))).toBe(true);
    });

    it('ends an overdue phase whose deadline job was lost', async () => {
      const { sessionId } = await startSession(app);
      const first = await session(sessionId);
      await loseJob(app, 'sessions.phase-deadline', deadlineJobId(sessionId, 0));

      await app.get(SessionReconcilerService).reconcile(after(first.phaseEndsAt));

      const moved = await session(sessionId);
      expect(moved.phaseIndex).toBe(1);
      expect(await sut.deadlinePending(moved)).toBe(true);
    });

    it('re-enqueues an answer whose grading job is gone, once', async () => {
      const { principal, sessionId } = await startSession(app);
      const turnId = await answer(app, principal, sessionId, 'I would shard the key-value store by the short code and cache the hot ones.');
      await loseJob(app, 'grading.grade-answer', turnId);

      const counts = await app.get(SessionReconcilerService).reconcile(new Date(Date.now() + 5_000));
      expect(counts.gradings).toBeGreaterThanOrEqual(1);
      expect(await jobs.isPending('grading.grade-answer', turnId)).toBe(true);

      const again = await app.get(SessionReconcilerService).reconcile(new Date(Date.now() + 5_000));
      expect(again.gradings).toBe(0);
    });
  });
});
