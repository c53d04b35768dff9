import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { ADVISORY_LOCK_KEYS, AdvisoryLock, col, firstRow, onlyRow, rows } from '#libs/db';
import { insertOutbox, type OutboxDraft } from './outbox.repository.js';
import { priorityKey, type Ranking } from './ranking.js';
import { hashSecret, randomCode } from './secrets.js';

export interface EntryRow {
  id: string;
  email: string;
  name: string | null;
  target_role: string | null;
  years_experience: number | null;
  signup_number: number;
  referral_code: string;
  referral_count: number;
  status: 'waiting' | 'invited' | 'joined';
  created_at: Date;
}

export interface ListedEntryRow extends EntryRow {
  position: number | null;
  cohort: string | null;
  invited_at: Date | null;
  expires_at: Date | null;
  redeemed_at: Date | null;
}

const entryColumns = {
  id: col.uuid,
  email: col.text,
  name: col.text.nullable(),
  target_role: col.text.nullable(),
  years_experience: col.int.nullable(),
  signup_number: col.int,
  referral_code: col.text,
  referral_count: col.int,
  status: z.enum(['waiting', 'invited', 'joined']),
  created_at: col.time,
};
const entryRow = z.object(entryColumns) satisfies z.ZodType<EntryRow>;
const listedEntryRow = z.object({
  ...entryColumns,
  position: col.int.nullable(),
  cohort: col.text.nullable(),
  invited_at: col.time.nullable(),
  expires_at: col.time.nullable(),
  redeemed_at: col.time.nullable(),
}) satisfies z.ZodType<ListedEntryRow>;

export interface EntryFilter {
  status?: EntryRow['status'];
  q?: string;
  cohort?: string;
  limit: number;
  offset: number;
}

export interface NewEntry {
  email: string;
  name?: string;
  targetRole?: string;
  yearsExperience?: number;
  referralCode?: string;
}

export interface SignUpResult {
  entry: EntryRow;
  position: number | null;
  /** Only for an entry this call created: the private token is never handed out twice. */
  token: string | null;
  messageIds: string[];
}

export interface MessageDrafts {
  welcome(entry: EntryRow, position: number, token: string): OutboxDraft;
  movedUp(referrer: EntryRow, position: number): OutboxDraft;
}

@Injectable()
export class WaitlistEntriesRepository {
  /** Serialises sign-ups: gap-free sign-up numbers, and answered positions that no concurrent sign-up invalidates. */
  private readonly signUps: AdvisoryLock;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.signUps = new AdvisoryLock(db, ADVISORY_LOCK_KEYS.waitlistSignUp);
  }

  /** Idempotent per normalised email, also under concurrency (the lock, and the unique index behind it). */
  signUp(input: NewEntry, ranking: Ranking, drafts: MessageDrafts): Promise<SignUpResult> {
    return this.signUps.run(async (m) => {
      const existing = firstRow(entryRow, await m.query(`SELECT * FROM waitlist_entries WHERE lower(email) = lower($1)`, [input.email]));
      if (existing) return { entry: existing, position: await positionOf(m, existing.id, ranking), token: null, messageIds: [] };

      const referrer = input.referralCode
        ? firstRow(entryRow, await m.query(`SELECT * FROM waitlist_entries WHERE referral_code = $1`, [input.referralCode.toUpperCase()]))
        : null;
      const token = randomBytes(32).toString('base64url');
      const entry = onlyRow(
        entryRow,
        await m.query(
          `INSERT INTO waitlist_entries (email, name, target_role, years_experience, signup_number, referral_code, token_hash, referred_by)
         VALUES ($1, $2, $3, $4, (SELECT coalesce(max(signup_number), 0) + 1 FROM waitlist_entries), $5, $6, $7)
         RETURNING *`,
          [
            input.email,
            input.name ?? null,
            input.targetRole ?? null,
            input.yearsExperience ?? null,
            randomCode(8),
            hashSecret(token),
            referrer?.id ?? null,
          ],
        ),
      );
      const position = (await positionOf(m, entry.id, ranking))!;
      const messageIds = [await insertOutbox(m, drafts.welcome(entry, position, token))];

      if (referrer && referrer.status === 'waiting') {
        const credited = onlyRow(
          entryRow,
          await m.query(`UPDATE waitlist_entries SET referral_count = referral_count + 1 WHERE id = $1 RETURNING *`, [referrer.id]),
        );
        if (credited.referral_count <= ranking.cap && ranking.boost > 0) {
          const moved = (await positionOf(m, referrer.id, ranking))!;
          messageIds.push(await insertOutbox(m, drafts.movedUp(credited, moved)));
        }
      }
      return { entry, position, token, messageIds };
    });
  }

  async findByToken(token: string, ranking: Ranking): Promise<{ entry: EntryRow; position: number | null } | null> {
    const entry = firstRow(entryRow, await this.db.query(`SELECT * FROM waitlist_entries WHERE token_hash = $1`, [hashSecret(token)]));
    if (!entry) return null;
    return { entry, position: await positionOf(this.db.manager, entry.id, ranking) };
  }

  /** Ordered by position (the waiting first), then by sign-up; `q` searches email, name and target role. */
  async list(filter: EntryFilter, ranking: Ranking): Promise<{ total: number; rows: ListedEntryRow[] }> {
    const where = [
      `($3::waitlist_status IS NULL OR e.status = $3)`,
      `($4::text IS NULL OR e.email ILIKE '%' || $4 || '%' OR e.name ILIKE '%' || $4 || '%' OR e.target_role ILIKE '%' || $4 || '%')`,
      `($5::text IS NULL OR i.cohort = $5)`,
    ].join(' AND ');
    const from = `waitlist_entries e
      LEFT JOIN (SELECT w.id, row_number() OVER (ORDER BY ${priorityKey('w', 1, 2)}) AS position
                   FROM waitlist_entries w WHERE w.status = 'waiting') r ON r.id = e.id
      LEFT JOIN waitlist_invites i ON i.entry_id = e.id`;
    const q = filter.q?.replace(/[\\%_]/g, (c) => `\\${c}`) ?? null;
    const params = [ranking.boost, ranking.cap, filter.status ?? null, q, filter.cohort ?? null];
    const { n } = onlyRow(z.object({ n: col.numeric }), await this.db.query(`SELECT count(*) AS n FROM ${from} WHERE ${where}`, params));
    const listed = rows(
      listedEntryRow,
      await this.db.query(
        `SELECT e.*, r.position::int AS position, i.cohort, i.created_at AS invited_at, i.expires_at, i.redeemed_at
         FROM ${from} WHERE ${where}
        ORDER BY r.position NULLS LAST, e.signup_number LIMIT $6 OFFSET $7`,
        [...params, filter.limit, filter.offset],
      ),
    );
    return { total: n, rows: listed };
  }
}

/** Rank among waiting entries (1-based), or null when the entry is no longer waiting. */
async function positionOf(m: EntityManager, entryId: string, ranking: Ranking): Promise<number | null> {
  const row = firstRow(
    z.object({ position: col.int }),
    await m.query(
      `SELECT (SELECT count(*)::int FROM waitlist_entries w
              WHERE w.status = 'waiting' AND (${priorityKey('w', 2, 3)}) < (${priorityKey('me', 2, 3)})) + 1 AS position
       FROM waitlist_entries me WHERE me.id = $1 AND me.status = 'waiting'`,
      [entryId, ranking.boost, ranking.cap],
    ),
  );
  return row?.position ?? null;
}
