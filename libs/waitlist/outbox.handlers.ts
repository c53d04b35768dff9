import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler, type JobPayload } from '#libs/queue';
import { OutboxService } from './outbox.service.js';

@Injectable()
@HandlesJob('mail.dispatch')
export class DispatchMailHandler implements JobHandler<'mail.dispatch'> {
  constructor(private readonly outbox: OutboxService) {}
  handle({ messageId }: JobPayload<'mail.dispatch'>): Promise<void> {
    return this.outbox.dispatch(messageId);
  }
}

/** Runs every OUTBOX_SWEEP_MS: the worker keeps its schedule (`everyMs` in the job registry). */
@Injectable()
@HandlesJob('mail.sweep')
export class MailSweepHandler implements JobHandler<'mail.sweep'> {
  constructor(private readonly outbox: OutboxService) {}

  async handle(): Promise<void> {
    await this.outbox.sweep();
  }
}
