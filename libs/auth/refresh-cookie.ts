import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import type { AccessTokenDto } from './auth.dto.js';
import type { SignedIn } from './auth.service.js';

const REFRESH_COOKIE = 'mi_refresh';
/** The cookie goes to the refresh endpoint only: no other request carries it, and no page script can read it. */
const REFRESH_COOKIE_PATH = '/api/auth/refresh';

/** Puts a sign-in's refresh token in its cookie and reads it back. */
@Injectable()
export class RefreshCookie {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Sets the refresh cookie and returns what the body carries: the access token. */
  hand(res: Response, { access, refresh }: SignedIn): AccessTokenDto {
    res.cookie(REFRESH_COOKIE, refresh.token, { ...this.options(), expires: refresh.expiresAt });
    return access;
  }

  clear(res: Response): void {
    res.clearCookie(REFRESH_COOKIE, this.options());
  }

  read(req: Request): string | undefined {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE) return part.slice(eq + 1).trim();
    }
    return undefined;
  }

  private options() {
    return { httpOnly: true, sameSite: 'strict' as const, secure: this.config.auth.secureCookies, path: REFRESH_COOKIE_PATH };
  }
}
