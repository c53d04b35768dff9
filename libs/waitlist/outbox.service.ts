import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { LOGGER, type Logger } from '#libs/logging';
import { JobQueue } from '#libs/queue';
import { MAILER, type Mailer } from './mailer.js';
import { OutboxRepository } from './outbox.repository.js';

const dispatchJobId = (messageId: string) => `mail-${messageId}`;

/** Sends what the outbox holds through the configured mailer. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly jobs: JobQueue,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** After the commit that wrote them. If Redis refuses, the sweep sends them later. */
  async enqueue(messageIds: string[]): Promise<void> {
    for (const messageId of messageIds) {
      await this.jobs
        .enqueue('mail.dispatch', { messageId }, { jobId: dispatchJobId(messageId) })
        .catch((err: unknown) => this.logger.warn({ err, messageId }, 'could not queue a message; the outbox sweep will send it'));
    }
  }

  /**
   * Sends one message at most once: a duplicate job, or one for a message already taken, does nothing. A
   * failed send goes back to `pending` and throws, so the job's retry tries again; after the last configured
   * attempt the row is `failed`. A process that dies mid-send leaves the row `sending` (it may or may not have
   * gone out), and it is not sent again.
   */
  async dispatch(messageId: string): Promise<void> {
    const row = await this.outbox.claim(messageId);
    if (!row) return;
    try {
      await this.mailer.send({ to: row.to_email, subject: row.subject, text: row.body });
    } catch (err) {
      const final = row.attempts >= this.config.queue.attempts;
      await this.outbox.release(row.id, err instanceof Error ? err.message : String(err), final);
      throw err;
    }
    await this.outbox.markSent(row.id, this.mailer.transport);
  }

  /** Re-queues messages that waited too long (a lost dispatch job, or one given up while Redis was away). */
  async sweep(): Promise<number> {
    const ids = await this.outbox.pendingIds(this.config.mail.outboxSweepMs, 500);
    for (const messageId of ids) {
      await this.jobs.forget('mail.dispatch', dispatchJobId(messageId));
      await this.jobs.enqueue('mail.dispatch', { messageId }, { jobId: dispatchJobId(messageId) });
    }
    return ids.length;
  }
}
