/** Every stable error code the service answers with. Transports map them with exhaustive switches. */
export const ERROR_CODES = [
  'INVALID_PAYLOAD',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SESSION_NOT_FOUND',
  'SESSION_ENDED',
  'ANSWER_TOO_LONG',
  'TURN_NOT_FOUND',
  'CAPACITY_FULL',
  'DAILY_LIMIT',
  'BUDGET_EXHAUSTED',
  'EARLY_ACCESS_REQUIRED',
  'INVITE_INVALID',
  'INVITE_USED',
  'INVITE_EXPIRED',
  'CODE_TOO_LONG',
  'NOT_A_CODING_SESSION',
  'NO_CODE',
  'NOT_READY',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
