import { QueryClient } from '@tanstack/react-query';
import { api, ApiError, type ApiPath, type ApiRequest, type ApiResponse } from './api.js';

/** Tries after the first failure of a read, for an error that says the same request may succeed later. */
export const MAX_READ_RETRIES = 2;

/**
 * Whether a failed read is tried again: only when the api said `retryable` (a dependency down, not ready) or could
 * not be reached, never a 4xx (the request itself is wrong, or a limit says wait: a re-send would not help now),
 * and at most `MAX_READ_RETRIES` times.
 */
export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_READ_RETRIES || !(error instanceof ApiError)) return false;
  if (error.status >= 400 && error.status < 500) return false;
  return error.retryable;
}

/** The server's `details.retryAfterMs` when it gives one (at most 10 s), else 1 s, 2 s, 4 s… */
export function readRetryDelay(failureCount: number, error: unknown): number {
  const after = error instanceof ApiError ? error.details?.retryAfterMs : undefined;
  if (typeof after === 'number' && Number.isFinite(after) && after >= 0) return Math.min(after, 10_000);
  return Math.min(1_000 * 2 ** failureCount, 8_000);
}

/**
 * The app's one query cache. Every page read through `api()` (token renewal on a 401) with the query's abort
 * signal. A page mounted again shows what it had and reads again (`staleTime` 0); a window regaining focus reads
 * nothing (pages that poll set their own interval); a read is tried even when the browser thinks it is offline,
 * so it fails with the page's message instead of waiting silently. Mutations are never retried: a write is
 * sent once.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetryRead,
        retryDelay: readRetryDelay,
        refetchOnWindowFocus: false,
        networkMode: 'always',
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

/** A query's `queryFn` for `GET path`: through `api()`, cancelled with the query's signal. */
export function apiGet<P extends ApiPath<'GET'>>(
  path: P,
  ...[request]: object extends ApiRequest<P, 'GET'> ? [request?: ApiRequest<P, 'GET'>] : [request: ApiRequest<P, 'GET'>]
): (context: { signal: AbortSignal }) => Promise<ApiResponse<P, 'GET'>> {
  return ({ signal }) =>
    (api as (m: 'GET', p: P, r: ApiRequest<P, 'GET'> | undefined, s: AbortSignal) => Promise<ApiResponse<P, 'GET'>>)('GET', path, request, signal);
}
