import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CodeLanguageName } from '#libs/protocol';
import type { Raw } from './session-rows.js';
import type { SessionTx } from './sessions.repository.js';

export interface CodeSnapshotRow {
  id: string;
  sessionId: string;
  clientId: string;
  phaseId: string;
  language: CodeLanguageName;
  code: string;
  createdAt: Date;
}

export interface CodeRunRow {
  id: string;
  sessionId: string;
  clientId: string;
  kind: 'run' | 'submit';
  snapshotId: string;
  phaseId: string;
  /** A run on the candidate's own input: the text as typed (null for test runs and submissions). */
  input: string | null;
  state: 'queued' | 'running' | 'done';
  status: string | null;
  /** The full result (hidden tests included): server-side only. */
  result: unknown;
  createdAt: Date;
  finishedAt: Date | null;
}

const toSnapshot = (r: Raw): CodeSnapshotRow => ({
  id: r.id as string,
  sessionId: r.session_id as string,
  clientId: r.client_id as string,
  phaseId: r.phase_id as string,
  language: r.language as CodeLanguageName,
  code: r.code as string,
  createdAt: r.created_at as Date,
});

const toRun = (r: Raw): CodeRunRow => ({
  id: r.id as string,
  sessionId: r.session_id as string,
  clientId: r.client_id as string,
  kind: r.kind as CodeRunRow['kind'],
  snapshotId: r.snapshot_id as string,
  phaseId: r.phase_id as string,
  input: (r.input as string | null | undefined) ?? null,
  state: r.state as CodeRunRow['state'],
  status: (r.status as string | null) ?? null,
  result: r.result ?? null,
  createdAt: r.created_at as Date,
  finishedAt: (r.finished_at as Date | null) ?? null,
});

/** Snapshots and runs of live coding sessions. Writes that emit events run inside the session's transaction. */
@Injectable()
export class CodeRunsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async snapshotByClientId(tx: SessionTx, clientId: string): Promise<CodeSnapshotRow | null> {
    const [row] = await tx.sql(`SELECT * FROM code_snapshots WHERE session_id = $1 AND client_id = $2`, [tx.session.id, clientId]);
    return row ? toSnapshot(row) : null;
  }

  async latestSnapshot(tx: SessionTx): Promise<CodeSnapshotRow | null> {
    const [row] = await tx.sql(`SELECT * FROM code_snapshots WHERE session_id = $1 ORDER BY created_at DESC LIMIT 1`, [tx.session.id]);
    return row ? toSnapshot(row) : null;
  }

  async insertSnapshot(tx: SessionTx, s: Pick<CodeSnapshotRow, 'clientId' | 'phaseId' | 'language' | 'code'>): Promise<CodeSnapshotRow> {
    const [row] = await tx.sql(
      `INSERT INTO code_snapshots (session_id, client_id, phase_id, language, code) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [tx.session.id, s.clientId, s.phaseId, s.language, s.code],
    );
    return toSnapshot(row!);
  }

  async runByClientId(tx: SessionTx, clientId: string): Promise<CodeRunRow | null> {
    const [row] = await tx.sql(`SELECT * FROM code_runs WHERE session_id = $1 AND client_id = $2`, [tx.session.id, clientId]);
    return row ? toRun(row) : null;
  }

  async insertRun(tx: SessionTx, r: Pick<CodeRunRow, 'clientId' | 'kind' | 'snapshotId' | 'phaseId' | 'input'>): Promise<CodeRunRow> {
    const [row] = await tx.sql(
      `INSERT INTO code_runs (session_id, client_id, kind, snapshot_id, phase_id, input) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [tx.session.id, r.clientId, r.kind, r.snapshotId, r.phaseId, r.input],
    );
    return toRun(row!);
  }

  /**
   * Runs of this user (any session) not finished yet, counted under a per-user transaction lock so two
   * concurrent requests cannot both pass the cap.
   */
  async lockUnfinishedOfUser(tx: SessionTx, userId: string): Promise<number> {
    await tx.sql(`SELECT pg_advisory_xact_lock(hashtextextended('code-runs:' || $1, 0))`, [userId]);
    const [row] = await tx.sql(
      `SELECT count(*)::int AS n FROM code_runs r JOIN interview_sessions s ON s.id = r.session_id
       WHERE s.candidate_id = $1 AND r.state <> 'done'`,
      [userId],
    );
    return (row?.n as number | undefined) ?? 0;
  }

  /** Stores the result once; false when another attempt already did. */
  async finishRun(tx: SessionTx, runId: string, status: string, result: unknown): Promise<boolean> {
    const rows = await tx.sql(
      `UPDATE code_runs SET state = 'done', status = $2, result = $3, finished_at = clock_timestamp()
       WHERE id = $1 AND state <> 'done' RETURNING id`,
      [runId, status, JSON.stringify(result)],
    );
    return rows.length > 0;
  }

  async markRunning(runId: string): Promise<void> {
    await this.db.query(`UPDATE code_runs SET state = 'running' WHERE id = $1 AND state = 'queued'`, [runId]);
  }

  async run(runId: string): Promise<{ run: CodeRunRow; snapshot: CodeSnapshotRow } | null> {
    const rows = (await this.db.query(
      `SELECT r.*, row_to_json(s.*) AS snapshot FROM code_runs r JOIN code_snapshots s ON s.id = r.snapshot_id WHERE r.id = $1`,
      [runId],
    )) as Raw[];
    const row = rows[0];
    if (!row) return null;
    const s = row.snapshot as Raw;
    return { run: toRun(row), snapshot: toSnapshot({ ...s, created_at: new Date(s.created_at as string) }) };
  }

  async snapshots(sessionId: string): Promise<CodeSnapshotRow[]> {
    const rows = (await this.db.query(`SELECT * FROM code_snapshots WHERE session_id = $1 ORDER BY created_at, id`, [sessionId])) as Raw[];
    return rows.map(toSnapshot);
  }

  async runs(sessionId: string): Promise<CodeRunRow[]> {
    const rows = (await this.db.query(`SELECT * FROM code_runs WHERE session_id = $1 ORDER BY created_at, id`, [sessionId])) as Raw[];
    return rows.map(toRun);
  }

  /**
   * The code that is graded: the last finished submission (hidden tests included), or without one the last
   * finished run. `submittedOnly` keeps submissions alone (the report's correctness). A run on the candidate's own
   * input tested nothing: it is never the graded one.
   */
  async gradedRun(sessionId: string, submittedOnly = false): Promise<{ run: CodeRunRow; snapshot: CodeSnapshotRow } | null> {
    const [row] = (await this.db.query(
      `SELECT id FROM code_runs WHERE session_id = $1 AND state = 'done' AND input IS NULL AND ($2::boolean = false OR kind = 'submit')
       ORDER BY (kind = 'submit') DESC, created_at DESC LIMIT 1`,
      [sessionId, submittedOnly],
    )) as { id: string }[];
    return row ? this.run(row.id) : null;
  }

  /** Runs of the session not finished yet and created after `since` (the report waits for them, not forever). */
  async pendingCount(sessionId: string, since: Date): Promise<number> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS n FROM code_runs WHERE session_id = $1 AND state <> 'done' AND created_at > $2`,
      [sessionId, since],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /** Runs acknowledged but unfinished past the bound: their job was lost (Redis restart, enqueue failure). */
  async stalledRuns(olderThan: Date, limit = 500): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT id FROM code_runs WHERE state <> 'done' AND created_at < $1 ORDER BY created_at LIMIT $2`,
      [olderThan, limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
