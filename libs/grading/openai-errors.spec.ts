import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { GradingError } from './grader.port.js';
import { retryAfterMsFrom, toGradingError } from './openai-errors.js';

describe(toGradingError.name, () => {
  const status = (code: number, headers: Record<string, string> = {}) =>
    APIError.generate(code, { error: { message: 'x' } }, undefined, new Headers(headers));

  it('maps rate limits, outages, timeouts and aborts to retryable codes', () => {
    expect(toGradingError(status(429, { 'retry-after': '7' }))).toMatchObject({ code: 'GRADER_RATE_LIMITED', retryable: true, retryAfterMs: 7000 });
    expect(toGradingError(status(503))).toMatchObject({ code: 'GRADER_UNAVAILABLE', retryable: true });
    expect(toGradingError(new APIConnectionError({ message: 'refused' }))).toMatchObject({ code: 'GRADER_UNAVAILABLE', retryable: true });
    expect(toGradingError(new APIConnectionTimeoutError())).toMatchObject({ code: 'GRADER_TIMEOUT', retryable: true });
    expect(toGradingError(new APIUserAbortError())).toMatchObject({ code: 'GRADER_TIMEOUT', retryable: true });
  });

  it('does not retry a request the provider will refuse again', () => {
    expect(toGradingError(status(401))).toMatchObject({ code: 'GRADER_UNAVAILABLE', retryable: false });
    expect(toGradingError(status(400))).toMatchObject({ code: 'GRADER_UNAVAILABLE', retryable: false });
  });

  it('passes a GradingError through', () => {
    const error = new GradingError('GRADER_REFUSED', 'no');
    expect(toGradingError(error)).toBe(error);
  });
});

describe(retryAfterMsFrom.name, () => {
  it('reads retry-after-ms, then retry-after in seconds or as a date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMsFrom(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(retryAfterMsFrom(new Headers({ 'retry-after': '1.5' }), now)).toBe(1500);
    expect(retryAfterMsFrom(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMsFrom(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMsFrom(undefined, now)).toBeUndefined();
  });
});
