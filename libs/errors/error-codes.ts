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
  'CODE_INPUT_TOO_LONG',
  'INVALID_CODE_INPUT',
  'DIAGRAM_TOO_LARGE',
  'NOT_A_DESIGN_SESSION',
  'SNAPSHOT_NOT_FOUND',
  'NOT_READY',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Whether the same request, sent again unchanged (answers keep their `clientId`, so a re-send is idempotent),
 * may succeed later: the refusal is about load or a dependency, not about the request. Clients re-send these
 * (after `details.retryAfterMs` when given) and show the others.
 */
export function isRetryable(code: ErrorCode): boolean {
  switch (code) {
    case 'RATE_LIMITED':
    case 'CAPACITY_FULL':
    case 'NOT_READY':
    case 'UNAVAILABLE':
      return true;
    case 'INVALID_PAYLOAD':
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
    case 'ACCOUNT_DISABLED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'SESSION_NOT_FOUND':
    case 'SESSION_ENDED':
    case 'ANSWER_TOO_LONG':
    case 'TURN_NOT_FOUND':
    case 'DAILY_LIMIT':
    case 'BUDGET_EXHAUSTED':
    case 'EARLY_ACCESS_REQUIRED':
    case 'INVITE_INVALID':
    case 'INVITE_USED':
    case 'INVITE_EXPIRED':
    case 'CODE_TOO_LONG':
    case 'NOT_A_CODING_SESSION':
    case 'NO_CODE':
    case 'CODE_INPUT_TOO_LONG':
    case 'INVALID_CODE_INPUT':
    case 'DIAGRAM_TOO_LARGE':
    case 'NOT_A_DESIGN_SESSION':
    case 'SNAPSHOT_NOT_FOUND':
    case 'INTERNAL': // an unexpected failure is a bug until shown otherwise: re-sending it in a loop would hide it
      return false;
    default: {
      const unhandled: never = code;
      return unhandled;
    }
  }
}
