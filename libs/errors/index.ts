export { ERROR_CODES, type ErrorCode } from './error-codes.js';
export {
  DomainError,
  ForbiddenError,
  InvalidPayloadError,
  NotFoundError,
  UnauthenticatedError,
} from './domain-error.js';
export { parsePayload } from './parse-payload.js';
