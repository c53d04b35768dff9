import type { NextFunction, Request, Response } from 'express';
import { DomainError, ForbiddenError, UnauthenticatedError } from '#libs/errors';
import type { AuthService } from './auth.service.js';
import type { Role } from './user.entity.js';

export interface RoleGateOptions {
  roles: readonly Role[];
  /**
   * A browser page cannot send a bearer header on navigation: `POST <mount>/session` with the bearer sets this
   * httpOnly, SameSite=Strict cookie (scoped to the mount path, as long as the token lives), which the gate then
   * accepts too. The token in it is checked on every request like a bearer token (expiry, version, role).
   */
  cookie: { name: string; path: string; secure: boolean };
}

/**
 * Express middleware for routes outside Nest's router (the queue dashboard): the same token check as the HTTP
 * guard (signature, expiry, the user's current token version) and the roles, answered 401/403 with the api's
 * error shape.
 */
export function roleGate(auth: AuthService, options: RoleGateOptions): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    void (async () => {
      const bearer = /^bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const token = bearer ?? readCookie(req, options.cookie.name);
      if (!token) throw new UnauthenticatedError('missing bearer token');
      const verified = await auth.verifyToken(token);
      if (!options.roles.includes(verified.principal.role)) throw new ForbiddenError(`requires role ${options.roles.join(' or ')}`);
      if (req.method === 'POST' && req.path === '/session' && bearer) {
        res.cookie(options.cookie.name, bearer, {
          httpOnly: true,
          sameSite: 'strict',
          secure: options.cookie.secure,
          path: options.cookie.path,
          expires: new Date(verified.expiresAt * 1000),
        });
        res.status(204).end();
        return;
      }
      next();
    })().catch((err: unknown) => {
      if (!(err instanceof DomainError) || (err.code !== 'FORBIDDEN' && err.code !== 'UNAUTHENTICATED')) return next(err);
      res.status(err.code === 'FORBIDDEN' ? 403 : 401).json({ error: { code: err.code, message: err.message, retryable: false } });
    });
  };
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
