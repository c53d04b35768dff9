import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AnnotationRow, CorrectionKind, CorrectionRow, DisputeRow, ReviewRow } from './review.types.js';

type Raw = Record<string, unknown>;

const toCorrection = (r: Raw): CorrectionRow => ({
  id: r.id as string,
  sessionId: r.session_id as string,
  turnId: (r.turn_id as string | null) ?? null,
  kind: r.kind as CorrectionKind,
  itemId: r.item_id as string,
  value: r.value as string,
  version: r.version as number,
  reason: r.reason as string,
  coachId: (r.coach_id as string | null) ?? null,
  createdAt: r.created_at as Date,
});
const toAnnotation = (r: Raw): AnnotationRow => ({
  id: r.id as string,
  sessionId: r.session_id as string,
  turnId: r.turn_id as string,
  coachId: (r.coach_id as string | null) ?? null,
  comment: r.comment as string,
  createdAt: r.created_at as Date,
});
const toDispute = (r: Raw): DisputeRow => ({
  id: r.id as string,
  sessionId: r.session_id as string,
  turnId: (r.turn_id as string | null) ?? null,
  candidateId: r.candidate_id as string,
  comment: r.comment as string,
  createdAt: r.created_at as Date,
  resolvedAt: (r.resolved_at as Date | null) ?? null,
});

/** Writes of one review, serialised per session by an advisory lock (versions are max + 1 under it). */
export class ReviewTx {
  constructor(
    private readonly m: EntityManager,
    readonly sessionId: string,
  ) {}

  async addCorrection(c: { turnId: string | null; kind: CorrectionKind; itemId: string; value: string; reason: string; coachId: string }): Promise<CorrectionRow> {
    const [row] = (await this.m.query(
      `INSERT INTO review_corrections (session_id, turn_id, kind, item_id, value, reason, coach_id, version)
       SELECT $1, $2, $3, $4, $5, $6, $7, coalesce(max(version), 0) + 1 FROM review_corrections
        WHERE session_id = $1 AND turn_id IS NOT DISTINCT FROM $2::uuid AND kind = $3 AND item_id = $4
       RETURNING *`,
      [this.sessionId, c.turnId, c.kind, c.itemId, c.value, c.reason, c.coachId],
    )) as Raw[];
    return toCorrection(row!);
  }

  async addAnnotation(a: { turnId: string; comment: string; coachId: string }): Promise<AnnotationRow> {
    const [row] = (await this.m.query(
      `INSERT INTO review_annotations (session_id, turn_id, comment, coach_id) VALUES ($1, $2, $3, $4) RETURNING *`,
      [this.sessionId, a.turnId, a.comment, a.coachId],
    )) as Raw[];
    return toAnnotation(row!);
  }

  /** Marks the review complete (again, after a dispute) and settles the disputes it answered. */
  async complete(coachId: string): Promise<ReviewRow> {
    const [row] = (await this.m.query(
      `INSERT INTO session_reviews (session_id, coach_id) VALUES ($1, $2)
       ON CONFLICT (session_id) DO UPDATE SET coach_id = EXCLUDED.coach_id, completed_at = now() RETURNING *`,
      [this.sessionId, coachId],
    )) as Raw[];
    await this.m.query(`UPDATE review_disputes SET resolved_at = now() WHERE session_id = $1 AND resolved_at IS NULL`, [this.sessionId]);
    return { sessionId: row!.session_id as string, coachId: (row!.coach_id as string | null) ?? null, completedAt: row!.completed_at as Date };
  }
}

export interface QueueRow {
  sessionId: string;
  candidateId: string;
  candidateEmail: string;
  questionId: string;
  questionVersion: string;
  mode: string;
  endedAt: Date;
  flags: string[];
  /** Per flag: how many of the session's answers carry it. */
  flaggedAnswers: Record<string, number>;
  openDisputes: number;
  reviewedAt: Date | null;
}

export interface ReviewedAnswerRow {
  sessionId: string;
  turnId: string;
  text: string;
  questionId: string;
  questionVersion: string;
  roleSlug: string;
  roleVersion: string;
  grade: unknown;
  reviewCoachId: string | null;
}

export interface ReportedSessionRow {
  sessionId: string;
  questionId: string;
  questionVersion: string;
  roleSlug: string;
  roleVersion: string;
  mode: string;
  startedAt: Date;
  endedAt: Date;
  report: unknown;
}

const REVIEW_FLAGS = ['injection_suspected', 'low_confidence'];

@Injectable()
export class ReviewRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  inReview<T>(sessionId: string, fn: (tx: ReviewTx) => Promise<T>): Promise<T> {
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('review:' || $1))`, [sessionId]);
      return fn(new ReviewTx(m, sessionId));
    });
  }

  async userRoles(ids: string[]): Promise<Map<string, string>> {
    const rows = (await this.db.query(`SELECT id, role FROM users WHERE id = ANY($1::uuid[])`, [ids])) as { id: string; role: string }[];
    return new Map(rows.map((r) => [r.id, r.role]));
  }

  /** Idempotent: assigning twice keeps the first assignment. */
  async assign(coachId: string, candidateId: string, assignedBy: string): Promise<{ coachId: string; candidateId: string; assignedAt: Date }> {
    await this.db.query(
      `INSERT INTO coach_assignments (coach_id, candidate_id, assigned_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [coachId, candidateId, assignedBy],
    );
    const [row] = (await this.db.query(`SELECT * FROM coach_assignments WHERE coach_id = $1 AND candidate_id = $2`, [coachId, candidateId])) as Raw[];
    return { coachId, candidateId, assignedAt: row!.assigned_at as Date };
  }

  /** Every assignment with both emails, newest first. */
  async assignments(): Promise<{ coachId: string; coachEmail: string; candidateId: string; candidateEmail: string; assignedAt: Date }[]> {
    const rows = (await this.db.query(
      `SELECT a.coach_id, co.email AS coach_email, a.candidate_id, ca.email AS candidate_email, a.assigned_at
         FROM coach_assignments a JOIN users co ON co.id = a.coach_id JOIN users ca ON ca.id = a.candidate_id
        ORDER BY a.assigned_at DESC`,
    )) as Raw[];
    return rows.map((r) => ({
      coachId: r.coach_id as string,
      coachEmail: r.coach_email as string,
      candidateId: r.candidate_id as string,
      candidateEmail: r.candidate_email as string,
      assignedAt: r.assigned_at as Date,
    }));
  }

  async unassign(coachId: string, candidateId: string): Promise<boolean> {
    const rows = (await this.db.query(`DELETE FROM coach_assignments WHERE coach_id = $1 AND candidate_id = $2 RETURNING coach_id`, [coachId, candidateId])) as [Raw[], number];
    return rows[1] > 0;
  }

  async corrections(sessionId: string): Promise<CorrectionRow[]> {
    const rows = (await this.db.query(`SELECT * FROM review_corrections WHERE session_id = $1 ORDER BY created_at, version`, [sessionId])) as Raw[];
    return rows.map(toCorrection);
  }

  async correctionsOf(sessionIds: string[]): Promise<CorrectionRow[]> {
    const rows = (await this.db.query(`SELECT * FROM review_corrections WHERE session_id = ANY($1::uuid[]) ORDER BY created_at, version`, [sessionIds])) as Raw[];
    return rows.map(toCorrection);
  }

  async annotations(sessionId: string): Promise<AnnotationRow[]> {
    const rows = (await this.db.query(`SELECT * FROM review_annotations WHERE session_id = $1 ORDER BY created_at`, [sessionId])) as Raw[];
    return rows.map(toAnnotation);
  }

  async disputes(sessionId: string): Promise<DisputeRow[]> {
    const rows = (await this.db.query(`SELECT * FROM review_disputes WHERE session_id = $1 ORDER BY created_at`, [sessionId])) as Raw[];
    return rows.map(toDispute);
  }

  async addDispute(d: { sessionId: string; turnId: string | null; candidateId: string; comment: string }): Promise<DisputeRow> {
    const [row] = (await this.db.query(
      `INSERT INTO review_disputes (session_id, turn_id, candidate_id, comment) VALUES ($1, $2, $3, $4) RETURNING *`,
      [d.sessionId, d.turnId, d.candidateId, d.comment],
    )) as Raw[];
    return toDispute(row!);
  }

  async review(sessionId: string): Promise<ReviewRow | null> {
    const [row] = (await this.db.query(`SELECT * FROM session_reviews WHERE session_id = $1`, [sessionId])) as Raw[];
    return row ? { sessionId, coachId: (row.coach_id as string | null) ?? null, completedAt: row.completed_at as Date } : null;
  }

  /**
   * Ended sessions not yet reviewed, or with a dispute the last review has not answered; a coach's only for
   * their candidates (null = every candidate, for admins). Flagged and disputed first, then the oldest.
   */
  async queue(coachId: string | null, limit = 200): Promise<QueueRow[]> {
    const rows = (await this.db.query(
      `SELECT * FROM (
         SELECT s.id, s.candidate_id, u.email AS candidate_email, s.question_id, s.question_version, s.mode, s.ended_at, r.completed_at,
           (SELECT count(*)::int FROM review_disputes d WHERE d.session_id = s.id AND d.resolved_at IS NULL) AS open_disputes,
           COALESCE((SELECT jsonb_object_agg(f, n) FROM (
                SELECT f, count(DISTINCT t.id)::int AS n FROM grades g JOIN session_turns t ON t.id = g.turn_id,
                       jsonb_array_elements_text(g.body -> 'flags') AS f
                 WHERE t.session_id = s.id AND f = ANY($2::text[]) GROUP BY f) fl), '{}'::jsonb) AS flagged
         FROM interview_sessions s
         JOIN users u ON u.id = s.candidate_id
         LEFT JOIN session_reviews r ON r.session_id = s.id
         WHERE s.status = 'ended'
           AND ($1::uuid IS NULL OR s.candidate_id IN (SELECT candidate_id FROM coach_assignments WHERE coach_id = $1))
       ) q
       WHERE q.completed_at IS NULL OR q.open_disputes > 0
       ORDER BY (q.flagged <> '{}'::jsonb OR q.open_disputes > 0) DESC, q.ended_at ASC
       LIMIT $3`,
      [coachId, REVIEW_FLAGS, limit],
    )) as Raw[];
    return rows.map((r) => {
      const flagged = r.flagged as Record<string, number>;
      return {
        sessionId: r.id as string,
        candidateId: r.candidate_id as string,
        candidateEmail: r.candidate_email as string,
        questionId: r.question_id as string,
        questionVersion: r.question_version as string,
        mode: r.mode as string,
        endedAt: r.ended_at as Date,
        flags: Object.keys(flagged).sort(),
        flaggedAnswers: flagged,
        openDisputes: r.open_disputes as number,
        reviewedAt: (r.completed_at as Date | null) ?? null,
      };
    });
  }

  /** The latest grade of every answer in a session whose review is complete (by this coach, or any for null). */
  async reviewedAnswers(coachId: string | null): Promise<ReviewedAnswerRow[]> {
    const rows = (await this.db.query(
      `SELECT DISTINCT ON (t.id) s.id AS session_id, t.id AS turn_id, t.text, s.question_id, s.question_version, s.role_slug,
              s.role_version, g.body, r.coach_id
         FROM session_reviews r
         JOIN interview_sessions s ON s.id = r.session_id
         JOIN session_turns t ON t.session_id = s.id AND t.speaker = 'candidate'
         JOIN grades g ON g.turn_id = t.id
        WHERE ($1::uuid IS NULL OR r.coach_id = $1)
        ORDER BY t.id, g.created_at DESC`,
      [coachId],
    )) as Raw[];
    return rows.map((r) => ({
      sessionId: r.session_id as string,
      turnId: r.turn_id as string,
      text: r.text as string,
      questionId: r.question_id as string,
      questionVersion: r.question_version as string,
      roleSlug: r.role_slug as string,
      roleVersion: r.role_version as string,
      grade: r.body,
      reviewCoachId: (r.coach_id as string | null) ?? null,
    }));
  }

  /** A candidate's ended sessions that have a report, oldest first (the progress series). */
  async reportedSessions(candidateId: string, limit = 500): Promise<ReportedSessionRow[]> {
    const rows = (await this.db.query(
      `SELECT s.*, rep.body AS report FROM interview_sessions s
         JOIN LATERAL (SELECT body FROM session_reports r WHERE r.session_id = s.id ORDER BY r.version DESC LIMIT 1) rep ON true
        WHERE s.candidate_id = $1 AND s.status = 'ended' ORDER BY s.ended_at DESC LIMIT $2`,
      [candidateId, limit],
    )) as Raw[];
    return rows.reverse().map((r) => ({
      sessionId: r.id as string,
      questionId: r.question_id as string,
      questionVersion: r.question_version as string,
      roleSlug: r.role_slug as string,
      roleVersion: r.role_version as string,
      mode: r.mode as string,
      startedAt: r.started_at as Date,
      endedAt: r.ended_at as Date,
      report: r.report,
    }));
  }

  /**
   * Deletes the session and, by cascade, its turns, events, gradings, grades, report and review; the audit row
   * (who, whose, when; no content) is written in the same transaction. The delete waits for the session's row
   * lock, so a grading transaction in flight finishes first and a later one finds the turn gone.
   */
  async deleteSession(sessionId: string, deletedBy: string): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const [rows] = (await m.query(`DELETE FROM interview_sessions WHERE id = $1 RETURNING candidate_id`, [sessionId])) as [Raw[], number];
      const row = rows[0];
      if (!row) return false;
      await m.query(`INSERT INTO session_deletions (session_id, candidate_id, deleted_by) VALUES ($1, $2, $3)`, [sessionId, row.candidate_id, deletedBy]);
      return true;
    });
  }
}
