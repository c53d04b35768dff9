import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { col, firstRow, onlyRow, rows } from '#libs/db';
import type { MailMessage } from './mailer.js';

export interface OutboxDraft extends MailMessage {
  kind: 'waitlist-welcome' | 'waitlist-moved-up' | 'invite';
}

export interface OutboxRow {
  id: string;
  kind: string;
  to_email: string;
  subject: string;
  body: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
}

const outboxRow = z.object({
  id: col.uuid,
  kind: col.text,
  to_email: col.text,
  subject: col.text,
  body: col.text,
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: col.int,
}) satisfies z.ZodType<OutboxRow>;
const idRow = z.object({ id: col.uuid });

/** Written in the caller's transaction, so a message exists exactly when the change that caused it does. */
export async function insertOutbox(m: EntityManager, draft: OutboxDraft): Promise<string> {
  return onlyRow(
    idRow,
    await m.query(`INSERT INTO outbox_messages (kind, to_email, subject, body) VALUES ($1, $2, $3, $4) RETURNING id`, [
      draft.kind,
      draft.to,
      draft.subject,
      draft.text,
    ]),
  ).id;
}

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Takes a pending message for sending (`sending`, one more attempt). Only one caller can win a row, and a
   * row is never handed out again once taken, so a message is sent at most once.
   */
  async claim(id: string): Promise<OutboxRow | null> {
    return firstRow(
      outboxRow,
      await this.db.query(
        `UPDATE outbox_messages SET status = 'sending', attempts = attempts + 1, claimed_at = now()
          WHERE id = $1 AND status = 'pending' RETURNING *`,
        [id],
      ),
    );
  }

  async markSent(id: string, transport: string): Promise<void> {
    await this.db.query(`UPDATE outbox_messages SET status = 'sent', sent_at = now(), transport = $2, last_error = NULL WHERE id = $1`, [
      id,
      transport,
    ]);
  }

  /** A send that failed: back to `pending` for the next attempt, or `failed` for good. */
  async release(id: string, error: string, final: boolean): Promise<void> {
    await this.db.query(`UPDATE outbox_messages SET status = $2, last_error = $3 WHERE id = $1`, [id, final ? 'failed' : 'pending', error]);
  }

  /** Pending messages older than `olderThanMs`: their dispatch job was lost or has not run yet. */
  async pendingIds(olderThanMs: number, limit: number): Promise<string[]> {
    const pending = rows(
      idRow,
      await this.db.query(
        `SELECT id FROM outbox_messages WHERE status = 'pending' AND created_at < now() - make_interval(secs => $1 / 1000.0)
          ORDER BY created_at LIMIT $2`,
        [olderThanMs, limit],
      ),
    );
    return pending.map((r) => r.id);
  }
}
