import type { Socket } from 'socket.io';
import { asUnavailable, DomainError, type ErrorCode, isRetryable } from '#libs/errors';
import type { AuthService, VerifiedToken } from './auth.service.js';

interface SocketAuthError extends Error {
  /** The `ErrorDto` shape; a retryable refusal (the database was unavailable) is worth a reconnect, which socket.io does not make by itself after a middleware refusal. */
  data: { code: ErrorCode; message: string; retryable: boolean; details?: Record<string, unknown> };
}

function isSameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refuse(code: ErrorCode, message: string, details?: Record<string, unknown>): SocketAuthError {
  return Object.assign(new Error(code), { data: { code, message, retryable: isRetryable(code), details } });
}

/**
 * socket.io middleware for `io.use`: checks the Origin and the handshake's `auth.token`, then puts the
 * principal on `socket.data.principal` and the token's expiry (epoch seconds) on `socket.data.tokenExpiresAt`,
 * when the gateway closes the socket, and the token's version on `socket.data.tokenVersion`. Nest guards do not run on connection, so this is the gate.
 */
export function createSocketAuthMiddleware(
  auth: AuthService,
  allowedOrigins: readonly string[],
): (socket: Socket, next: (err?: Error) => void) => void {
  return (socket, next) => {
    const { origin, host } = socket.handshake.headers;
    // Browsers always send Origin; non-browser clients (tests, CLIs) may omit it and still need a token.
    // The web client served by this api is same-origin (Origin's host is the Host it connected to).
    if (origin !== undefined && !allowedOrigins.includes(origin) && !isSameOrigin(origin, host)) {
      next(refuse('FORBIDDEN', 'origin not allowed'));
      return;
    }
    const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    auth.verifyToken(token).then(
      ({ principal, expiresAt, version }: VerifiedToken) => {
        socket.data.principal = principal;
        socket.data.tokenExpiresAt = expiresAt;
        socket.data.tokenVersion = version;
        next();
      },
      (err: unknown) => {
        const known = err instanceof DomainError ? err : asUnavailable(err);
        next(known ? refuse(known.code, known.message, known.details) : refuse('INTERNAL', 'internal error'));
      },
    );
  };
}
