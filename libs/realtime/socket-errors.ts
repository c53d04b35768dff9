import { DomainError, type ErrorCode } from '#libs/errors';
import type { ErrorDto } from '#libs/protocol';

/** The socket transport's one error mapping: domain codes pass through, anything else is an opaque INTERNAL. */
export function toSocketError(err: unknown): { dto: ErrorDto; unexpected: boolean } {
  if (err instanceof DomainError) return { dto: { code: codeFor(err.code), message: err.message, details: err.details }, unexpected: false };
  return { dto: { code: 'INTERNAL', message: 'internal error' }, unexpected: true };
}

function codeFor(code: ErrorCode): ErrorCode {
  switch (code) {
    case 'INVALID_PAYLOAD':
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
    case 'ACCOUNT_DISABLED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'RATE_LIMITED':
    case 'SESSION_NOT_FOUND':
    case 'SESSION_ENDED':
    case 'ANSWER_TOO_LONG':
    case 'TURN_NOT_FOUND':
    case 'CAPACITY_FULL':
    case 'DAILY_LIMIT':
    case 'BUDGET_EXHAUSTED':
    case 'EARLY_ACCESS_REQUIRED':
    case 'INVITE_INVALID':
    case 'INVITE_USED':
    case 'INVITE_EXPIRED':
    case 'CODE_TOO_LONG':
    case 'NOT_A_CODING_SESSION':
    case 'NO_CODE':
    case 'DIAGRAM_TOO_LARGE':
    case 'NOT_A_DESIGN_SESSION':
    case 'NOT_READY':
    case 'INTERNAL':
      return code;
    default: {
      const unhandled: never = code;
      return unhandled;
    }
  }
}
