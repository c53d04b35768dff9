import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ServerEvent, ServerEventPayloads, ServerEventType } from '#libs/protocol';
import type { GradingRow, PlannedPhase, SessionRow, StoredGrade, TurnRow } from './session.types.js';
import { toEvent, toGrading, toGrade, toSession, toTurn, type Raw } from './session-rows.js';

/** What a locked transaction returned, and the events it appended (to publish after commit). */
export interface Locked<T> {
  result: T;
  appended: ServerEvent[];
}

/** An event to append: its seq and time are the log's. */
export type NewEvent = { [T in ServerEventType]: { type: T; payload: ServerEventPayloads[T] } }[ServerEventType];

/** TypeORM's postgres driver answers UPDATE … RETURNING with `[rows, affected]`. */
function updated<T>(result: unknown): T[] {
  return (result as [T[], number])[0];
}

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
    const [seq] = await this.appendEvents([{ type, payload } as NewEvent]);
    return seq!;
  }

  /** For sibling repositories (code runs) whose writes belong to this same transaction. */
  async sql(query: string, params: unknown[]): Promise<Raw[]> {
    return (await this.m.query(query, params)) as Raw[];
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
    const rows = (await this.m.query(turn ? APPEND_WITH_TURN : APPEND, params)) as { seq: number; at: Date }[];
    rows.sort((a, b) => a.seq - b.seq);
    rows.forEach((row, i) => {
      this.appended.push({
        ...events[i]!.payload,
        sessionId: this.session.id,
        seq: row.seq,
        type: events[i]!.type,
        at: row.at.toISOString(),
      } as ServerEvent);
    });
    this.session.lastSeq = rows.at(-1)!.seq;
    return rows.map((r) => r.seq);
  }

  async findTurnByClientId(clientId: string): Promise<TurnRow | null> {
    const rows = (await this.m.query(`SELECT * FROM session_turns WHERE session_id = $1 AND client_id = $2`, [
      this.session.id,
      clientId,
    ])) as Raw[];
    return rows[0] ? toTurn(rows[0]) : null;
  }

  /** Whether the interviewer already said the line with this key (a reply, a nudge) in this session. */
  async hasLine(lineKey: string): Promise<boolean> {
    const rows = (await this.m.query(`SELECT 1 FROM session_turns WHERE session_id = $1 AND line_key = $2`, [this.session.id, lineKey])) as Raw[];
    return rows.length > 0;
  }

  async grading(turnId: string): Promise<GradingRow | null> {
    const rows = (await this.m.query(`SELECT * FROM answer_gradings WHERE turn_id = $1 AND session_id = $2`, [
      turnId,
      this.session.id,
    ])) as Raw[];
    return rows[0] ? toGrading(rows[0]) : null;
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
    const rows = updated<Raw>(
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
    return rows.length > 0;
  }

  async moveToPhase(index: number, endsAt: Date): Promise<void> {
    await this.m.query(`UPDATE interview_sessions SET phase_index = $2, phase_ends_at = $3 WHERE id = $1`, [
      this.session.id,
      index,
      endsAt,
    ]);
    this.session.phaseIndex = index;
    this.session.phaseEndsAt = endsAt;
  }

  async end(reason: 'candidate' | 'clock'): Promise<void> {
    const [row] = updated<{ ended_at: Date }>(
      await this.m.query(
        `UPDATE interview_sessions SET status = 'ended', ended_at = now(), end_reason = $2 WHERE id = $1 RETURNING ended_at`,
        [this.session.id, reason],
      ),
    );
    this.session.status = 'ended';
    this.session.endedAt = row!.ended_at;
    this.session.endReason = reason;
  }

  /**
   * Stores the report as the session's next version, unless it equals the latest one (a duplicated or repeated
   * build), which is then only marked confirmed now. Returns the new version, or null when nothing changed.
   */
  async saveReport(body: unknown): Promise<number | null> {
    const rows = (await this.m.query(
      `WITH latest AS (SELECT version, body FROM session_reports WHERE session_id = $1 ORDER BY version DESC LIMIT 1),
       confirmed AS (
         UPDATE session_reports r SET confirmed_at = now() FROM latest
          WHERE r.session_id = $1 AND r.version = latest.version AND latest.body = $2::jsonb RETURNING r.version
       )
       INSERT INTO session_reports (session_id, version, body)
       SELECT $1, coalesce((SELECT version FROM latest), 0) + 1, $2::jsonb WHERE NOT EXISTS (SELECT 1 FROM confirmed)
       RETURNING version`,
      [this.session.id, JSON.stringify(body)],
    )) as { version: number }[];
    return rows[0]?.version ?? null;
  }

  async hasReport(): Promise<boolean> {
    const rows = (await this.m.query(`SELECT 1 FROM session_reports WHERE session_id = $1 LIMIT 1`, [this.session.id])) as Raw[];
    return rows.length > 0;
  }

  /** The last `grade:status` said of an answer (null: none yet). */
  async lastGradeStatus(turnId: string): Promise<string | null> {
    const [row] = (await this.m.query(
      `SELECT payload->>'status' AS status FROM session_events
        WHERE session_id = $1 AND type = 'grade:status' AND payload->>'turnId' = $2 ORDER BY seq DESC LIMIT 1`,
      [this.session.id, turnId],
    )) as { status: string }[];
    return row?.status ?? null;
  }

  /** Whether the session's report was already given up on (`session:report-failed` is in its event log). */
  async reportFailed(): Promise<boolean> {
    const rows = (await this.m.query(`SELECT 1 FROM session_events WHERE session_id = $1 AND type = 'session:report-failed' LIMIT 1`, [this.session.id])) as Raw[];
    return rows.length > 0;
  }

  /** The answers whose grade the client was already sent (`grade:scored`): realistic mode holds them to the end. */
  async releasedGrades(): Promise<Set<string>> {
    const rows = (await this.m.query(
      `SELECT DISTINCT payload->>'turnId' AS turn_id FROM session_events WHERE session_id = $1 AND type = 'grade:scored'`,
      [this.session.id],
    )) as { turn_id: string }[];
    return new Set(rows.map((r) => r.turn_id));
  }
}

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
    const [row] = (await this.db.query(
      `INSERT INTO interview_sessions (candidate_id, question_id, question_version, role_slug, role_version, mode, phases, phase_ends_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [input.candidateId, input.questionId, input.questionVersion, input.roleSlug, input.roleVersion, input.mode, JSON.stringify(input.phases), input.phaseEndsAt],
    )) as Raw[];
    return toSession(row!);
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
      (tx, row) => fn(tx, row.grading_status as GradingRow['status']),
    );
  }

  private locked<T>(lockSql: string, id: string, fn: (tx: SessionTx, row: Raw) => Promise<T>): Promise<Locked<T> | null> {
    return this.db.transaction(async (m) => {
      const [row] = (await m.query(lockSql, [id])) as Raw[];
      if (!row) return null;
      const tx = new SessionTx(m, toSession(row));
      const result = await fn(tx, row);
      return { result, appended: tx.appended };
    });
  }

  /**
   * An answer's grading status, its session and the session's turns so far, read without a lock in one
   * round trip (the grader's first look).
   */
  async answerToGrade(turnId: string): Promise<{ session: SessionRow; status: GradingRow['status']; turns: GradingTurn[] } | null> {
    const [row] = (await this.db.query(
      `SELECT s.*, a.status AS grading_status,
              ${SESSION_TURNS}
         FROM answer_gradings a JOIN interview_sessions s ON s.id = a.session_id WHERE a.turn_id = $1`,
      [turnId],
    )) as Raw[];
    if (!row) return null;
    return { session: toSession(row), status: row.grading_status as GradingRow['status'], turns: row.turns as GradingTurn[] };
  }

  /**
   * What the interviewer reads to reply to a candidate turn, without a lock in one round trip: the session,
   * its turns so far and every key point a stored grade covered.
   */
  async turnToReply(turnId: string): Promise<{ session: SessionRow; turns: GradingTurn[]; covered: string[] } | null> {
    const [row] = (await this.db.query(
      `SELECT s.*,
              ${SESSION_TURNS},
              ARRAY(SELECT DISTINCT kp->>'id' FROM grades g JOIN session_turns t ON t.id = g.turn_id,
                      jsonb_array_elements(g.body->'keyPoints') kp
                    WHERE t.session_id = s.id AND kp->>'status' = 'covered') AS covered
         FROM session_turns c JOIN interview_sessions s ON s.id = c.session_id WHERE c.id = $1 AND c.speaker = 'candidate'`,
      [turnId],
    )) as Raw[];
    if (!row) return null;
    return { session: toSession(row), turns: row.turns as GradingTurn[], covered: row.covered as string[] };
  }

  async find(sessionId: string): Promise<SessionRow | null> {
    const rows = (await this.db.query(`SELECT * FROM interview_sessions WHERE id = $1`, [sessionId])) as Raw[];
    return rows[0] ? toSession(rows[0]) : null;
  }

  /** The access policy's one question about coaches (the assignments themselves are managed by libs/review). */
  async isCoachOf(coachId: string, candidateId: string): Promise<boolean> {
    const rows = (await this.db.query(`SELECT 1 FROM coach_assignments WHERE coach_id = $1 AND candidate_id = $2`, [coachId, candidateId])) as Raw[];
    return rows.length > 0;
  }

  async listForCandidate(candidateId: string): Promise<SessionRow[]> {
    const rows = (await this.db.query(
      `SELECT * FROM interview_sessions WHERE candidate_id = $1 ORDER BY started_at DESC LIMIT 200`,
      [candidateId],
    )) as Raw[];
    return rows.map(toSession);
  }

  async eventsAfter(sessionId: string, afterSeq: number, limit = 1000): Promise<ServerEvent[]> {
    const rows = (await this.db.query(
      `SELECT * FROM session_events WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [sessionId, afterSeq, limit],
    )) as Raw[];
    return rows.map(toEvent);
  }

  async lastSeqs(sessionIds: string[]): Promise<Map<string, number>> {
    const rows = (await this.db.query(`SELECT id, last_seq FROM interview_sessions WHERE id = ANY($1::uuid[])`, [sessionIds])) as {
      id: string;
      last_seq: number;
    }[];
    return new Map(rows.map((r) => [r.id, r.last_seq]));
  }

  async turns(sessionId: string): Promise<TurnRow[]> {
    const rows = (await this.db.query(`SELECT * FROM session_turns WHERE session_id = $1 ORDER BY seq`, [sessionId])) as Raw[];
    return rows.map(toTurn);
  }

  async turn(turnId: string): Promise<TurnRow | null> {
    const rows = (await this.db.query(`SELECT * FROM session_turns WHERE id = $1`, [turnId])) as Raw[];
    return rows[0] ? toTurn(rows[0]) : null;
  }

  async gradings(sessionId: string): Promise<GradingRow[]> {
    const rows = (await this.db.query(`SELECT * FROM answer_gradings WHERE session_id = $1`, [sessionId])) as Raw[];
    return rows.map(toGrading);
  }

  async grades(sessionId: string): Promise<StoredGrade[]> {
    const rows = (await this.db.query(
      `SELECT g.* FROM grades g JOIN session_turns t ON t.id = g.turn_id WHERE t.session_id = $1 ORDER BY t.seq, g.created_at`,
      [sessionId],
    )) as Raw[];
    return rows.map(toGrade);
  }

  async report(sessionId: string): Promise<unknown | null> {
    const rows = (await this.db.query(`SELECT body FROM session_reports WHERE session_id = $1 ORDER BY version DESC LIMIT 1`, [sessionId])) as Raw[];
    return rows[0] ? rows[0].body : null;
  }

  /** Acknowledged answers whose grading has not finished within the bound: the reconciler re-enqueues them. */
  async stalledGradings(olderThan: Date, limit = 500): Promise<GradingRow[]> {
    const rows = (await this.db.query(
      `SELECT * FROM answer_gradings WHERE status IN ('queued', 'grading') AND updated_at < $1 ORDER BY updated_at LIMIT $2`,
      [olderThan, limit],
    )) as Raw[];
    return rows.map(toGrading);
  }

  /**
   * Questions of live sessions that have no reply yet though they were asked before `olderThan` (and after
   * `notBefore`: a question asked again and again may run out of new ways to be answered, and is left alone).
   */
  async unansweredQuestions(olderThan: Date, notBefore: Date, limit = 500): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT t.id FROM session_turns t JOIN interview_sessions s ON s.id = t.session_id
        WHERE s.status = 'active' AND t.speaker = 'candidate' AND t.kind = 'question' AND t.created_at < $1 AND t.created_at > $2
          AND NOT EXISTS (SELECT 1 FROM session_turns r WHERE r.session_id = t.session_id AND r.line_key = 'reply:' || t.id::text)
        LIMIT $3`,
      [olderThan, notBefore, limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Live sessions, the soonest deadline first: the reconciler checks that each has its deadline job. */
  async activeSessions(limit = 500): Promise<SessionRow[]> {
    const rows = (await this.db.query(`SELECT * FROM interview_sessions WHERE status = 'active' ORDER BY phase_ends_at LIMIT $1`, [limit])) as Raw[];
    return rows.map(toSession);
  }

  /**
   * Ended sessions with a report older than a grade that settled (scored or failed) after it was built or last
   * confirmed, within [since, before): the rebuild that grade asked for was lost. Each with that settle time.
   */
  async staleReports(since: Date, before: Date, limit = 500): Promise<{ sessionId: string; settledAt: Date }[]> {
    const rows = (await this.db.query(
      `SELECT a.session_id, max(a.updated_at) AS settled_at
         FROM answer_gradings a JOIN interview_sessions s ON s.id = a.session_id AND s.status = 'ended'
        WHERE a.status IN ('scored', 'failed') AND a.updated_at >= $1 AND a.updated_at < $2
          AND a.updated_at > (SELECT max(r.confirmed_at) FROM session_reports r WHERE r.session_id = a.session_id)
        GROUP BY a.session_id LIMIT $3`,
      [since, before, limit],
    )) as { session_id: string; settled_at: Date }[];
    return rows.map((r) => ({ sessionId: r.session_id, settledAt: r.settled_at }));
  }

  async endedWithoutReport(limit = 500): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT s.id FROM interview_sessions s LEFT JOIN session_reports r ON r.session_id = s.id
       WHERE s.status = 'ended' AND r.session_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM session_events e WHERE e.session_id = s.id AND e.type = 'session:report-failed')
       LIMIT $1`,
      [limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
