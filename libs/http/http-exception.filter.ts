import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from '#libs/logging';
import { asUnavailable, DomainError, type ErrorCode, isRetryable } from '#libs/errors';
import type { ErrorBody } from './error-body.js';
import { httpStatusFor } from './http-status.js';

/** The body of every refusal: its schema (`errorBodySchema`) is the OpenAPI document's `ErrorBody`. */
type LoggedRequest = Request & { id?: string | number; log?: Logger };

/** Nest's own HTTP exceptions (unknown route, unparsable JSON body, …) keep their status under a stable code. */
function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 400 && status < 500) return 'INVALID_PAYLOAD';
  return 'INTERNAL';
}

/** `Retry-After` (seconds) from a refusal's `retryAfterMs` or `retryAt`, for clients and proxies that read the header. */
function retryAfterSeconds(details: Record<string, unknown> | undefined): number | undefined {
  if (typeof details?.retryAfterMs === 'number') return Math.max(1, Math.ceil(details.retryAfterMs / 1000));
  if (typeof details?.retryAt === 'string') return Math.max(1, Math.ceil((Date.parse(details.retryAt) - Date.now()) / 1000));
  return undefined;
}

/** The one HTTP error filter: domain codes to statuses; anything unexpected is a logged, opaque 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    /** Told every refusal's code (a refusal counted by the metrics: rate limits, rollout limits). */
    private readonly onRefusal: (code: ErrorCode) => void = () => {},
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<LoggedRequest>();
    const res = http.getResponse<Response>();
    const requestId = req.id === undefined ? undefined : String(req.id);

    const known = exception instanceof DomainError ? exception : asUnavailable(exception);
    if (known) {
      if (known.code === 'UNAVAILABLE') (req.log ?? this.logger).warn({ err: exception, requestId }, 'request refused: a dependency is unavailable');
      this.onRefusal(known.code);
      const body: ErrorBody = {
        error: { code: known.code, message: known.message, retryable: isRetryable(known.code), requestId, details: known.details },
      };
      const retryAfter = retryAfterSeconds(known.details);
      if (retryAfter !== undefined) res.setHeader('retry-after', String(retryAfter));
      res.status(httpStatusFor(known.code)).json(body);
      return;
    }
    // Readiness (terminus) says which dependency failed: a 503 that names it, never an opaque 500.
    if (exception instanceof ServiceUnavailableException) {
      const checks = exception.getResponse() as { error?: Record<string, unknown>; details?: Record<string, unknown> };
      const failing = Object.keys(checks.error ?? {});
      const message = failing.length > 0 ? `not ready: ${failing.join(', ')} not answering` : 'not ready';
      const body: ErrorBody = {
        error: { code: 'NOT_READY', message, retryable: isRetryable('NOT_READY'), requestId, details: { failing, checks: checks.details ?? {} } },
      };
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json(body);
      return;
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      const code = codeForStatus(status);
      this.onRefusal(code);
      const body: ErrorBody = { error: { code, message: exception.message, retryable: isRetryable(code), requestId } };
      res.status(status).json(body);
      return;
    }
    (req.log ?? this.logger).error({ err: exception, requestId }, 'unhandled error');
    const body: ErrorBody = { error: { code: 'INTERNAL', message: 'internal error', retryable: isRetryable('INTERNAL'), requestId } };
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json(body);
  }
}
