import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { col, firstRow, rows, TransactionHost } from '#libs/db';
import { insertOutbox, type OutboxDraft } from './outbox.repository.js';
import { priorityKey, type Ranking } from './ranking.js';
import { canonicalInviteCode, hashSecret, newInviteCode } from './secrets.js';
import type { EntryRow } from './waitlist-entries.repository.js';

export interface InviteBatch {
  target: { count: number } | { emails: string[] };
  cohort: string;
  expiresAt: Date;
  invitedBy: string;
}

export interface InviteBatchResult {
  invited: { entryId: string; email: string; expiresAt: Date }[];
  skipped: { email: string; reason: 'already-invited' | 'already-joined' | 'not-on-waitlist' }[];
  messageIds: string[];
}

export interface InviteRow {
  entry_id: string;
  email: string;
  cohort: string;
  created_at: Date;
  expires_at: Date;
  redeemed_at: Date | null;
  mail_status: string | null;
  transport: string | null;
  sent_at: Date | null;
  last_error: string | null;
}

const inviteRow = z.object({
  entry_id: col.uuid,
  email: col.text,
  cohort: col.text,
  created_at: col.time,
  expires_at: col.time,
  redeemed_at: col.time.nullable(),
  mail_status: col.text.nullable(),
  transport: col.text.nullable(),
  sent_at: col.time.nullable(),
  last_error: col.text.nullable(),
}) satisfies z.ZodType<InviteRow>;
const entryToInvite = z.object({ id: col.uuid, email: col.text, status: z.enum(['waiting', 'invited', 'joined']) });
const lockedInvite = z.object({ id: col.uuid, entry_id: col.uuid, email: col.text, expires_at: col.time, redeemed_at: col.time.nullable() });

export type ResendResult = { kind: 'ok'; email: string; messageId: string } | { kind: 'not-found' | 'redeemed' };

export type RedeemResult = { kind: 'ok'; userId: string; email: string } | { kind: 'invalid' | 'used' | 'expired' | 'email-taken' };

@Injectable()
export class InvitesRepository {
  private readonly host: TransactionHost;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.host = new TransactionHost(db);
  }

  /**
   * Invites in one transaction. The entries are row-locked (`FOR UPDATE`; the next-by-priority batch skips rows
   * another batch holds), re-checked as `waiting`, and `waitlist_invites.entry_id` is unique: no entry is ever
   * invited twice, however many batches run at once.
   */
  inviteBatch(batch: InviteBatch, ranking: Ranking, draft: (email: string, code: string) => OutboxDraft): Promise<InviteBatchResult> {
    return this.db.transaction(async (m) => {
      const result: InviteBatchResult = { invited: [], skipped: [], messageIds: [] };
      let entries: Pick<EntryRow, 'id' | 'email' | 'status'>[];
      if ('count' in batch.target) {
        entries = rows(
          entryToInvite,
          await m.query(
            `SELECT w.* FROM waitlist_entries w WHERE w.status = 'waiting'
              ORDER BY ${priorityKey('w', 1, 2)} LIMIT $3 FOR UPDATE SKIP LOCKED`,
            [ranking.boost, ranking.cap, batch.target.count],
          ),
        );
      } else {
        const emails = batch.target.emails;
        const found = rows(
          entryToInvite,
          await m.query(`SELECT * FROM waitlist_entries WHERE lower(email) = ANY($1::text[]) ORDER BY signup_number FOR UPDATE`, [emails]),
        );
        const byEmail = new Map(found.map((e) => [e.email, e]));
        entries = [];
        for (const email of emails) {
          const entry = byEmail.get(email);
          if (!entry) result.skipped.push({ email, reason: 'not-on-waitlist' });
          else if (entry.status !== 'waiting')
            result.skipped.push({ email, reason: entry.status === 'joined' ? 'already-joined' : 'already-invited' });
          else entries.push(entry);
        }
      }
      for (const entry of entries) {
        const code = newInviteCode();
        await insertInvite(m, entry.id, hashSecret(canonicalInviteCode(code)), batch);
        result.invited.push({ entryId: entry.id, email: entry.email, expiresAt: batch.expiresAt });
        result.messageIds.push(await insertOutbox(m, draft(entry.email, code)));
      }
      return result;
    });
  }

  /** The newest invites first (by email or cohort), each with its latest invite mail. */
  async list(q: string | undefined, limit = 100): Promise<InviteRow[]> {
    return rows(
      inviteRow,
      await this.db.query(
        `SELECT i.entry_id, e.email, i.cohort, i.created_at, i.expires_at, i.redeemed_at,
              m.status AS mail_status, m.transport, m.sent_at, m.last_error
         FROM waitlist_invites i JOIN waitlist_entries e ON e.id = i.entry_id
         LEFT JOIN LATERAL (SELECT o.status, o.transport, o.sent_at, o.last_error FROM outbox_messages o
                             WHERE o.to_email = e.email AND o.kind = 'invite' ORDER BY o.created_at DESC LIMIT 1) m ON true
        WHERE $1::text IS NULL OR strpos(e.email, lower($1)) > 0 OR strpos(lower(i.cohort), lower($1)) > 0
        ORDER BY i.created_at DESC LIMIT $2`,
        [q ?? null, limit],
      ),
    );
  }

  /**
   * A new code for an unredeemed invite (the old one stops working: only hashes are kept, so the old code cannot
   * be sent again) with a new expiry, and its mail, in one transaction.
   */
  resend(entryId: string, expiresAt: Date, draft: (email: string, code: string) => OutboxDraft): Promise<ResendResult> {
    return this.db.transaction(async (m): Promise<ResendResult> => {
      const invite = firstRow(
        lockedInvite.pick({ id: true, email: true, redeemed_at: true }),
        await m.query(
          `SELECT i.id, i.redeemed_at, e.email FROM waitlist_invites i JOIN waitlist_entries e ON e.id = i.entry_id
            WHERE i.entry_id = $1 FOR UPDATE OF i`,
          [entryId],
        ),
      );
      if (!invite) return { kind: 'not-found' };
      if (invite.redeemed_at) return { kind: 'redeemed' };
      const code = newInviteCode();
      await m.query(`UPDATE waitlist_invites SET code_hash = $2, expires_at = $3 WHERE id = $1`, [
        invite.id,
        hashSecret(canonicalInviteCode(code)),
        expiresAt,
      ]);
      return { kind: 'ok', email: invite.email, messageId: await insertOutbox(m, draft(invite.email, code)) };
    });
  }

  /**
   * One account per code: the invite row is locked, so of two redeems at once the second sees it used. The
   * account is created by `createAccount` (libs/auth's service, which owns the users table) in this same
   * transaction, shared through `TransactionHost`; an email that already has an account (null) leaves the code unused.
   */
  redeem(code: string, createAccount: (email: string) => Promise<string | null>): Promise<RedeemResult> {
    return this.host.transaction(async (m): Promise<RedeemResult> => {
      const invite = firstRow(
        lockedInvite,
        await m.query(
          `SELECT i.id, i.entry_id, i.expires_at, i.redeemed_at, e.email
             FROM waitlist_invites i JOIN waitlist_entries e ON e.id = i.entry_id
            WHERE i.code_hash = $1 FOR UPDATE OF i`,
          [hashSecret(canonicalInviteCode(code))],
        ),
      );
      if (!invite) return { kind: 'invalid' };
      if (invite.redeemed_at) return { kind: 'used' };
      if (invite.expires_at.getTime() <= Date.now()) return { kind: 'expired' };
      const userId = await createAccount(invite.email);
      if (!userId) return { kind: 'email-taken' };
      await m.query(`UPDATE waitlist_invites SET redeemed_at = now(), user_id = $2 WHERE id = $1`, [invite.id, userId]);
      await m.query(`UPDATE waitlist_entries SET status = 'joined' WHERE id = $1`, [invite.entry_id]);
      return { kind: 'ok', userId, email: invite.email };
    });
  }
}

async function insertInvite(m: EntityManager, entryId: string, codeHash: string, batch: InviteBatch): Promise<void> {
  await m.query(`INSERT INTO waitlist_invites (entry_id, code_hash, cohort, expires_at, invited_by) VALUES ($1, $2, $3, $4, $5)`, [
    entryId,
    codeHash,
    batch.cohort,
    batch.expiresAt,
    batch.invitedBy,
  ]);
  await m.query(`UPDATE waitlist_entries SET status = 'invited' WHERE id = $1`, [entryId]);
}
