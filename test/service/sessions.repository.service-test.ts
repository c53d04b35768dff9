import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UsersService } from '../../libs/auth/index.js';
import { RowShapeError, rows, TransactionHost } from '../../libs/db/index.js';
import type { Grade } from '../../libs/grading/index.js';
import {
  CoachDirectory,
  InterviewModule,
  type SessionReport,
  SessionNotFoundError,
  SessionsRepository,
  SessionsService,
} from '../../libs/interview/index.js';
import { sessionRow } from '../../libs/interview/session-rows.js';
import type { TurnKind } from '../../libs/protocol/index.js';
import { ReviewModule } from '../../libs/review/index.js';
import { ReviewRepository } from '../../libs/review/review.repository.js';
import { ReviewService } from '../../libs/review/review.service.js';
import { createUser, uniqueEmail } from '../support/factories.js';
import { candidate, startServiceContext, startSession } from '../support/service-context.js';
import { waitFor } from '../support/wait-for.js';

/** The statements every change of a session goes through, and the transaction they share across libs. */
describe(SessionsRepository.name, () => {
  let app: INestApplicationContext;
  let sut: SessionsRepository;

  beforeAll(async () => {
    app = await startServiceContext([InterviewModule, ReviewModule]);
    sut = app.get(SessionsRepository);
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A grade body as the graders write it (the grade contract of libs/grading). */
  const gradeBody = (overall: number): Grade => ({
    questionId: 'q',
    phaseId: 'p',
    keyPoints: [{ id: 'k', status: 'covered', evidence: ['an answer'] }],
    mistakes: [],
    dimensions: [{ id: 'd', score: 3, reason: 'r' }],
    overall,
    feedback: { strengths: [], improvements: [], nextToStudy: [] },
    flags: [],
    provenance: {
      grader: 'rubric',
      model: null,
      rubricVersion: 'r1',
      promptVersion: 'p1',
      tokens: { prompt: 0, cached: 0, completion: 0 },
      latencyMs: 1,
    },
  });

  /** A report as `buildReport` writes it. */
  const reportBody = (sessionId: string, overall: number): SessionReport => ({
    sessionId,
    questionId: 'q',
    questionTitle: 'Q',
    mode: 'practice',
    overall,
    coverage: 1,
    complete: true,
    dimensions: [{ id: 'd', title: 'D', weight: 1, score: 3, comment: null, descriptor: null }],
    keyPoints: [],
    mistakes: [],
    interviewersLookFor: [],
    studyNext: [],
    studyPlan: [],
    modelAnswer: { answerFramework: 'a', referenceAnswer: 'b' },
    answers: { graded: 1, failed: 0 },
    flags: [],
    provenance: { graders: ['rubric'], rubricVersions: ['r1'], promptVersions: ['p1'] },
  });

  async function turnWithEvents(sessionId: string, kind: TurnKind) {
    const turnId = randomUUID();
    const clientId = `c-${turnId}`;
    const done = await sut.inSession(sessionId, (tx) =>
      tx.appendEvents(
        [
          { type: 'answer:accepted', payload: { turnId, clientId, phaseId: 'p', text: 'an answer', kind } },
          { type: 'grade:status', payload: { turnId, status: 'queued' } },
        ],
        { id: turnId, seqOf: 0, phaseId: 'p', speaker: 'candidate', clientId, text: 'an answer', reason: null, keyPointId: null, kind },
      ),
    );
    return { turnId, seqs: done!.result, appended: done!.appended };
  }

  it('writes the events at the next contiguous seqs, the turn at its event and, for an answer, the intent to grade: one statement', async () => {
    const { sessionId } = await startSession(app);
    const before = (await sut.find(sessionId))!.lastSeq;
    const { turnId, seqs, appended } = await turnWithEvents(sessionId, 'answer');

    expect(seqs).toEqual([before + 1, before + 2]);
    expect(appended.map((e) => e.seq)).toEqual(seqs);
    expect((await sut.find(sessionId))!.lastSeq).toBe(before + 2);
    expect(await sut.turn(turnId)).toMatchObject({ seq: before + 1, kind: 'answer', speaker: 'candidate' });
    expect((await sut.gradings(sessionId)).map((g) => [g.turnId, g.status])).toEqual([[turnId, 'queued']]);
  });

  it('stores no intent to grade for a question', async () => {
    const { sessionId } = await startSession(app);
    await turnWithEvents(sessionId, 'question');
    expect(await sut.gradings(sessionId)).toEqual([]);
  });

  it('stores a grade once per turn, rubric and prompt version, and marks the answer scored with it', async () => {
    const { sessionId } = await startSession(app);
    const { turnId } = await turnWithEvents(sessionId, 'answer');
    const grade = { turnId, rubricVersion: 'r1', promptVersion: 'p1', grader: 'rubric', model: null, overall: 75, body: gradeBody(75) };
    const first = await sut.inSessionOfAnswer(turnId, (tx) => tx.storeGrade(grade));
    const again = await sut.inSessionOfAnswer(turnId, (tx) => tx.storeGrade({ ...grade, overall: 10 }));

    expect([first!.result, again!.result]).toEqual([true, false]);
    expect((await sut.grades(sessionId)).map((g) => [g.overall, g.body])).toEqual([[75, gradeBody(75)]]);
    expect((await sut.gradings(sessionId))[0]!.status).toBe('scored');
  });

  it('stores a report as the next version only when it changed', async () => {
    const { sessionId } = await startSession(app);
    const save = async (body: SessionReport) => (await sut.inSession(sessionId, (tx) => tx.saveReport(body)))!.result;
    expect(await save(reportBody(sessionId, 1))).toBe(1);
    expect(await save(reportBody(sessionId, 1))).toBeNull();
    expect(await save(reportBody(sessionId, 2))).toBe(2);
    expect(await sut.report(sessionId)).toEqual(reportBody(sessionId, 2));
  });

  it('refuses a stored grade or report whose body breaks its schema, naming the field', async () => {
    const { sessionId } = await startSession(app);
    const { turnId } = await turnWithEvents(sessionId, 'answer');
    const db = app.get(DataSource);
    const { provenance: _, ...noProvenance } = gradeBody(60);
    await db.query(
      `INSERT INTO grades (turn_id, rubric_version, prompt_version, grader, model, overall, body) VALUES ($1, 'r1', 'p1', 'rubric', NULL, 60, $2)`,
      [turnId, JSON.stringify({ ...noProvenance, overal: 60 })],
    );
    await expect(sut.grades(sessionId)).rejects.toThrow(RowShapeError);
    await expect(sut.grades(sessionId)).rejects.toThrow(/body\.provenance/);

    const { dimensions: __, ...noDimensions } = reportBody(sessionId, 1);
    await db.query(`INSERT INTO session_reports (session_id, version, body) VALUES ($1, 1, $2)`, [sessionId, JSON.stringify(noDimensions)]);
    await expect(sut.report(sessionId)).rejects.toThrow(/body\.dimensions/);
  });

  it('refuses a row whose columns do not match its schema, naming the column', async () => {
    const result: unknown = await app.get(DataSource).query(`SELECT id, candidate_id AS candidate FROM interview_sessions LIMIT 1`);
    expect(() => rows(sessionRow, result)).toThrow(RowShapeError);
    expect(() => rows(sessionRow, result)).toThrow(/candidate_id/);
  });

  describe('across libs in one transaction (TransactionHost)', () => {
    it("deletes a session through libs/interview with libs/review's audit row, or not at all", async () => {
      const { principal, sessionId } = await startSession(app);
      await expect(app.get(SessionsService).delete(principal, sessionId, async () => Promise.reject(new Error('audit refused')))).rejects.toThrow(
        'audit refused',
      );
      expect(await sut.find(sessionId)).not.toBeNull();

      await app.get(ReviewService).deleteSession(principal, sessionId);
      expect(await sut.find(sessionId)).toBeNull();
      const audit = await app.get(DataSource).query(`SELECT candidate_id, deleted_by FROM session_deletions WHERE session_id = $1`, [sessionId]);
      expect(audit).toEqual([{ candidate_id: principal.userId, deleted_by: principal.userId }]);
    });

    it("refuses another candidate's deletion inside the lock, deleting nothing", async () => {
      const { sessionId } = await startSession(app);
      const other = await candidate(app);
      await expect(app.get(ReviewService).deleteSession(other, sessionId)).rejects.toBeInstanceOf(SessionNotFoundError);
      expect(await sut.find(sessionId)).not.toBeNull();
    });

    /** An ended session of a new candidate, and an admin who may review it. */
    async function endedSession() {
      const { principal, sessionId } = await startSession(app);
      await app.get(SessionsService).end(principal, sessionId);
      const admin = { userId: (await createUser(app, 'admin')).id, role: 'admin' as const };
      return { principal, admin, sessionId };
    }

    it.each(['review', 'dispute'] as const)(
      "decides a %s under libs/interview's session lock: with a deletion in flight it waits, then answers SESSION_NOT_FOUND",
      async (what) => {
        const { principal, admin, sessionId } = await endedSession();
        const deletion = app.get(DataSource).createQueryRunner();
        await deletion.connect();
        try {
          await deletion.startTransaction();
          await deletion.query(`DELETE FROM interview_sessions WHERE id = $1`, [sessionId]); // holds the row lock until it commits
          const reviews = app.get(ReviewService);
          const asked =
            what === 'review'
              ? reviews.review(admin, sessionId, { corrections: [], annotations: [], complete: true })
              : reviews.dispute(principal, sessionId, { comment: 'the score is too low' });
          const settled = asked.then(
            () => 'done',
            (err: unknown) => err,
          );
          // The marker: a backend of this database waits on a lock (the deletion's), so the answer cannot come first.
          await waitFor(async () => ((await lockWaiters()) > 0 ? true : undefined));
          await deletion.commitTransaction();
          expect(await settled).toBeInstanceOf(SessionNotFoundError);
        } finally {
          await deletion.release();
        }
      },
    );

    it("asks whether a coach is assigned, and writes a review, in the caller's transaction (rolled back with it)", async () => {
      const { admin, principal, sessionId } = await endedSession();
      const coach = await createUser(app, 'coach');
      const host = new TransactionHost(app.get(DataSource));
      await expect(
        host.transaction(async (m) => {
          await m.query(`INSERT INTO coach_assignments (coach_id, candidate_id, assigned_by) VALUES ($1, $2, $3)`, [
            coach.id,
            principal.userId,
            admin.userId,
          ]);
          expect(await app.get(CoachDirectory).isCoachOf(coach.id, principal.userId)).toBe(true);
          await app.get(ReviewService).review({ userId: coach.id, role: 'coach' }, sessionId, { corrections: [], annotations: [], complete: true });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await app.get(CoachDirectory).isCoachOf(coach.id, principal.userId)).toBe(false);
      expect(await app.get(ReviewRepository).review(sessionId)).toBeNull();
    });

    async function lockWaiters(): Promise<number> {
      const [row] = await app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      return row.n;
    }

    it("creates a user through libs/auth's service inside the caller's transaction (rolled back with it)", async () => {
      const host = new TransactionHost(app.get(DataSource));
      const email = uniqueEmail('redeem');
      await expect(
        host.transaction(async () => {
          expect(await app.get(UsersService).createInvitedCandidate(email, 'not-a-real-hash')).toEqual(expect.any(String));
          throw new Error('the invite could not be marked used');
        }),
      ).rejects.toThrow('marked used');
      expect(await app.get(DataSource).query(`SELECT 1 FROM users WHERE email = $1`, [email])).toEqual([]);
    });
  });
});
