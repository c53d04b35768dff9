import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { HandlesJob, type JobHandler, type JobPayload, JobQueue } from '#libs/queue';
import { OutboxService } from './outbox.service.js';

@Injectable()
@HandlesJob('mail.dispatch')
export class DispatchMailHandler implements JobHandler<'mail.dispatch'> {
  constructor(private readonly outbox: OutboxService) {}
  handle({ messageId }: JobPayload<'mail.dispatch'>): Promise<void> {
    return this.outbox.dispatch(messageId);
  }
}

@Injectable()
@HandlesJob('mail.sweep')
export class MailSweepHandler implements JobHandler<'mail.sweep'>, OnApplicationBootstrap {
  constructor(
    private readonly outbox: OutboxService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('mail.sweep', {}, this.config.mail.outboxSweepMs);
  }

  async handle(): Promise<void> {
    await this.outbox.sweep();
  }
}
