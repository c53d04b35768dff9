export { ERROR_CODES, type ErrorCode, isRetryable } from './error-codes.js';
export { DomainError, ForbiddenError, InvalidPayloadError, NotFoundError, UnauthenticatedError } from './domain-error.js';
export { parsePayload } from './parse-payload.js';
export { asUnavailable } from './unavailable.js';
