import type { components, paths } from './api-types.js';
import { auth, renewAccessToken } from './auth-token.js';
import { serverClock } from './clock.js';

/**
 * The api's error body (`libs/http`): `{ error: { code, message, retryable, details?, requestId? } }`. `retryable`:
 * the same request may succeed later (the server said so, or it could not be reached).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly retryable = false,
  ) {
    super(message);
  }
}

export { auth, type Principal } from './auth-token.js';

/** A named schema of the api's document (`Schema<'Transcript'>`): the web client's only REST types. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
type ErrorBody = Schema<'ErrorBody'>;

/** Called when the api says the token is no longer good, so the app can ask to sign in again. */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][Lowercase<M>]>;

/** The api's paths (as in openapi.json, `{id}` placeholders) that answer `method`. */
export type ApiPath<M extends Method> = { [P in keyof paths]: paths[P][Lowercase<M>] extends { responses: unknown } ? P : never }[keyof paths];

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : void;
/** The JSON of an operation's success (200 or 201; a 204 is `void`). */
export type ApiResponse<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? (200 extends keyof R ? JsonOf<R[200]> : 201 extends keyof R ? JsonOf<R[201]> : void) : never;

type PathParams<O> = O extends { parameters: { path: infer X } } ? X : never;
type QueryParams<O> = O extends { parameters: { query?: infer X } } ? X : never;
type BodyOf<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** What a request to an operation carries: its path parameters (required when it has some), query and body. */
export type ApiRequest<P extends keyof paths, M extends Method> = ([PathParams<Operation<P, M>>] extends [never]
  ? { path?: never }
  : { path: PathParams<Operation<P, M>> }) & { query?: QueryParams<Operation<P, M>>; body?: BodyOf<Operation<P, M>> };
type RequestArgs<P extends keyof paths, M extends Method> =
  object extends ApiRequest<P, M> ? [request?: ApiRequest<P, M>, signal?: AbortSignal] : [request: ApiRequest<P, M>, signal?: AbortSignal];

/** The URL of a path of openapi.json with its `{name}` placeholders filled in and the query appended. */
function apiUrl(path: string, params: Record<string, string | number> = {}, query: Record<string, unknown> = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  const search = new URLSearchParams(
    Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );
  return search.size ? `${filled}?${search}` : filled;
}

/**
 * A JSON request with the bearer token, typed by openapi.json (`api-types.ts`, generated): the path is the
 * document's (`/api/sessions/{id}`), the request's parameters and body and the answer are its schemas. A 401 on a
 * request that carried a token renews the token once (the refresh cookie) and repeats the request; only a refused
 * renewal asks to sign in again. `signal` cancels it (a query nobody shows any more): the fetch rejects with the
 * signal's abort error, not as unreachable.
 */
export async function api<M extends Method, P extends ApiPath<M>>(
  method: M,
  path: P,
  ...[request, signal]: RequestArgs<P, M>
): Promise<ApiResponse<P, M>> {
  const {
    path: params,
    query,
    body,
  } = (request ?? {}) as { path?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown };
  const url = apiUrl(path, params, query);
  const res = await withRenewal(
    (token) => {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      return fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    },
    url,
    signal,
  );
  const text = await res.text();
  const json: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) throw refusal(res, json);
  return json as ApiResponse<P, M>;
}

/** The api's error body (`{ error: { code, message, … } }`) of a failed response, as an `ApiError`. */
function refusal(res: Response, json: unknown): ApiError {
  const error = (json as Partial<ErrorBody> | undefined)?.error;
  return new ApiError(res.status, error?.code ?? 'HTTP_' + res.status, error?.message ?? res.statusText, error?.details, error?.retryable === true);
}

/**
 * Sends with the current token; on a 401, renews once and sends again. A refused renewal (or a refusal with the
 * renewed token) signs out; an unreachable refresh leaves the sign-in as it is.
 */
async function withRenewal(send: (token: string | null) => Promise<Response>, path: string, signal?: AbortSignal): Promise<Response> {
  const token = auth.token();
  const res = await timed(() => send(token), signal);
  if (res.status !== 401 || !token || path.startsWith('/api/auth/')) return res;
  const renewal = await renewAccessToken();
  if (!renewal.ok) {
    if (renewal.reason === 'refused') onUnauthenticated();
    return res;
  }
  const again = await timed(() => send(renewal.token), signal);
  if (again.status === 401) onUnauthenticated();
  return again;
}

async function timed(send: () => Promise<Response>, signal?: AbortSignal): Promise<Response> {
  const sentAt = Date.now();
  try {
    const res = await send();
    serverClock.observeHttpDate(res.headers.get('date'), sentAt, Date.now());
    return res;
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached. Check your connection and try again.', undefined, true);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A message fit for a person: the api's own, with the fields it names. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    const issues = (err.details?.issues as { path: string; message: string }[] | undefined) ?? [];
    return issues.length ? `${err.message} (${issues.map((i) => `${i.path} ${i.message}`).join('; ')})` : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * Opens a server page outside this client (the queue dashboard, for admins) that a plain link cannot open with the
 * bearer token: `POST <path>/session` sets the page's cookie, then the browser goes there.
 */
export async function openServerPage(path: string): Promise<void> {
  const session = `${path}/session`;
  const res = await withRenewal((token) => fetch(session, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} }), session);
  if (!res.ok) throw refusal(res, safeJson(await res.text()));
  window.location.assign(path);
}

/**
 * Downloads an api file (an export) with the bearer token a plain link cannot send: fetched, then saved under the
 * name the server's Content-Disposition gives.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const res = await withRenewal((token) => fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} }), path);
  if (!res.ok) throw refusal(res, safeJson(await res.text()));
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
