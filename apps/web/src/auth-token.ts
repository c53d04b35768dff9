import { serverClock } from './clock.js';

const TOKEN_KEY = 'mi.accessToken';
const RENEW_LOCK = 'mi.renew-access-token';
const REFRESH_PATH = '/api/auth/refresh';

export interface Principal {
  userId: string;
  role: 'candidate' | 'coach' | 'admin';
  /** Server time (ms) the access token stops being good, and when it was issued. */
  expiresAt: number;
  issuedAt: number;
}

const listeners = new Set<() => void>();

/**
 * The short-lived access token, in `localStorage` (sent as a bearer token and in the socket handshake). Its
 * renewal is the refresh token's job: an httpOnly cookie only the refresh endpoint receives, which no script here
 * can read.
 */
export const auth = {
  token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  set(token: string): void {
    localStorage.setItem(TOKEN_KEY, token);
    for (const listener of listeners) listener();
  },
  clear(): void {
    localStorage.removeItem(TOKEN_KEY);
    for (const listener of listeners) listener();
  },
  /**
   * What the token says about its holder (the server checks it; this only picks the screens to show). An
   * expired token still names its holder: it is renewed with the refresh cookie, and only a refused renewal asks
   * to sign in again.
   */
  principal(): Principal | null {
    return principalOf(this.token());
  },
};

function principalOf(token: string | null): Principal | null {
  if (!token) return null;
  try {
    const claims = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as {
      sub: string;
      role: Principal['role'];
      exp: number;
      iat?: number;
    };
    if (typeof claims.sub !== 'string' || !['candidate', 'coach', 'admin'].includes(claims.role)) return null;
    return { userId: claims.sub, role: claims.role, expiresAt: claims.exp * 1000, issuedAt: (claims.iat ?? claims.exp) * 1000 };
  } catch {
    return null;
  }
}

/** `refused`: the sign-in is over (sign in again); `unreachable`: no verdict (offline, server away): try later. */
export type Renewal = { ok: true; token: string } | { ok: false; reason: 'refused' | 'unreachable'; message: string };

/** How long before expiry a token is renewed: a fifth of its life, between 1 s and a minute. */
function renewLeadMs(p: Principal): number {
  return Math.min(60_000, Math.max(1_000, (p.expiresAt - p.issuedAt) / 5));
}

function isFresh(token: string | null): token is string {
  const p = principalOf(token);
  return !!p && p.expiresAt - serverClock.now() > renewLeadMs(p);
}

let inFlight: Promise<Renewal> | null = null;

/**
 * Spends the refresh cookie for a new access token. One renewal at a time in this tab, and across tabs one at a
 * time under a Web Lock: two tabs spending the same refresh token would read to the server as a stolen copy and
 * end the sign-in. A tab that waited on the lock takes the token another tab just got.
 */
export function renewAccessToken(): Promise<Renewal> {
  if (!inFlight) {
    const stale = auth.token();
    const run = async (): Promise<Renewal> => {
      const current = auth.token();
      if (current !== stale && isFresh(current)) return { ok: true, token: current };
      return spendRefreshCookie();
    };
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    inFlight = (locks ? locks.request(RENEW_LOCK, run) : run()).finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
}

async function spendRefreshCookie(): Promise<Renewal> {
  const sentAt = Date.now();
  let res: Response;
  try {
    res = await fetch(REFRESH_PATH, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    return { ok: false, reason: 'unreachable', message: 'The server cannot be reached.' };
  }
  serverClock.observeHttpDate(res.headers.get('date'), sentAt, Date.now());
  const body = (await res.json().catch(() => undefined)) as { accessToken?: string; error?: { message?: string } } | undefined;
  if (res.ok && typeof body?.accessToken === 'string') {
    auth.set(body.accessToken);
    return { ok: true, token: body.accessToken };
  }
  const message = body?.error?.message ?? res.statusText;
  return { ok: false, reason: res.status === 401 || res.status === 403 ? 'refused' : 'unreachable', message };
}

/**
 * Keeps the access token fresh while the app is open: renews it a little before it expires (and again after a
 * failed try: when the browser is back online, or a few seconds later). Returns the stop function.
 */
export function keepAccessTokenFresh(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const schedule = (delayMs?: number) => {
    clearTimeout(timer);
    if (stopped) return;
    const p = auth.principal();
    if (!p) return;
    const due = delayMs ?? Math.max(0, p.expiresAt - serverClock.now() - renewLeadMs(p));
    timer = setTimeout(() => void renewNow(), due);
  };
  const renewNow = async () => {
    const result = await renewAccessToken();
    if (result.ok) schedule();
    // Refused: the next request or reconnect finds out and says so. Unreachable: try again soon.
    else if (result.reason === 'unreachable' && navigator.onLine) schedule(5_000);
  };
  const onOnline = () => {
    const p = auth.principal();
    if (p && !isFresh(auth.token())) void renewNow();
  };
  // Another tab renewed (the storage event) or this one did: the timer follows the newest token.
  const onChange = () => schedule();
  const onStorage = (e: StorageEvent) => e.key === TOKEN_KEY && schedule();
  listeners.add(onChange);
  window.addEventListener('storage', onStorage);
  window.addEventListener('online', onOnline);
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
    window.removeEventListener('online', onOnline);
  };
}

/** Ends the sign-in on the server (its refresh family, named by the access token) and here. */
export async function signOut(): Promise<void> {
  const token = auth.token();
  auth.clear();
  if (!token) return;
  await fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
}
