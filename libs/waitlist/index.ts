export { WaitlistHttpModule, WaitlistJobsModule } from './waitlist.module.js';
export { WaitlistService } from './waitlist.service.js';
export { OutboxService } from './outbox.service.js';
