export { WaitlistHttpModule, WaitlistJobsModule, WaitlistModule } from './waitlist.module.js';
export { WaitlistService } from './waitlist.service.js';
export { InvitesService } from './invites.service.js';
export { OutboxService } from './outbox.service.js';
export { LogMailer, type Mailer, type MailMessage, SmtpMailer } from './mailer.js';
