import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { ADVISORY_LOCK_KEYS, AdvisoryLock, col, firstRow } from '#libs/db';
import { AdmissionUsage } from './admission-usage.js';

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
export type AdmissionReader = AdmissionUsage;

const settingsRow = z
  .object({
    max_live_sessions: col.int,
    sessions_per_user_per_day: col.int,
    daily_token_budget: col.numeric,
    updated_by: col.uuid.nullable(),
    updated_at: col.time,
  })
  .transform((row): StoredRolloutSettings => ({
    maxLiveSessions: row.max_live_sessions,
    sessionsPerUserPerDay: row.sessions_per_user_per_day,
    dailyTokenBudget: row.daily_token_budget,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  }));

@Injectable()
export class RolloutRepository {
  private readonly admission: AdvisoryLock;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly usage: AdmissionUsage,
  ) {
    this.admission = new AdvisoryLock(db, ADVISORY_LOCK_KEYS.sessionAdmission);
  }

  async settings(): Promise<StoredRolloutSettings | null> {
    return firstRow(settingsRow, await this.db.query(`SELECT * FROM rollout_settings WHERE id = 1`));
  }

  async saveSettings(limits: RolloutLimits, updatedBy: string): Promise<StoredRolloutSettings> {
    const saved = firstRow(
      settingsRow,
      await this.db.query(
        `INSERT INTO rollout_settings (id, max_live_sessions, sessions_per_user_per_day, daily_token_budget, updated_by, updated_at)
       VALUES (1, $1, $2, $3, $4, now())
       ON CONFLICT (id) DO UPDATE SET max_live_sessions = EXCLUDED.max_live_sessions,
         sessions_per_user_per_day = EXCLUDED.sessions_per_user_per_day, daily_token_budget = EXCLUDED.daily_token_budget,
         updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
       RETURNING *`,
        [limits.maxLiveSessions, limits.sessionsPerUserPerDay, limits.dailyTokenBudget, updatedBy],
      ),
    );
    return saved!;
  }

  /**
   * Runs `fn` while holding the service-wide admission lock (a transaction-scoped advisory lock), so the
   * counts `fn` reads (libs/interview's, committed data: read committed) cannot change under it from another
   * admission until `fn` (which creates the session, committed on its own connection) returns. The lock goes with
   * the transaction, also when a process dies.
   */
  withAdmissionLock<T>(fn: (reader: AdmissionReader) => Promise<T>): Promise<T> {
    return this.admission.run(() => fn(this.usage));
  }
}
