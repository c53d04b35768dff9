import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { UnauthenticatedError } from '#libs/errors';
import { LOGGER, type Logger } from '#libs/logging';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

/** A refresh token as handed to the client once (only its hash is kept). */
export interface IssuedRefreshToken {
  token: string;
  familyId: string;
  expiresAt: Date;
}

/** A presented token that was good: it is spent, and `next` replaces it. */
export interface RotatedRefreshToken {
  userId: string;
  /** The user's token version when the family began. */
  tokenVersion: number;
  next: IssuedRefreshToken;
}

/** 32 random bytes, base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Rotating refresh tokens with reuse detection: each sign-in starts a family, each refresh spends the token and
 * hands out the next one in the family, and a spent token presented again revokes the whole family (whoever holds
 * the newest one, the owner or a thief, must sign in again).
 */
@Injectable()
export class RefreshTokensService {
  constructor(
    private readonly tokens: RefreshTokensRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** A new family (a sign-in). */
  async start(userId: string, tokenVersion: number): Promise<IssuedRefreshToken> {
    await this.tokens.deleteExpired(userId);
    const issued = this.make(randomUUID());
    await this.tokens.insert({ familyId: issued.familyId, userId, tokenHash: hash(issued.token), tokenVersion, expiresAt: issued.expiresAt });
    return issued;
  }

  /** Spends the presented token and returns its successor; UNAUTHENTICATED for anything else. */
  async rotate(presented: unknown): Promise<RotatedRefreshToken> {
    if (typeof presented !== 'string' || !TOKEN.test(presented)) throw new UnauthenticatedError('missing or malformed refresh token');
    let next: IssuedRefreshToken | undefined;
    const result = await this.tokens.rotate(hash(presented), (claimed) => {
      next = this.make(claimed.family_id);
      return {
        familyId: claimed.family_id,
        userId: claimed.user_id,
        tokenHash: hash(next.token),
        tokenVersion: claimed.token_version,
        expiresAt: next.expiresAt,
      };
    });
    switch (result.kind) {
      case 'rotated':
        return { userId: result.userId, tokenVersion: result.tokenVersion, next: next! };
      case 'reused':
        this.logger.warn({ userId: result.userId, familyId: result.familyId }, 'spent refresh token presented again; family revoked');
        throw new UnauthenticatedError('refresh token already used; sign in again');
      case 'revoked':
        throw new UnauthenticatedError('refresh token revoked; sign in again');
      case 'expired':
        throw new UnauthenticatedError('refresh token expired; sign in again');
      case 'unknown':
        throw new UnauthenticatedError('unknown refresh token; sign in again');
    }
  }

  revokeFamily(familyId: string): Promise<void> {
    return this.tokens.revokeFamily(familyId);
  }

  /** The family of a token the client presents at sign-out (spent or not), if any. */
  async familyOf(presented: unknown): Promise<string | null> {
    if (typeof presented !== 'string' || !TOKEN.test(presented)) return null;
    return this.tokens.familyOf(hash(presented));
  }

  private make(familyId: string): IssuedRefreshToken {
    return {
      token: randomBytes(32).toString('base64url'),
      familyId,
      expiresAt: new Date(Date.now() + this.config.auth.refreshTtlSeconds * 1000),
    };
  }
}
