export * from './interview-events.js';
export * from './code-facts.js';
export { freeText } from './free-text.js';
export type { InviteBatchDto, SignUpDto, WaitlistEntryDto, WaitlistStatusDto } from './waitlist-dtos.js';
