import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { col, firstRow, rows, TransactionHost } from '#libs/db';
import type { ServerEvent, ServerEventPayloads, ServerEventType } from '#libs/protocol';
import { logged, type NewEvent, newEvent } from './logged-event.js';
import type { SessionReport } from './session-report.js';
import type { GradingRow, PlannedPhase, SessionRow, StoredGrade, StoredReport, TurnRow } from './session.types.js';
import { eventRow, gradeRow, gradingRow, gradingStatus, gradingTurns, idRow, sessionRow, storedReport, turnRow } from './session-rows.js';

const anyRow = z.unknown();
const seqAt = z.object({ seq: col.int, at: col.time });

/** What a locked transaction returned, and the events it appended (to publish after commit). */
export interface Locked<T> {
  result: T;
  appended: ServerEvent[];
}

export type { NewEvent } from './logged-event.js';

/** Takes the next `$2` seqs of session `$1` (under the row lock its transaction holds). */
const NEXT_SEQS = `next AS (UPDATE interview_sessions SET last_seq = last_seq + $2 WHERE id = $1 RETURNING last_seq)`;

/** Writes events of types `$3` with payloads `$4` at those seqs. */
const INSERT_EVENTS = `INSERT INTO session_events (session_id, seq, type, payload)
  SELECT $1, next.last_seq - $2 + e.ord, ($3::text[])[e.ord], ($4::text[])[e.ord]::jsonb
  FROM next, generate_series(1, $2) AS e(ord)
  RETURNING seq, at`;

const APPEND = `WITH ${NEXT_SEQS} ${INSERT_EVENTS}`;

/**
 * `APPEND`, plus the turn (`$6`…`$15`) at the seq of event `$5` (1-based) and, for a candidate turn that
 * is graded (an answer, or "I don't know"), its grading intent.
 */
const APPEND_WITH_TURN = `WITH ${NEXT_SEQS},
  turn AS (
    INSERT INTO session_turns (id, session_id, seq, phase_id, speaker, client_id, text, reason, key_point_id, kind, line_key, meta)
    SELECT $6::uuid, $1, next.last_seq - $2 + $5::int, $7::text, $8::text, $9::text, $10::text, $11::text, $12::text, $13::text, $14::text, $15::jsonb FROM next
    RETURNING id, speaker, kind
  ),
  grading AS (
    INSERT INTO answer_gradings (turn_id, session_id)
    SELECT id, $1 FROM turn WHERE speaker = 'candidate' AND coalesce(kind, 'answer') IN ('answer', 'dont-know')
  )
  ${INSERT_EVENTS}`;

/** Whether a candidate turn of this kind is graded (questions and requests to move on are not). */
/** The columns a locked or first read adds to `interview_sessions.*` (the same rows are parsed by both schemas). */
const withGradingStatus = z.object({ grading_status: gradingStatus });
const withTurns = z.object({ turns: gradingTurns });

export const isGraded = (kind: TurnRow['kind']): boolean => kind === null || kind === 'answer' || kind === 'dont-know';

/** The turns of session `s`, oldest first, as `GradingTurn`s in one column (`turns`). */
const SESSION_TURNS = `(SELECT coalesce(json_agg(json_build_object('id', t.id, 'seq', t.seq, 'phaseId', t.phase_id, 'speaker', t.speaker,
      'text', t.text, 'kind', t.kind, 'lineKey', t.line_key, 'meta', t.meta, 'createdAt', t.created_at) ORDER BY t.seq), '[]')
    FROM session_turns t WHERE t.session_id = s.id) AS turns`;

/** What grading and the interviewer read of a session's turns. */
export type GradingTurn = Pick<TurnRow, 'id' | 'seq' | 'phaseId' | 'speaker' | 'text' | 'kind' | 'lineKey' | 'meta'> & {
  /** When the turn was stored (an ISO string: the turns come as one JSON column). */
  createdAt: string;
};

/** A turn written with the events that tell of it (`SessionTx.appendEvents`); it takes the seq of event `seqOf`. */
export interface NewTurn extends Omit<TurnRow, 'createdAt' | 'sessionId' | 'seq' | 'kind' | 'lineKey' | 'meta'> {
  readonly seqOf: number;
  readonly kind?: TurnRow['kind'];
  readonly lineKey?: string | null;
  readonly meta?: TurnRow['meta'];
}

/**
 * Everything a session changes happens inside `inSession`: one transaction holding the session's row lock,
 * so sequence numbers, phases and turns change in one order. Events appended there become visible
 * (and are published by the caller) only after commit.
 */
export class SessionTx {
  /** The events this transaction appended, in order: published to the api processes after commit. */
  readonly appended: ServerEvent[] = [];

  constructor(
    private readonly m: EntityManager,
    public session: SessionRow,
  ) {}

  async appendEvent<T extends ServerEventType>(type: T, payload: ServerEventPayloads[T]): Promise<number> {
    const [seq] = await this.appendEvents([newEvent(type, payload)]);
    return seq!;
  }

  /** For sibling repositories (code runs) whose writes belong to this same transaction; they parse the rows. */
  sql(query: string, params: unknown[]): Promise<unknown> {
    return this.m.query(query, params);
  }

  /**
   * One round trip for any number of events: take the next seqs under the row lock we hold and write the
   * events with them, in the order given. With `turn`, the same statement also writes the turn the events
   * tell of (it takes the seq of event `turn.seqOf`) and, for a candidate's answer, the intent to grade it.
   */
  async appendEvents(events: readonly NewEvent[], turn?: NewTurn): Promise<number[]> {
    if (events.length === 0) return [];
    const params: unknown[] = [this.session.id, events.length, events.map((e) => e.type), events.map((e) => JSON.stringify(e.payload))];
    if (turn) {
      params.push(
        turn.seqOf + 1,
        turn.id,
        turn.phaseId,
        turn.speaker,
        turn.clientId,
        turn.text,
        turn.reason,
        turn.keyPointId,
        turn.kind ?? null,
        turn.lineKey ?? null,
        turn.meta ? JSON.stringify(turn.meta) : null,
      );
    }
    const written = rows(seqAt, await this.m.query(turn ? APPEND_WITH_TURN : APPEND, params));
    written.sort((a, b) => a.seq - b.seq);
    written.forEach((row, i) => {
      const event = events[i]!;
      this.appended.push(logged(event.type, event.payload, { sessionId: this.session.id, seq: row.seq, at: row.at.toISOString() }));
    });
    this.session.lastSeq = written.at(-1)!.seq;
    return written.map((r) => r.seq);
  }

  async findTurnByClientId(clientId: string): Promise<TurnRow | null> {
    return firstRow(turnRow, await this.m.query(`SELECT * FROM session_turns WHERE session_id = $1 AND client_id = $2`, [this.session.id, clientId]));
  }

  /** Whether the interviewer already said the line with this key (a reply, a nudge) in this session. */
  async hasLine(lineKey: string): Promise<boolean> {
    return (
      rows(anyRow, await this.m.query(`SELECT 1 FROM session_turns WHERE session_id = $1 AND line_key = $2`, [this.session.id, lineKey])).length > 0
    );
  }

  async grading(turnId: string): Promise<GradingRow | null> {
    return firstRow(
      gradingRow,
      await this.m.query(`SELECT * FROM answer_gradings WHERE turn_id = $1 AND session_id = $2`, [turnId, this.session.id]),
    );
  }

  async setGradingStatus(turnId: string, status: GradingRow['status'], failureCode: string | null = null): Promise<void> {
    await this.m.query(`UPDATE answer_gradings SET status = $2, failure_code = $3, updated_at = now() WHERE turn_id = $1`, [
      turnId,
      status,
      failureCode,
    ]);
  }

  /**
   * Stores a grade once per (turn, rubric version, prompt version) and marks the answer scored, in one
   * statement; false when the grade was already there (a retried or duplicated job).
   */
  async storeGrade(grade: Omit<StoredGrade, 'id' | 'createdAt'>): Promise<boolean> {
    const stored = rows(
      z.object({ turn_id: col.uuid }),
      await this.m.query(
        `WITH stored AS (
           INSERT INTO grades (turn_id, rubric_version, prompt_version, grader, model, overall, body)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (turn_id, rubric_version, prompt_version) DO NOTHING RETURNING turn_id
         )
         UPDATE answer_gradings a SET status = 'scored', failure_code = NULL, updated_at = now()
         FROM stored WHERE a.turn_id = stored.turn_id RETURNING a.turn_id`,
        [grade.turnId, grade.rubricVersion, grade.promptVersion, grade.grader, grade.model, grade.overall, JSON.stringify(grade.body)],
      ),
    );
    return stored.length > 0;
  }

  async moveToPhase(index: number, endsAt: Date): Promise<void> {
    await this.m.query(`UPDATE interview_sessions SET phase_index = $2, phase_ends_at = $3 WHERE id = $1`, [this.session.id, index, endsAt]);
    this.session.phaseIndex = index;
    this.session.phaseEndsAt = endsAt;
  }

  /** Deletes the session: its turns, events, gradings, grades, reports and review rows go with it (foreign keys). */
  async delete(): Promise<void> {
    await this.m.query(`DELETE FROM interview_sessions WHERE id = $1`, [this.session.id]);
  }

  async end(reason: 'candidate' | 'clock'): Promise<void> {
    const [row] = rows(
      z.object({ ended_at: col.time }),
      await this.m.query(`UPDATE interview_sessions SET status = 'ended', ended_at = now(), end_reason = $2 WHERE id = $1 RETURNING ended_at`, [
        this.session.id,
        reason,
      ]),
    );
    this.session.status = 'ended';
    this.session.endedAt = row!.ended_at;
    this.session.endReason = reason;
  }

  /**
   * Stores the report as the session's next version, unless it equals the latest one (a duplicated or repeated
   * build), which is then only marked confirmed now. Returns the new version, or null when nothing changed.
   */
  async saveReport(body: SessionReport): Promise<number | null> {
    const saved = rows(
      z.object({ version: col.int }),
      await this.m.query(
        `WITH latest AS (SELECT version, body FROM session_reports WHERE session_id = $1 ORDER BY version DESC LIMIT 1),
       confirmed AS (
         UPDATE session_reports r SET confirmed_at = now() FROM latest
          WHERE r.session_id = $1 AND r.version = latest.version AND latest.body = $2::jsonb RETURNING r.version
       )
       INSERT INTO session_reports (session_id, version, body)
       SELECT $1, coalesce((SELECT version FROM latest), 0) + 1, $2::jsonb WHERE NOT EXISTS (SELECT 1 FROM confirmed)
       RETURNING version`,
        [this.session.id, JSON.stringify(body)],
      ),
    );
    return saved[0]?.version ?? null;
  }

  /** Answers of this session still waiting for a terminal grade (`queued` or `grading`). */
  async pendingGradings(): Promise<number> {
    const sql = `SELECT count(*)::int AS n FROM answer_gradings WHERE session_id = $1 AND status IN ('queued', 'grading')`;
    return firstRow(z.object({ n: col.int }), await this.m.query(sql, [this.session.id]))?.n ?? 0;
  }

  async hasReport(): Promise<boolean> {
    return rows(anyRow, await this.m.query(`SELECT 1 FROM session_reports WHERE session_id = $1 LIMIT 1`, [this.session.id])).length > 0;
  }

  /** The last `grade:status` said of an answer (null: none yet). */
  async lastGradeStatus(turnId: string): Promise<string | null> {
    const row = firstRow(
      z.object({ status: col.text }),
      await this.m.query(
        `SELECT payload->>'status' AS status FROM session_events
          WHERE session_id = $1 AND type = 'grade:status' AND payload->>'turnId' = $2 ORDER BY seq DESC LIMIT 1`,
        [this.session.id, turnId],
      ),
    );
    return row?.status ?? null;
  }

  /** Whether the session's report was already given up on (`session:report-failed` is in its event log). */
  async reportFailed(): Promise<boolean> {
    return (
      rows(
        anyRow,
        await this.m.query(`SELECT 1 FROM session_events WHERE session_id = $1 AND type = 'session:report-failed' LIMIT 1`, [this.session.id]),
      ).length > 0
    );
  }

  /** The answers whose grade the client was already sent (`grade:scored`): realistic mode holds them to the end. */
  async releasedGrades(): Promise<Set<string>> {
    const released = rows(
      z.object({ turn_id: col.uuid }),
      await this.m.query(`SELECT DISTINCT payload->>'turnId' AS turn_id FROM session_events WHERE session_id = $1 AND type = 'grade:scored'`, [
        this.session.id,
      ]),
    );
    return new Set(released.map((r) => r.turn_id));
  }
}

@Injectable()
export class SessionsRepository {
  private readonly host: TransactionHost;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.host = new TransactionHost(db);
  }

  async create(input: {
    candidateId: string;
    questionId: string;
    questionVersion: string;
    roleSlug: string;
    roleVersion: string;
    mode: SessionRow['mode'];
    phases: PlannedPhase[];
    phaseEndsAt: Date;
  }): Promise<SessionRow> {
    const [row] = rows(
      sessionRow,
      await this.db.query(
        `INSERT INTO interview_sessions (candidate_id, question_id, question_version, role_slug, role_version, mode, phases, phase_ends_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [
          input.candidateId,
          input.questionId,
          input.questionVersion,
          input.roleSlug,
          input.roleVersion,
          input.mode,
          JSON.stringify(input.phases),
          input.phaseEndsAt,
        ],
      ),
    );
    return row!;
  }

  /** Runs `fn` holding the session's row lock; null when the session does not exist. */
  inSession<T>(sessionId: string, fn: (tx: SessionTx) => Promise<T>): Promise<Locked<T> | null> {
    return this.locked(`SELECT s.* FROM interview_sessions s WHERE s.id = $1 FOR UPDATE`, sessionId, (tx) => fn(tx));
  }

  /**
   * Runs `fn` holding the row lock of the session an answer belongs to, with the answer's grading status
   * read in the same round trip; null when the answer (or its session) is gone.
   */
  inSessionOfAnswer<T>(turnId: string, fn: (tx: SessionTx, grading: GradingRow['status']) => Promise<T>): Promise<Locked<T> | null> {
    return this.locked(
      `SELECT s.*, a.status AS grading_status FROM answer_gradings a JOIN interview_sessions s ON s.id = a.session_id
       WHERE a.turn_id = $1 FOR UPDATE OF s`,
      turnId,
      (tx, result) => fn(tx, firstRow(withGradingStatus, result)!.grading_status),
    );
  }

  /** `fn` gets the lock query's result too, for the columns it adds to the session's. */
  private locked<T>(lockSql: string, id: string, fn: (tx: SessionTx, result: unknown) => Promise<T>): Promise<Locked<T> | null> {
    // Joins the caller's transaction when there is one (shared through TransactionHost), so another lib's service
    // called inside `fn` writes in the same commit.
    return this.host.transaction(async (m) => {
      const result: unknown = await m.query(lockSql, [id]);
      const session = firstRow(sessionRow, result);
      if (!session) return null;
      const tx = new SessionTx(m, session);
      return { result: await fn(tx, result), appended: tx.appended };
    });
  }

  /**
   * An answer's grading status, its session and the session's turns so far, read without a lock in one
   * round trip (the grader's first look).
   */
  async answerToGrade(turnId: string): Promise<{ session: SessionRow; status: GradingRow['status']; turns: GradingTurn[] } | null> {
    const result: unknown = await this.db.query(
      `SELECT s.*, a.status AS grading_status,
              ${SESSION_TURNS}
         FROM answer_gradings a JOIN interview_sessions s ON s.id = a.session_id WHERE a.turn_id = $1`,
      [turnId],
    );
    const session = firstRow(sessionRow, result);
    if (!session) return null;
    const more = firstRow(withGradingStatus.extend(withTurns.shape), result)!;
    return { session, status: more.grading_status, turns: more.turns };
  }

  /**
   * What the interviewer reads to reply to a candidate turn, without a lock in one round trip: the session,
   * its turns so far and every key point a stored grade covered.
   */
  async turnToReply(turnId: string): Promise<{ session: SessionRow; turns: GradingTurn[]; covered: string[] } | null> {
    const result: unknown = await this.db.query(
      `SELECT s.*,
              ${SESSION_TURNS},
              ARRAY(SELECT DISTINCT kp->>'id' FROM grades g JOIN session_turns t ON t.id = g.turn_id,
                      jsonb_array_elements(g.body->'keyPoints') kp
                    WHERE t.session_id = s.id AND kp->>'status' = 'covered') AS covered
         FROM session_turns c JOIN interview_sessions s ON s.id = c.session_id WHERE c.id = $1 AND c.speaker = 'candidate'`,
      [turnId],
    );
    const session = firstRow(sessionRow, result);
    if (!session) return null;
    const more = firstRow(withTurns.extend({ covered: col.textArray }), result)!;
    return { session, turns: more.turns, covered: more.covered };
  }

  async find(sessionId: string): Promise<SessionRow | null> {
    return firstRow(sessionRow, await this.db.query(`SELECT * FROM interview_sessions WHERE id = $1`, [sessionId]));
  }

  async listForCandidate(candidateId: string): Promise<SessionRow[]> {
    return rows(
      sessionRow,
      await this.db.query(`SELECT * FROM interview_sessions WHERE candidate_id = $1 ORDER BY started_at DESC LIMIT 200`, [candidateId]),
    );
  }

  async eventsAfter(sessionId: string, afterSeq: number, limit = 1000): Promise<ServerEvent[]> {
    return rows(
      eventRow,
      await this.db.query(`SELECT * FROM session_events WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [sessionId, afterSeq, limit]),
    );
  }

  async lastSeqs(sessionIds: string[]): Promise<Map<string, number>> {
    const found = rows(
      z.object({ id: col.uuid, last_seq: col.int }),
      await this.db.query(`SELECT id, last_seq FROM interview_sessions WHERE id = ANY($1::uuid[])`, [sessionIds]),
    );
    return new Map(found.map((r) => [r.id, r.last_seq]));
  }

  async turns(sessionId: string): Promise<TurnRow[]> {
    return rows(turnRow, await this.host.manager.query(`SELECT * FROM session_turns WHERE session_id = $1 ORDER BY seq`, [sessionId]));
  }

  async turn(turnId: string): Promise<TurnRow | null> {
    return firstRow(turnRow, await this.host.manager.query(`SELECT * FROM session_turns WHERE id = $1`, [turnId]));
  }

  async gradings(sessionId: string): Promise<GradingRow[]> {
    return rows(gradingRow, await this.db.query(`SELECT * FROM answer_gradings WHERE session_id = $1`, [sessionId]));
  }

  async grades(sessionId: string): Promise<StoredGrade[]> {
    return rows(
      gradeRow,
      await this.host.manager.query(
        `SELECT g.* FROM grades g JOIN session_turns t ON t.id = g.turn_id WHERE t.session_id = $1 ORDER BY t.seq, g.created_at`,
        [sessionId],
      ),
    );
  }

  async report(sessionId: string): Promise<StoredReport | null> {
    const row = firstRow(
      z.object({ body: storedReport }),
      await this.host.manager.query(`SELECT body FROM session_reports WHERE session_id = $1 ORDER BY version DESC LIMIT 1`, [sessionId]),
    );
    return row ? row.body : null;
  }

  /** Acknowledged answers whose grading has not finished within the bound: the reconciler re-enqueues them. */
  async stalledGradings(olderThan: Date, limit = 500): Promise<GradingRow[]> {
    return rows(
      gradingRow,
      await this.db.query(`SELECT * FROM answer_gradings WHERE status IN ('queued', 'grading') AND updated_at < $1 ORDER BY updated_at LIMIT $2`, [
        olderThan,
        limit,
      ]),
    );
  }

  /**
   * Questions of live sessions that have no reply yet though they were asked before `olderThan` (and after
   * `notBefore`: a question asked again and again may run out of new ways to be answered, and is left alone).
   */
  async unansweredQuestions(olderThan: Date, notBefore: Date, limit = 500): Promise<string[]> {
    const found = rows(
      idRow,
      await this.db.query(
        `SELECT t.id FROM session_turns t JOIN interview_sessions s ON s.id = t.session_id
        WHERE s.status = 'active' AND t.speaker = 'candidate' AND t.kind = 'question' AND t.created_at < $1 AND t.created_at > $2
          AND NOT EXISTS (SELECT 1 FROM session_turns r WHERE r.session_id = t.session_id AND r.line_key = 'reply:' || t.id::text)
        LIMIT $3`,
        [olderThan, notBefore, limit],
      ),
    );
    return found.map((r) => r.id);
  }

  /** Live sessions, the soonest deadline first: the reconciler checks that each has its deadline job. */
  async activeSessions(limit = 500): Promise<SessionRow[]> {
    return rows(sessionRow, await this.db.query(`SELECT * FROM interview_sessions WHERE status = 'active' ORDER BY phase_ends_at LIMIT $1`, [limit]));
  }

  /**
   * Ended sessions with a report older than a grade that settled (scored or failed) after it was built or last
   * confirmed, within [since, before): the rebuild that grade asked for was lost. Each with that settle time.
   */
  async staleReports(since: Date, before: Date, limit = 500): Promise<{ sessionId: string; settledAt: Date }[]> {
    const found = rows(
      z.object({ session_id: col.uuid, settled_at: col.time }),
      await this.db.query(
        `SELECT a.session_id, max(a.updated_at) AS settled_at
         FROM answer_gradings a JOIN interview_sessions s ON s.id = a.session_id AND s.status = 'ended'
        WHERE a.status IN ('scored', 'failed') AND a.updated_at >= $1 AND a.updated_at < $2
          AND a.updated_at > (SELECT max(r.confirmed_at) FROM session_reports r WHERE r.session_id = a.session_id)
        GROUP BY a.session_id LIMIT $3`,
        [since, before, limit],
      ),
    );
    return found.map((r) => ({ sessionId: r.session_id, settledAt: r.settled_at }));
  }

  async endedWithoutReport(limit = 500): Promise<string[]> {
    const found = rows(
      idRow,
      await this.db.query(
        `SELECT s.id FROM interview_sessions s LEFT JOIN session_reports r ON r.session_id = s.id
       WHERE s.status = 'ended' AND r.session_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM session_events e WHERE e.session_id = s.id AND e.type = 'session:report-failed')
         -- Still being graded or run: the last grading or run to settle queues the build (their own re-drives cover them).
         AND NOT EXISTS (SELECT 1 FROM answer_gradings a WHERE a.session_id = s.id AND a.status IN ('queued', 'grading'))
         AND NOT EXISTS (SELECT 1 FROM code_runs c WHERE c.session_id = s.id AND c.state <> 'done')
       LIMIT $1`,
        [limit],
      ),
    );
    return found.map((r) => r.id);
  }
}
