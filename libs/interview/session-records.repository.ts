import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { col, firstRow, rows } from '#libs/db';
import type { Grade } from '#libs/grading';
import type { StoredReport } from './session.types.js';
import { storedGrade, storedReport } from './session-rows.js';

/** An ended session as the coach's queue lists it, with how many of its answers carry each flag asked for. */
export interface EndedSessionRecord {
  sessionId: string;
  candidateId: string;
  questionId: string;
  questionVersion: string;
  mode: string;
  endedAt: Date;
  /** Per flag: how many of the session's answers carry it (only flags that some answer carries). */
  flagged: Record<string, number>;
}

/** The latest grade of one candidate answer, with what it was graded against. */
export interface GradedAnswerRecord {
  sessionId: string;
  turnId: string;
  text: string;
  questionId: string;
  questionVersion: string;
  roleSlug: string;
  roleVersion: string;
  grade: Grade;
}

/** A candidate's ended session with its latest report. */
export interface ReportedSessionRecord {
  sessionId: string;
  questionId: string;
  questionVersion: string;
  roleSlug: string;
  roleVersion: string;
  mode: string;
  startedAt: Date;
  endedAt: Date;
  report: StoredReport;
}

const endedRow = z
  .object({
    id: col.uuid,
    candidate_id: col.uuid,
    question_id: col.text,
    question_version: col.text,
    mode: col.text,
    ended_at: col.time,
    flagged: z.record(z.string(), col.int),
  })
  .transform((r): EndedSessionRecord => ({
    sessionId: r.id,
    candidateId: r.candidate_id,
    questionId: r.question_id,
    questionVersion: r.question_version,
    mode: r.mode,
    endedAt: r.ended_at,
    flagged: r.flagged,
  }));

/** What a session was graded against: its question and role guide, each at its version. */
const planColumns = { question_id: col.text, question_version: col.text, role_slug: col.text, role_version: col.text };
const toPlan = (r: z.output<z.ZodObject<typeof planColumns>>) => ({
  questionId: r.question_id,
  questionVersion: r.question_version,
  roleSlug: r.role_slug,
  roleVersion: r.role_version,
});

const answerRow = z
  .object({ ...planColumns, session_id: col.uuid, turn_id: col.uuid, text: col.text, body: storedGrade })
  .transform((r): GradedAnswerRecord => ({ ...toPlan(r), sessionId: r.session_id, turnId: r.turn_id, text: r.text, grade: r.body }));

const reportedRow = z
  .object({ ...planColumns, id: col.uuid, mode: col.text, started_at: col.time, ended_at: col.time, report: storedReport })
  .transform((r): ReportedSessionRecord => ({
    ...toPlan(r),
    sessionId: r.id,
    mode: r.mode,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    report: r.report,
  }));

const countRow = z.object({ n: col.numeric });

/**
 * What other libs read of libs/interview's tables (the coach's queue, calibration, progress, the rollout's
 * admission counts), answered here so no other lib names these tables in SQL.
 */
@Injectable()
export class SessionRecordsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Ended sessions (of `candidateIds`, or every candidate for null) except `skip`; `first` and flagged ones first,
   * then the oldest.
   */
  async ended(q: {
    candidateIds: readonly string[] | null;
    skip: readonly string[];
    first: readonly string[];
    flags: readonly string[];
    limit: number;
  }): Promise<EndedSessionRecord[]> {
    return rows(
      endedRow,
      await this.db.query(
        `SELECT * FROM (
           SELECT s.id, s.candidate_id, s.question_id, s.question_version, s.mode, s.ended_at,
             COALESCE((SELECT jsonb_object_agg(f, n) FROM (
                  SELECT f, count(DISTINCT t.id)::int AS n FROM grades g JOIN session_turns t ON t.id = g.turn_id,
                         jsonb_array_elements_text(g.body -> 'flags') AS f
                   WHERE t.session_id = s.id AND f = ANY($2::text[]) GROUP BY f) fl), '{}'::jsonb) AS flagged
           FROM interview_sessions s
           WHERE s.status = 'ended'
             AND ($1::uuid[] IS NULL OR s.candidate_id = ANY($1::uuid[]))
             AND NOT (s.id = ANY($3::uuid[]))
         ) q
         ORDER BY (q.flagged <> '{}'::jsonb OR q.id = ANY($4::uuid[])) DESC, q.ended_at ASC
         LIMIT $5`,
        [q.candidateIds, q.flags, q.skip, q.first, q.limit],
      ),
    );
  }

  /** The latest grade of every graded candidate answer of these sessions. */
  async gradedAnswers(sessionIds: readonly string[]): Promise<GradedAnswerRecord[]> {
    if (sessionIds.length === 0) return [];
    return rows(
      answerRow,
      await this.db.query(
        `SELECT DISTINCT ON (t.id) s.id AS session_id, t.id AS turn_id, t.text, s.question_id, s.question_version, s.role_slug,
                s.role_version, g.body
           FROM interview_sessions s
           JOIN session_turns t ON t.session_id = s.id AND t.speaker = 'candidate'
           JOIN grades g ON g.turn_id = t.id
          WHERE s.id = ANY($1::uuid[])
          ORDER BY t.id, g.created_at DESC`,
        [sessionIds],
      ),
    );
  }

  /** A candidate's ended sessions that have a report, oldest first (the most recent `limit`). */
  async reported(candidateId: string, limit: number): Promise<ReportedSessionRecord[]> {
    const found = rows(
      reportedRow,
      await this.db.query(
        `SELECT s.*, rep.body AS report FROM interview_sessions s
           JOIN LATERAL (SELECT body FROM session_reports r WHERE r.session_id = s.id ORDER BY r.version DESC LIMIT 1) rep ON true
          WHERE s.candidate_id = $1 AND s.status = 'ended' ORDER BY s.ended_at DESC LIMIT $2`,
        [candidateId, limit],
      ),
    );
    return found.reverse();
  }

  async liveSessions(): Promise<number> {
    return this.count(`SELECT count(*) AS n FROM interview_sessions WHERE status = 'active'`, []);
  }

  async sessionsStartedSince(candidateId: string, since: Date): Promise<number> {
    return this.count(`SELECT count(*) AS n FROM interview_sessions WHERE candidate_id = $1 AND started_at >= $2`, [candidateId, since]);
  }

  /**
   * Prompt and completion tokens of every grade and every interviewer line stored since then (cached prompt tokens
   * are part of prompt).
   */
  async tokensUsedSince(since: Date): Promise<number> {
    return this.count(
      `SELECT (SELECT coalesce(sum(coalesce((body #>> '{provenance,tokens,prompt}')::bigint, 0)
                                 + coalesce((body #>> '{provenance,tokens,completion}')::bigint, 0)), 0)
                 FROM grades WHERE created_at >= $1)
            + (SELECT coalesce(sum(coalesce((meta #>> '{provenance,tokens,prompt}')::bigint, 0)
                                 + coalesce((meta #>> '{provenance,tokens,completion}')::bigint, 0)), 0)
                 FROM session_turns WHERE meta IS NOT NULL AND created_at >= $1) AS n`,
      [since],
    );
  }

  private async count(sql: string, params: unknown[]): Promise<number> {
    return firstRow(countRow, await this.db.query(sql, params))?.n ?? 0;
  }
}
