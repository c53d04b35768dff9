import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, RateLimitError } from 'openai';
import { GradingError } from './grader.port.js';

/**
 * Maps what the SDK throws to a `GradingError`. The SDK makes no retries of its own
 * (`maxRetries: 0`): the queue owns retries, so every transient failure surfaces here once,
 * marked retryable, with the provider's requested delay when it gave one.
 */
export function toGradingError(error: unknown, signal?: AbortSignal): GradingError {
  if (error instanceof GradingError) return error;
  // Timeout first: the SDK's timeout error is also a connection error.
  if (error instanceof APIConnectionTimeoutError) {
    return new GradingError('GRADER_TIMEOUT', 'the model did not answer within the request timeout', { cause: error });
  }
  if (error instanceof APIUserAbortError || signal?.aborted) {
    // The job was cancelled (its own timeout or a worker shutdown): a later attempt may finish.
    return new GradingError('GRADER_TIMEOUT', 'grading was aborted before the model answered', { cause: error });
  }
  if (error instanceof RateLimitError) {
    const retryAfterMs = retryAfterMsFrom(error.headers);
    return new GradingError('GRADER_RATE_LIMITED', 'the model provider is rate limiting requests', {
      cause: error,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (error instanceof APIConnectionError) {
    return new GradingError('GRADER_UNAVAILABLE', 'the model provider could not be reached', { cause: error });
  }
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    // 408/409 and 5xx are transient; any other 4xx (bad key, unknown model, unsupported
    // schema) repeats identically, so retrying only burns attempts.
    const retryable = status >= 500 || status === 408 || status === 409;
    return new GradingError('GRADER_UNAVAILABLE', `the model provider answered HTTP ${status || 'error'}`, {
      cause: error,
      retryable,
    });
  }
  return new GradingError('GRADER_UNAVAILABLE', 'the model call failed unexpectedly', { cause: error, retryable: true });
}

/** `retry-after-ms` (non-standard, OpenAI sends it), else `retry-after` in seconds or as an HTTP date. */
export function retryAfterMsFrom(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return Math.ceil(ms);
  const value = headers?.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number.parseFloat(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
