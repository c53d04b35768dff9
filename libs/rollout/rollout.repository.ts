import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ADVISORY_LOCK_KEYS, AdvisoryLock } from '#libs/db';

export interface RolloutLimits {
  maxLiveSessions: number;
  sessionsPerUserPerDay: number;
  dailyTokenBudget: number;
}

export interface StoredRolloutSettings extends RolloutLimits {
  updatedBy: string | null;
  updatedAt: Date;
}

/** What the admission check reads, inside the admission lock. */
export interface AdmissionReader {
  liveSessions(): Promise<number>;
  sessionsStartedSince(userId: string, since: Date): Promise<number>;
  tokensUsedSince(since: Date): Promise<number>;
}

interface SettingsRow {
  max_live_sessions: number;
  sessions_per_user_per_day: number;
  daily_token_budget: string;
  updated_by: string | null;
  updated_at: Date;
}

@Injectable()
export class RolloutRepository {
  private readonly admission: AdvisoryLock;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.admission = new AdvisoryLock(db, ADVISORY_LOCK_KEYS.sessionAdmission);
  }

  async settings(): Promise<StoredRolloutSettings | null> {
    const rows: SettingsRow[] = await this.db.query(`SELECT * FROM rollout_settings WHERE id = 1`);
    return rows[0] ? toSettings(rows[0]) : null;
  }

  async saveSettings(limits: RolloutLimits, updatedBy: string): Promise<StoredRolloutSettings> {
    const rows: SettingsRow[] = await this.db.query(
      `INSERT INTO rollout_settings (id, max_live_sessions, sessions_per_user_per_day, daily_token_budget, updated_by, updated_at)
       VALUES (1, $1, $2, $3, $4, now())
       ON CONFLICT (id) DO UPDATE SET max_live_sessions = EXCLUDED.max_live_sessions,
         sessions_per_user_per_day = EXCLUDED.sessions_per_user_per_day, daily_token_budget = EXCLUDED.daily_token_budget,
         updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
       RETURNING *`,
      [limits.maxLiveSessions, limits.sessionsPerUserPerDay, limits.dailyTokenBudget, updatedBy],
    );
    return toSettings(rows[0]!);
  }

  /**
   * Runs `fn` while holding the service-wide admission lock (a transaction-scoped advisory lock), so the
   * counts `fn` reads cannot change under it from another admission until `fn` (which creates the session,
   * committed on its own connection) returns. The lock goes with the transaction, also when a process dies.
   */
  withAdmissionLock<T>(fn: (reader: AdmissionReader) => Promise<T>): Promise<T> {
    return this.admission.run((m) => fn(readerOn(m)));
  }
}

function readerOn(m: EntityManager): AdmissionReader {
  const count = async (sql: string, params: unknown[]): Promise<number> => {
    const rows: { n: string }[] = await m.query(sql, params);
    return Number(rows[0]!.n);
  };
  return {
    liveSessions: () => count(`SELECT count(*) AS n FROM interview_sessions WHERE status = 'active'`, []),
    sessionsStartedSince: (userId, since) =>
      count(`SELECT count(*) AS n FROM interview_sessions WHERE candidate_id = $1 AND started_at >= $2`, [userId, since]),
    // Prompt and completion tokens of every grade and every interviewer line stored since then (cached prompt
    // tokens are part of prompt).
    tokensUsedSince: (since) =>
      count(
        `SELECT (SELECT coalesce(sum(coalesce((body #>> '{provenance,tokens,prompt}')::bigint, 0)
                                   + coalesce((body #>> '{provenance,tokens,completion}')::bigint, 0)), 0)
                   FROM grades WHERE created_at >= $1)
              + (SELECT coalesce(sum(coalesce((meta #>> '{provenance,tokens,prompt}')::bigint, 0)
                                   + coalesce((meta #>> '{provenance,tokens,completion}')::bigint, 0)), 0)
                   FROM session_turns WHERE meta IS NOT NULL AND created_at >= $1) AS n`,
        [since],
      ),
  };
}

function toSettings(row: SettingsRow): StoredRolloutSettings {
  return {
    maxLiveSessions: row.max_live_sessions,
    sessionsPerUserPerDay: row.sessions_per_user_per_day,
    dailyTokenBudget: Number(row.daily_token_budget),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}
