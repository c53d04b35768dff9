import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ServerEvent, ServerEventPayloads, ServerEventType } from '#libs/protocol';
import type { GradingRow, PlannedPhase, SessionRow, StoredGrade, TurnRow } from './session.types.js';
import { toEvent, toGrading, toGrade, toSession, toTurn, type Raw } from './session-rows.js';

/** Read inside a session transaction (the worker) and outside one (the HTTP views). */
const TURNS_SQL = `SELECT * FROM session_turns WHERE session_id = $1 ORDER BY seq`;
const GRADES_SQL = `SELECT g.* FROM grades g JOIN session_turns t ON t.id = g.turn_id WHERE t.session_id = $1 ORDER BY t.seq, g.created_at`;

/** TypeORM's postgres driver answers UPDATE … RETURNING with `[rows, affected]`. */
function updated<T>(result: unknown): T[] {
  return (result as [T[], number])[0];
}

/**
 * Everything a session changes happens inside `inSession`: one transaction holding the session's row lock,
 * so sequence numbers, phases and turns change in one order. Events appended there become visible
 * (and are published by the caller) only after commit.
 */
export class SessionTx {
  readonly appended: number[] = [];

  constructor(
    private readonly m: EntityManager,
    public session: SessionRow,
  ) {}

  async appendEvent<T extends ServerEventType>(type: T, payload: ServerEventPayloads[T]): Promise<number> {
    // One round trip: take the next seq under the row lock we hold and write the event with it.
    const [row] = (await this.m.query(
      `WITH next AS (UPDATE interview_sessions SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq)
       INSERT INTO session_events (session_id, seq, type, payload) SELECT $1, last_seq, $2, $3 FROM next RETURNING seq`,
      [this.session.id, type, JSON.stringify(payload)],
    )) as { seq: number }[];
    const seq = row!.seq;
    this.session.lastSeq = seq;
    this.appended.push(seq);
    return seq;
  }

  async turns(): Promise<TurnRow[]> {
    const rows = (await this.m.query(TURNS_SQL, [this.session.id])) as Raw[];
    return rows.map(toTurn);
  }

  async grades(): Promise<StoredGrade[]> {
    const rows = (await this.m.query(
      GRADES_SQL,
      [this.session.id],
    )) as Raw[];
    return rows.map(toGrade);
  }

  async findTurnByClientId(clientId: string): Promise<TurnRow | null> {
    const rows = (await this.m.query(`SELECT * FROM session_turns WHERE session_id = $1 AND client_id = $2`, [
      this.session.id,
      clientId,
    ])) as Raw[];
    return rows[0] ? toTurn(rows[0]) : null;
  }

  /** The turn id is chosen first so its events can name it; the turn row takes the seq of its first event. */
  async insertTurn(turn: Omit<TurnRow, 'createdAt' | 'sessionId'>): Promise<void> {
    await this.m.query(
      `INSERT INTO session_turns (id, session_id, seq, phase_id, speaker, client_id, text, reason, key_point_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [turn.id, this.session.id, turn.seq, turn.phaseId, turn.speaker, turn.clientId, turn.text, turn.reason, turn.keyPointId],
    );
  }

  async insertGradingIntent(turnId: string): Promise<void> {
    await this.m.query(`INSERT INTO answer_gradings (turn_id, session_id) VALUES ($1, $2)`, [turnId, this.session.id]);
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

  /** Stores a grade once per (turn, rubric version, prompt version); false when it was already there. */
  async insertGrade(grade: Omit<StoredGrade, 'id' | 'createdAt'>): Promise<boolean> {
    const rows = (await this.m.query(
      `INSERT INTO grades (turn_id, rubric_version, prompt_version, grader, model, overall, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (turn_id, rubric_version, prompt_version) DO NOTHING RETURNING id`,
      [grade.turnId, grade.rubricVersion, grade.promptVersion, grade.grader, grade.model, grade.overall, JSON.stringify(grade.body)],
    )) as Raw[];
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

  async saveReport(body: unknown): Promise<boolean> {
    const rows = (await this.m.query(
      `INSERT INTO session_reports (session_id, body) VALUES ($1, $2) ON CONFLICT (session_id) DO NOTHING RETURNING session_id`,
      [this.session.id, JSON.stringify(body)],
    )) as Raw[];
    return rows.length > 0;
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
  async inSession<T>(sessionId: string, fn: (tx: SessionTx) => Promise<T>): Promise<{ result: T; appended: number[] } | null> {
    return this.db.transaction(async (m) => {
      const rows = (await m.query(`SELECT * FROM interview_sessions WHERE id = $1 FOR UPDATE`, [sessionId])) as Raw[];
      if (!rows[0]) return null;
      const tx = new SessionTx(m, toSession(rows[0]));
      const result = await fn(tx);
      return { result, appended: tx.appended };
    });
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
    const rows = (await this.db.query(TURNS_SQL, [sessionId])) as Raw[];
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
      GRADES_SQL,
      [sessionId],
    )) as Raw[];
    return rows.map(toGrade);
  }

  async report(sessionId: string): Promise<unknown | null> {
    const rows = (await this.db.query(`SELECT body FROM session_reports WHERE session_id = $1`, [sessionId])) as Raw[];
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

  async overdueSessions(now: Date, limit = 500): Promise<SessionRow[]> {
    const rows = (await this.db.query(
      `SELECT * FROM interview_sessions WHERE status = 'active' AND phase_ends_at < $1 ORDER BY phase_ends_at LIMIT $2`,
      [now, limit],
    )) as Raw[];
    return rows.map(toSession);
  }

  async endedWithoutReport(limit = 500): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT s.id FROM interview_sessions s LEFT JOIN session_reports r ON r.session_id = s.id
       WHERE s.status = 'ended' AND r.session_id IS NULL LIMIT $1`,
      [limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
