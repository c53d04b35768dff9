import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { affectedCount, col, firstRow, onlyRow, rows, TransactionHost } from '#libs/db';
import type { AnnotationRow, CorrectionRow, DisputeRow, ReviewRow } from './review.types.js';

const correctionRow = z
  .object({
    id: col.uuid,
    session_id: col.uuid,
    turn_id: col.uuid.nullable(),
    kind: z.enum(['dimension', 'key_point']),
    item_id: col.text,
    value: col.text,
    version: col.int,
    reason: col.text,
    coach_id: col.uuid.nullable(),
    created_at: col.time,
  })
  .transform((r): CorrectionRow => ({
    id: r.id,
    sessionId: r.session_id,
    turnId: r.turn_id,
    kind: r.kind,
    itemId: r.item_id,
    value: r.value,
    version: r.version,
    reason: r.reason,
    coachId: r.coach_id,
    createdAt: r.created_at,
  }));
const annotationRow = z
  .object({ id: col.uuid, session_id: col.uuid, turn_id: col.uuid, coach_id: col.uuid.nullable(), comment: col.text, created_at: col.time })
  .transform((r): AnnotationRow => ({
    id: r.id,
    sessionId: r.session_id,
    turnId: r.turn_id,
    coachId: r.coach_id,
    comment: r.comment,
    createdAt: r.created_at,
  }));
const disputeRow = z
  .object({
    id: col.uuid,
    session_id: col.uuid,
    turn_id: col.uuid.nullable(),
    candidate_id: col.uuid,
    comment: col.text,
    created_at: col.time,
    resolved_at: col.time.nullable(),
  })
  .transform((r): DisputeRow => ({
    id: r.id,
    sessionId: r.session_id,
    turnId: r.turn_id,
    candidateId: r.candidate_id,
    comment: r.comment,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
  }));
const reviewRow = z
  .object({ session_id: col.uuid, coach_id: col.uuid.nullable(), completed_at: col.time })
  .transform((r): ReviewRow => ({ sessionId: r.session_id, coachId: r.coach_id, completedAt: r.completed_at }));
const assignmentRow = z
  .object({ coach_id: col.uuid, candidate_id: col.uuid, assigned_at: col.time })
  .transform((r) => ({ coachId: r.coach_id, candidateId: r.candidate_id, assignedAt: r.assigned_at }));
const reviewStateRow = z
  .object({ session_id: col.uuid, completed_at: col.time.nullable(), open_disputes: col.int })
  .transform((r): ReviewState => ({ sessionId: r.session_id, completedAt: r.completed_at, openDisputes: r.open_disputes }));

/** Where a session stands in review: its last completion (null: never) and its disputes not answered since. */
export interface ReviewState {
  sessionId: string;
  completedAt: Date | null;
  openDisputes: number;
}

/** Writes of one review, serialised per session by an advisory lock (versions are max + 1 under it). */
export class ReviewTx {
  constructor(
    private readonly m: EntityManager,
    readonly sessionId: string,
  ) {}

  async addCorrection(c: {
    turnId: string | null;
    kind: CorrectionRow['kind'];
    itemId: string;
    value: string;
    reason: string;
    coachId: string;
  }): Promise<CorrectionRow> {
    const [row] = rows(
      correctionRow,
      await this.m.query(
        `INSERT INTO review_corrections (session_id, turn_id, kind, item_id, value, reason, coach_id, version)
         SELECT $1, $2, $3, $4, $5, $6, $7, coalesce(max(version), 0) + 1 FROM review_corrections
          WHERE session_id = $1 AND turn_id IS NOT DISTINCT FROM $2::uuid AND kind = $3 AND item_id = $4
         RETURNING *`,
        [this.sessionId, c.turnId, c.kind, c.itemId, c.value, c.reason, c.coachId],
      ),
    );
    return row!;
  }

  async addAnnotation(a: { turnId: string; comment: string; coachId: string }): Promise<AnnotationRow> {
    const sql = `INSERT INTO review_annotations (session_id, turn_id, comment, coach_id) VALUES ($1, $2, $3, $4) RETURNING *`;
    return onlyRow(annotationRow, await this.m.query(sql, [this.sessionId, a.turnId, a.comment, a.coachId]));
  }

  /** Marks the review complete (again, after a dispute) and settles the disputes it answered. */
  async complete(coachId: string): Promise<ReviewRow> {
    const [row] = rows(
      reviewRow,
      await this.m.query(
        `INSERT INTO session_reviews (session_id, coach_id) VALUES ($1, $2)
         ON CONFLICT (session_id) DO UPDATE SET coach_id = EXCLUDED.coach_id, completed_at = now() RETURNING *`,
        [this.sessionId, coachId],
      ),
    );
    await this.m.query(`UPDATE review_disputes SET resolved_at = now() WHERE session_id = $1 AND resolved_at IS NULL`, [this.sessionId]);
    return row!;
  }
}

@Injectable()
export class ReviewRepository {
  private readonly host: TransactionHost;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.host = new TransactionHost(db);
  }

  /**
   * Joins the caller's transaction when there is one (libs/interview's, holding the session's row lock: a statement
   * on another connection would wait for that lock behind its own caller), else opens one.
   */
  inReview<T>(sessionId: string, fn: (tx: ReviewTx) => Promise<T>): Promise<T> {
    return this.host.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('review:' || $1))`, [sessionId]);
      return fn(new ReviewTx(m, sessionId));
    });
  }

  /** Idempotent: assigning twice keeps the first assignment. */
  async assign(coachId: string, candidateId: string, assignedBy: string): Promise<{ coachId: string; candidateId: string; assignedAt: Date }> {
    await this.db.query(`INSERT INTO coach_assignments (coach_id, candidate_id, assigned_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      coachId,
      candidateId,
      assignedBy,
    ]);
    const [row] = rows(
      assignmentRow,
      await this.db.query(`SELECT * FROM coach_assignments WHERE coach_id = $1 AND candidate_id = $2`, [coachId, candidateId]),
    );
    return row!;
  }

  /** Every assignment, newest first. */
  async assignments(): Promise<{ coachId: string; candidateId: string; assignedAt: Date }[]> {
    return rows(assignmentRow, await this.db.query(`SELECT coach_id, candidate_id, assigned_at FROM coach_assignments ORDER BY assigned_at DESC`));
  }

  async unassign(coachId: string, candidateId: string): Promise<boolean> {
    return (
      affectedCount(
        await this.db.query(`DELETE FROM coach_assignments WHERE coach_id = $1 AND candidate_id = $2 RETURNING coach_id`, [coachId, candidateId]),
      ) > 0
    );
  }

  /** In the caller's transaction when there is one: the access policy asks it under a session's row lock. */
  async isCoachOf(coachId: string, candidateId: string): Promise<boolean> {
    const sql = `SELECT 1 FROM coach_assignments WHERE coach_id = $1 AND candidate_id = $2`;
    return rows(z.unknown(), await this.host.manager.query(sql, [coachId, candidateId])).length > 0;
  }

  async candidatesOf(coachId: string): Promise<string[]> {
    const found = rows(
      z.object({ candidate_id: col.uuid }),
      await this.db.query(`SELECT candidate_id FROM coach_assignments WHERE coach_id = $1`, [coachId]),
    );
    return found.map((r) => r.candidate_id);
  }

  async corrections(sessionId: string): Promise<CorrectionRow[]> {
    return rows(
      correctionRow,
      await this.db.query(`SELECT * FROM review_corrections WHERE session_id = $1 ORDER BY created_at, version`, [sessionId]),
    );
  }

  async correctionsOf(sessionIds: string[]): Promise<CorrectionRow[]> {
    return rows(
      correctionRow,
      await this.db.query(`SELECT * FROM review_corrections WHERE session_id = ANY($1::uuid[]) ORDER BY created_at, version`, [sessionIds]),
    );
  }

  async annotations(sessionId: string): Promise<AnnotationRow[]> {
    return rows(annotationRow, await this.db.query(`SELECT * FROM review_annotations WHERE session_id = $1 ORDER BY created_at`, [sessionId]));
  }

  async disputes(sessionId: string): Promise<DisputeRow[]> {
    return rows(disputeRow, await this.db.query(`SELECT * FROM review_disputes WHERE session_id = $1 ORDER BY created_at`, [sessionId]));
  }

  /** In the caller's transaction (libs/interview's, under the session's row lock, as `inReview`). */
  async addDispute(d: { sessionId: string; turnId: string | null; candidateId: string; comment: string }): Promise<DisputeRow> {
    const sql = `INSERT INTO review_disputes (session_id, turn_id, candidate_id, comment) VALUES ($1, $2, $3, $4) RETURNING *`;
    return onlyRow(disputeRow, await this.host.manager.query(sql, [d.sessionId, d.turnId, d.candidateId, d.comment]));
  }

  async review(sessionId: string): Promise<ReviewRow | null> {
    return firstRow(reviewRow, await this.db.query(`SELECT * FROM session_reviews WHERE session_id = $1`, [sessionId]));
  }

  /** Completed reviews (by this coach, or anyone's for null). */
  async completedReviews(coachId: string | null): Promise<ReviewRow[]> {
    return rows(reviewRow, await this.db.query(`SELECT * FROM session_reviews WHERE $1::uuid IS NULL OR coach_id = $1`, [coachId]));
  }

  /** Every session a review or a dispute names, with where its review stands. */
  async reviewStates(): Promise<ReviewState[]> {
    return rows(
      reviewStateRow,
      await this.db.query(
        `SELECT coalesce(r.session_id, d.session_id) AS session_id, r.completed_at, coalesce(d.open, 0) AS open_disputes
           FROM session_reviews r
           FULL JOIN (SELECT session_id, count(*)::int AS open FROM review_disputes WHERE resolved_at IS NULL GROUP BY session_id) d
             ON d.session_id = r.session_id`,
      ),
    );
  }

  /**
   * The audit row of a deleted session (who, whose, when; no content). Written in the caller's transaction: the one
   * libs/interview holds, with the session's row lock, while it deletes the session.
   */
  async recordDeletion(sessionId: string, candidateId: string, deletedBy: string): Promise<void> {
    await this.host.manager.query(`INSERT INTO session_deletions (session_id, candidate_id, deleted_by) VALUES ($1, $2, $3)`, [
      sessionId,
      candidateId,
      deletedBy,
    ]);
  }
}
