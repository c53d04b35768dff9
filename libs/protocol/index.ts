export * from './interview-events.js';
export * from './code-facts.js';
export type { InviteBatchDto, SignUpDto, WaitlistEntryDto, WaitlistStatusDto } from './waitlist-dtos.js';
