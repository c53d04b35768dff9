import { asUnavailable, DomainError, isRetryable } from '#libs/errors';
import type { ErrorDto } from '#libs/protocol';

/**
 * The socket transport's one error mapping: domain codes pass through; a database or Redis that failed is
 * `UNAVAILABLE` (retryable, expected during an outage); anything else is an opaque INTERNAL.
 */
export function toSocketError(err: unknown): { dto: ErrorDto; unexpected: boolean } {
  const known = err instanceof DomainError ? err : asUnavailable(err);
  if (known)
    return { dto: { code: known.code, message: known.message, retryable: isRetryable(known.code), details: known.details }, unexpected: false };
  return { dto: { code: 'INTERNAL', message: 'internal error', retryable: isRetryable('INTERNAL') }, unexpected: true };
}
