import type { ErrorCode } from './error-codes.js';

/** A failure the caller can act on. `message` is safe to show; `details` too (never secrets or internals). */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidPayloadError extends DomainError {
  constructor(readonly issues: { path: string; message: string }[]) {
    super('INVALID_PAYLOAD', `invalid payload: ${issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`, {
      issues,
    });
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'not allowed') {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = 'not found') {
    super('NOT_FOUND', message);
  }
}
