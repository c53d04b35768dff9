import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { LOGGER, type Logger } from '#libs/logging';
import { REDIS, type Redis } from '#libs/redis';
import { UsersRepository } from './users.repository.js';

/** Stored for a deleted or disabled user: no token of theirs matches it. */
const NONE = '0';

/**
 * The token version each user's tokens must carry, read on every authenticated request and socket handshake.
 * Postgres is the truth; Redis holds it for `TOKEN_VERSION_CACHE_MS` so a request costs one GET, not a query.
 * Changes made through the app drop the cached copy at once; one made by hand in SQL shows within that age.
 */
@Injectable()
export class TokenVersions {
  constructor(
    private readonly users: UsersRepository,
    // Absent in the CLI, which has no Redis: it reads Postgres and publishes nothing.
    @Optional() @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The user's current version, or null when the user is gone or disabled. */
  async current(userId: string): Promise<number | null> {
    const ttl = this.config.auth.tokenVersionCacheMs;
    if (ttl === 0 || !this.redis) return this.users.currentTokenVersion(userId);
    const key = this.key(userId);
    const cached = await this.redis.get(key).catch((err: unknown) => {
      this.logger.warn({ err }, 'token version cache unavailable; reading Postgres');
      return null;
    });
    if (cached !== null) return cached === NONE ? null : Number(cached);
    const version = await this.users.currentTokenVersion(userId);
    await this.redis.set(key, version === null ? NONE : String(version), 'PX', ttl).catch(() => undefined);
    return version;
  }

  /** Drops the cached copy after a change, so the next request on any api process reads Postgres. */
  async forget(userId: string): Promise<void> {
    await this.redis?.del(this.key(userId));
  }

  private key(userId: string): string {
    return `${this.config.queue.prefix}:token-version:${userId}`;
  }
}
