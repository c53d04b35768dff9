import { serverClock } from './clock.js';

/** The api's error body (`libs/http`): `{ error: { code, message, details?, requestId? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'mi.accessToken';

export interface Principal {
  userId: string;
  role: 'candidate' | 'coach' | 'admin';
  expiresAt: number;
}

export const auth = {
  token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  set(token: string): void {
    localStorage.setItem(TOKEN_KEY, token);
  },
  clear(): void {
    localStorage.removeItem(TOKEN_KEY);
  },
  /**
   * What the token says about its holder (the server checks it; this only picks the screens to show). An
   * expired token still names its holder: a live session keeps its open socket, and the next refused request
   * (or reconnect) asks to sign in again, with unsent answers kept.
   */
  principal(): Principal | null {
    const token = this.token();
    if (!token) return null;
    try {
      const claims = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { sub: string; role: Principal['role']; exp: number };
      if (typeof claims.sub !== 'string' || !['candidate', 'coach', 'admin'].includes(claims.role)) return null;
      return { userId: claims.sub, role: claims.role, expiresAt: claims.exp * 1000 };
    } catch {
      return null;
    }
  },
};

/** Called when the api says the token is no longer good, so the app can ask to sign in again. */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = auth.token();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const sentAt = Date.now();
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached. Check your connection and try again.');
  }
  serverClock.observeHttpDate(res.headers.get('date'), sentAt, Date.now());
  const text = await res.text();
  const json: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | undefined)?.error;
    if (res.status === 401 && token) onUnauthenticated();
    throw new ApiError(res.status, error?.code ?? 'HTTP_' + res.status, error?.message ?? res.statusText, error?.details);
  }
  return json as T;
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
 * Downloads an api file (an export) with the bearer token a plain link cannot send: fetched, then saved under the
 * name the server's Content-Disposition gives.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const token = auth.token();
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached. Check your connection and try again.');
  }
  if (!res.ok) {
    if (res.status === 401 && token) onUnauthenticated();
    const body = safeJson(await res.text()) as { error?: { code?: string; message?: string } } | undefined;
    throw new ApiError(res.status, body?.error?.code ?? 'HTTP_' + res.status, body?.error?.message ?? res.statusText);
  }
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
