import { Injectable } from '@nestjs/common';
import { AccessChanges, type Principal, UsersService } from '#libs/auth';
import { DomainError, InvalidPayloadError } from '#libs/errors';
import { SessionsRepository, SessionsService, type SessionRow } from '#libs/interview';
import type { CorrectionInput, ReviewInput } from './review.dto.js';
import { ReviewRepository } from './review.repository.js';
import { toCorrectionDto } from './review.types.js';
import { latestGrades } from './transcript.service.js';

const turnNotFound = (turnId: string) => new DomainError('TURN_NOT_FOUND', `no answer ${turnId} in this session`, { turnId });

/** Coach assignments, corrections, annotations, disputes, completion and the review queue. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly reviews: ReviewRepository,
    private readonly accessChanges: AccessChanges,
    private readonly users: UsersService,
    private readonly interviews: SessionsService,
  ) {}

  async assign(admin: Principal, input: { coachId: string; candidateId: string }) {
    const people = await this.users.directory([input.coachId, input.candidateId]);
    const issues = [
      ...(people.get(input.coachId)?.role === 'coach' ? [] : [{ path: 'coachId', message: 'must be the id of a coach' }]),
      ...(people.get(input.candidateId)?.role === 'candidate' ? [] : [{ path: 'candidateId', message: 'must be the id of a candidate' }]),
    ];
    if (issues.length) throw new InvalidPayloadError(issues);
    const row = await this.reviews.assign(input.coachId, input.candidateId, admin.userId);
    return { coachId: row.coachId, candidateId: row.candidateId, assignedAt: row.assignedAt.toISOString() };
  }

  async assignments() {
    const assignments = await this.reviews.assignments();
    const people = await this.users.directory(assignments.flatMap((a) => [a.coachId, a.candidateId]));
    return assignments
      .filter((a) => people.has(a.coachId) && people.has(a.candidateId))
      .map((a) => ({
        coachId: a.coachId,
        coachEmail: people.get(a.coachId)!.email,
        candidateId: a.candidateId,
        candidateEmail: people.get(a.candidateId)!.email,
        assignedAt: a.assignedAt.toISOString(),
      }));
  }

  async unassign(input: { coachId: string; candidateId: string }): Promise<void> {
    if (!(await this.reviews.unassign(input.coachId, input.candidateId))) throw new DomainError('NOT_FOUND', 'no such assignment');
    // The coach's open sockets, on every api process, leave this candidate's sessions now.
    await this.accessChanges.publish({ kind: 'assignment', ...input });
  }

  /** Corrections, annotations and completion in one transaction; each correction is a new version, never an update. */
  async review(principal: Principal, sessionId: string, input: ReviewInput) {
    // Decided and written under libs/interview's session lock: a deletion in flight finishes first (then: not found).
    return this.interviews.inSessionAs(principal, sessionId, 'review', (session) => this.reviewLocked(principal, session, input));
  }

  private async reviewLocked(principal: Principal, session: SessionRow, input: ReviewInput) {
    if (session.status !== 'ended') throw new DomainError('CONFLICT', 'the session has not ended yet; review it once it has');
    const targets = await this.targets(session);
    for (const c of input.corrections) this.checkCorrection(c, targets);
    for (const a of input.annotations) if (!targets.turns.has(a.turnId)) throw turnNotFound(a.turnId);

    return this.reviews.inReview(session.id, async (tx) => {
      const corrections = [];
      for (const c of input.corrections) {
        const [kind, itemId, value] =
          c.kind === 'dimension' ? (['dimension', c.dimensionId, String(c.score)] as const) : (['key_point', c.keyPointId, c.status] as const);
        corrections.push(await tx.addCorrection({ turnId: c.turnId ?? null, kind, itemId, value, reason: c.reason, coachId: principal.userId }));
      }
      const annotations = [];
      for (const a of input.annotations)
        annotations.push(await tx.addAnnotation({ turnId: a.turnId, comment: a.comment, coachId: principal.userId }));
      const review = input.complete ? await tx.complete(principal.userId) : null;
      return {
        corrections: corrections.map(toCorrectionDto),
        annotations: annotations.map((a) => ({ id: a.id, turnId: a.turnId, comment: a.comment, coachId: a.coachId, at: a.createdAt.toISOString() })),
        review: review && { completedAt: review.completedAt.toISOString(), coachId: review.coachId },
      };
    });
  }

  /** A candidate disputes a grade (or the report, without turnId); it puts the session back in the coach's queue. */
  async dispute(principal: Principal, sessionId: string, input: { turnId?: string | null; comment: string }) {
    const d = await this.interviews.inSessionAs(principal, sessionId, 'act', async (session) => {
      if (session.status !== 'ended') throw new DomainError('CONFLICT', 'the session has not ended yet');
      if (input.turnId) {
        const turn = await this.sessions.turn(input.turnId);
        if (!turn || turn.sessionId !== sessionId || turn.speaker !== 'candidate') throw turnNotFound(input.turnId);
      }
      return this.reviews.addDispute({ sessionId, turnId: input.turnId ?? null, candidateId: principal.userId, comment: input.comment });
    });
    return { id: d.id, sessionId, turnId: d.turnId, comment: d.comment, at: d.createdAt.toISOString(), resolvedAt: null };
  }

  /**
   * The candidate (or an admin) deletes a session through libs/interview (under its row lock, its policy deciding);
   * the audit row without content is written in that same transaction.
   */
  async deleteSession(principal: Principal, sessionId: string): Promise<void> {
    await this.interviews.delete(principal, sessionId, (session) => this.reviews.recordDeletion(session.id, session.candidateId, principal.userId));
  }

  private async targets(session: SessionRow) {
    const [turns, grades, report] = await Promise.all([
      this.sessions.turns(session.id),
      this.sessions.grades(session.id),
      this.sessions.report(session.id),
    ]);
    const answers = new Set(turns.filter((t) => t.speaker === 'candidate').map((t) => t.id));
    const graded = new Map([...latestGrades(grades)].map(([turnId, g]) => [turnId, g.body]));
    return { turns: answers, graded, report };
  }

  private checkCorrection(c: CorrectionInput, t: Awaited<ReturnType<ReviewService['targets']>>): void {
    const itemId = c.kind === 'dimension' ? c.dimensionId : c.keyPointId;
    const field = c.kind === 'dimension' ? 'dimensionId' : 'keyPointId';
    let ids: string[];
    if (c.turnId) {
      if (!t.turns.has(c.turnId)) throw turnNotFound(c.turnId);
      const grade = t.graded.get(c.turnId);
      if (!grade) throw new DomainError('CONFLICT', `answer ${c.turnId} has no grade to correct`, { turnId: c.turnId });
      ids = c.kind === 'dimension' ? grade.dimensions.map((d) => d.id) : grade.keyPoints.map((k) => k.id);
    } else {
      if (!t.report) throw new DomainError('CONFLICT', 'the session has no report yet');
      ids = c.kind === 'dimension' ? t.report.dimensions.map((d) => d.id) : t.report.keyPoints.map((k) => k.id);
    }
    if (!ids.includes(itemId)) {
      throw new InvalidPayloadError([
        { path: field, message: `"${itemId}" is not graded ${c.turnId ? 'on this answer' : 'in the report'} (one of: ${ids.join(', ')})` },
      ]);
    }
  }
}
