import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AuthCoreModule } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { LOGGER, type Logger } from '#libs/logging';
import { QueueModule } from '#libs/queue';
import { InvitesRepository } from './invites.repository.js';
import { InvitesService } from './invites.service.js';
import { createMailer, MAILER, type Mailer, SmtpMailer } from './mailer.js';
import { DispatchMailHandler, MailSweepHandler } from './outbox.handlers.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxService } from './outbox.service.js';
import { WaitlistEntriesRepository } from './waitlist-entries.repository.js';
import { WaitlistController } from './waitlist.controller.js';
import { WaitlistService } from './waitlist.service.js';

/** Entries, invites and the outbox (needs DbModule and RedisModule from the app). */
@Module({
  imports: [AuthCoreModule, QueueModule],
  providers: [
    WaitlistEntriesRepository,
    InvitesRepository,
    OutboxRepository,
    OutboxService,
    WaitlistService,
    InvitesService,
    { provide: MAILER, inject: [APP_CONFIG, LOGGER], useFactory: (config: AppConfig, logger: Logger) => createMailer(config, logger) },
  ],
  exports: [WaitlistService, InvitesService, OutboxService],
})
class WaitlistModule implements OnApplicationShutdown {
  constructor(@Inject(MAILER) private readonly mailer: Mailer) {}

  onApplicationShutdown(): void {
    if (this.mailer instanceof SmtpMailer) this.mailer.close();
  }
}

/** Public sign-up and status, invite redemption, and the admin's waitlist and invites. */
@Module({ imports: [WaitlistModule, AuthCoreModule], controllers: [WaitlistController] })
export class WaitlistHttpModule {}

/** The worker side: sends the outbox. */
@Module({ imports: [WaitlistModule, QueueModule], providers: [DispatchMailHandler, MailSweepHandler] })
export class WaitlistJobsModule {}
