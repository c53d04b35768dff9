import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { col, firstRow, rows } from '#libs/db';
import { CODE_LANGUAGES, type CodeLanguageName } from '#libs/protocol';
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

const snapshotColumns = {
  id: col.uuid,
  session_id: col.uuid,
  client_id: col.text,
  phase_id: col.text,
  language: z.enum(CODE_LANGUAGES),
  code: col.text,
};
const toSnapshot = (r: z.output<z.ZodObject<typeof snapshotColumns>> & { created_at: Date }): CodeSnapshotRow => ({
  id: r.id,
  sessionId: r.session_id,
  clientId: r.client_id,
  phaseId: r.phase_id,
  language: r.language,
  code: r.code,
  createdAt: r.created_at,
});
const snapshotRow = z.object({ ...snapshotColumns, created_at: col.time }).transform(toSnapshot);
/** A snapshot as `row_to_json` gives it (its time as an ISO string). */
const snapshotJson = z.object({ ...snapshotColumns, created_at: z.coerce.date() }).transform(toSnapshot);

const runRow = z
  .object({
    id: col.uuid,
    session_id: col.uuid,
    client_id: col.text,
    kind: z.enum(['run', 'submit']),
    snapshot_id: col.uuid,
    phase_id: col.text,
    input: col.text.nullable(),
    state: z.enum(['queued', 'running', 'done']),
    status: col.text.nullable(),
    result: col.json<unknown>().nullable(),
    created_at: col.time,
    finished_at: col.time.nullable(),
  })
  .transform((r): CodeRunRow => ({
    id: r.id,
    sessionId: r.session_id,
    clientId: r.client_id,
    kind: r.kind,
    snapshotId: r.snapshot_id,
    phaseId: r.phase_id,
    input: r.input,
    state: r.state,
    status: r.status,
    result: r.result,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  }));
const runWithSnapshot = z.object({ snapshot: snapshotJson });
const countRow = z.object({ n: col.int });
const idRow = z.object({ id: col.uuid });

/** Snapshots and runs of live coding sessions. Writes that emit events run inside the session's transaction. */
@Injectable()
export class CodeRunsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async snapshotByClientId(tx: SessionTx, clientId: string): Promise<CodeSnapshotRow | null> {
    return firstRow(snapshotRow, await tx.sql(`SELECT * FROM code_snapshots WHERE session_id = $1 AND client_id = $2`, [tx.session.id, clientId]));
  }

  async latestSnapshot(tx: SessionTx): Promise<CodeSnapshotRow | null> {
    return firstRow(
      snapshotRow,
      await tx.sql(`SELECT * FROM code_snapshots WHERE session_id = $1 ORDER BY created_at DESC LIMIT 1`, [tx.session.id]),
    );
  }

  async insertSnapshot(tx: SessionTx, s: Pick<CodeSnapshotRow, 'clientId' | 'phaseId' | 'language' | 'code'>): Promise<CodeSnapshotRow> {
    const [row] = rows(
      snapshotRow,
      await tx.sql(`INSERT INTO code_snapshots (session_id, client_id, phase_id, language, code) VALUES ($1, $2, $3, $4, $5) RETURNING *`, [
        tx.session.id,
        s.clientId,
        s.phaseId,
        s.language,
        s.code,
      ]),
    );
    return row!;
  }

  async runByClientId(tx: SessionTx, clientId: string): Promise<CodeRunRow | null> {
    return firstRow(runRow, await tx.sql(`SELECT * FROM code_runs WHERE session_id = $1 AND client_id = $2`, [tx.session.id, clientId]));
  }

  async insertRun(tx: SessionTx, r: Pick<CodeRunRow, 'clientId' | 'kind' | 'snapshotId' | 'phaseId' | 'input'>): Promise<CodeRunRow> {
    const [row] = rows(
      runRow,
      await tx.sql(`INSERT INTO code_runs (session_id, client_id, kind, snapshot_id, phase_id, input) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`, [
        tx.session.id,
        r.clientId,
        r.kind,
        r.snapshotId,
        r.phaseId,
        r.input,
      ]),
    );
    return row!;
  }

  /**
   * Runs of this user (any session) not finished yet, counted under a per-user transaction lock so two
   * concurrent requests cannot both pass the cap.
   */
  async lockUnfinishedOfUser(tx: SessionTx, userId: string): Promise<number> {
    await tx.sql(`SELECT pg_advisory_xact_lock(hashtextextended('code-runs:' || $1, 0))`, [userId]);
    const row = firstRow(
      countRow,
      await tx.sql(
        `SELECT count(*)::int AS n FROM code_runs r JOIN interview_sessions s ON s.id = r.session_id
         WHERE s.candidate_id = $1 AND r.state <> 'done'`,
        [userId],
      ),
    );
    return row?.n ?? 0;
  }

  /** Stores the result once; false when another attempt already did. */
  async finishRun(tx: SessionTx, runId: string, status: string, result: unknown): Promise<boolean> {
    const finished = rows(
      idRow,
      await tx.sql(
        `UPDATE code_runs SET state = 'done', status = $2, result = $3, finished_at = clock_timestamp()
         WHERE id = $1 AND state <> 'done' RETURNING id`,
        [runId, status, JSON.stringify(result)],
      ),
    );
    return finished.length > 0;
  }

  async markRunning(runId: string): Promise<void> {
    await this.db.query(`UPDATE code_runs SET state = 'running' WHERE id = $1 AND state = 'queued'`, [runId]);
  }

  async run(runId: string): Promise<{ run: CodeRunRow; snapshot: CodeSnapshotRow } | null> {
    const result: unknown = await this.db.query(
      `SELECT r.*, row_to_json(s.*) AS snapshot FROM code_runs r JOIN code_snapshots s ON s.id = r.snapshot_id WHERE r.id = $1`,
      [runId],
    );
    const run = firstRow(runRow, result);
    return run && { run, snapshot: firstRow(runWithSnapshot, result)!.snapshot };
  }

  async snapshots(sessionId: string): Promise<CodeSnapshotRow[]> {
    return rows(snapshotRow, await this.db.query(`SELECT * FROM code_snapshots WHERE session_id = $1 ORDER BY created_at, id`, [sessionId]));
  }

  async runs(sessionId: string): Promise<CodeRunRow[]> {
    return rows(runRow, await this.db.query(`SELECT * FROM code_runs WHERE session_id = $1 ORDER BY created_at, id`, [sessionId]));
  }

  /**
   * The code that is graded: the last finished submission (hidden tests included), or without one the last
   * finished run. `submittedOnly` keeps submissions alone (the report's correctness). A run on the candidate's own
   * input tested nothing: it is never the graded one.
   */
  async gradedRun(sessionId: string, submittedOnly = false): Promise<{ run: CodeRunRow; snapshot: CodeSnapshotRow } | null> {
    const row = firstRow(
      idRow,
      await this.db.query(
        `SELECT id FROM code_runs WHERE session_id = $1 AND state = 'done' AND input IS NULL AND ($2::boolean = false OR kind = 'submit')
         ORDER BY (kind = 'submit') DESC, created_at DESC LIMIT 1`,
        [sessionId, submittedOnly],
      ),
    );
    return row ? this.run(row.id) : null;
  }

  /** Runs of the session not finished yet and created after `since` (the report waits for them, not forever). */
  async pendingCount(sessionId: string, since: Date): Promise<number> {
    const row = firstRow(
      countRow,
      await this.db.query(`SELECT count(*)::int AS n FROM code_runs WHERE session_id = $1 AND state <> 'done' AND created_at > $2`, [
        sessionId,
        since,
      ]),
    );
    return row?.n ?? 0;
  }

  /** Runs acknowledged but unfinished past the bound: their job was lost (Redis restart, enqueue failure). */
  async stalledRuns(olderThan: Date, limit = 500): Promise<string[]> {
    const stalled = rows(
      idRow,
      await this.db.query(`SELECT id FROM code_runs WHERE state <> 'done' AND created_at < $1 ORDER BY created_at LIMIT $2`, [olderThan, limit]),
    );
    return stalled.map((r) => r.id);
  }
}
