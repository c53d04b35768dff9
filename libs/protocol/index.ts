export * from './interview-events.js';
export type { InviteBatchDto, SignUpDto, WaitlistEntryDto, WaitlistStatusDto } from './waitlist-dtos.js';
