import { HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '#libs/errors';

export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'INVALID_PAYLOAD':
    case 'INVALID_CODE_INPUT':
      return HttpStatus.BAD_REQUEST;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return HttpStatus.UNAUTHORIZED;
    case 'FORBIDDEN':
      return HttpStatus.FORBIDDEN;
    case 'NOT_FOUND':
    case 'SESSION_NOT_FOUND':
    case 'TURN_NOT_FOUND':
    case 'SNAPSHOT_NOT_FOUND':
      return HttpStatus.NOT_FOUND;
    case 'SESSION_ENDED':
      return HttpStatus.CONFLICT;
    case 'ANSWER_TOO_LONG':
    case 'CODE_TOO_LONG':
    case 'CODE_INPUT_TOO_LONG':
    case 'DIAGRAM_TOO_LARGE':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'NOT_A_CODING_SESSION':
    case 'NO_CODE':
    case 'NOT_A_DESIGN_SESSION':
      return HttpStatus.CONFLICT;
    case 'CONFLICT':
      return HttpStatus.CONFLICT;
    case 'RATE_LIMITED':
    case 'DAILY_LIMIT':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'CAPACITY_FULL':
    case 'BUDGET_EXHAUSTED':
    case 'NOT_READY':
    case 'UNAVAILABLE':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'EARLY_ACCESS_REQUIRED':
    case 'ACCOUNT_DISABLED':
      return HttpStatus.FORBIDDEN;
    case 'INVITE_INVALID':
      return HttpStatus.NOT_FOUND;
    case 'INVITE_USED':
      return HttpStatus.CONFLICT;
    case 'INVITE_EXPIRED':
      return HttpStatus.GONE;
    case 'INTERNAL':
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default: {
      const unhandled: never = code;
      throw new Error(`no HTTP status for ${String(unhandled)}`);
    }
  }
}
