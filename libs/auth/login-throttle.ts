import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { DomainError } from '#libs/errors';
import { LOGGER, type Logger } from '#libs/logging';
import { REDIS, type Redis } from '#libs/redis';

/**
 * One attempt, atomically: refused (returns the ms left) while the account's back-off window is open;
 * otherwise counted, and from the Nth attempt without a success it opens the next window, base × 2^(count−N)
 * capped at max, before the password is checked (parallel guesses cannot slip past; a success clears it). Refused attempts count nothing, so hammering does not lengthen the window; the count
 * is forgotten after a quiet `max` and cleared by a success.
 */
const ATTEMPT = `
local now = tonumber(ARGV[1])
local untilMs = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
if untilMs > now then return untilMs - now end
local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
local n, base, max = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local backoff = 0
if count >= n then
  backoff = math.min(max, base * 2 ^ math.min(count - n, 40))
  redis.call('HSET', KEYS[1], 'until', now + backoff)
end
redis.call('PEXPIRE', KEYS[1], backoff + max)
return 0`;

/** After a wrong password (argon2 takes a while): the window runs from the failure, not from the attempt. */
const FAILED = `
local now = tonumber(ARGV[1])
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
local n, base, max = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
if count < n then return 0 end
local backoff = math.min(max, base * 2 ^ math.min(count - n, 40))
local untilMs = math.max(tonumber(redis.call('HGET', KEYS[1], 'until') or '0'), now + backoff)
redis.call('HSET', KEYS[1], 'until', untilMs)
redis.call('PEXPIRE', KEYS[1], untilMs - now + max)
return 0`;

/** Per-account login back-off, next to the per-IP limit (an IPv6 /64 is 2^64 addresses; an account is one). */
@Injectable()
export class LoginThrottle {
  constructor(
    // Absent in the CLI, which has no Redis: it reads Postgres and publishes nothing.
    @Optional() @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Before the password is checked: throws RATE_LIMITED inside the window, else counts the attempt. */
  async attempt(email: string, now = Date.now()): Promise<void> {
    const { failuresBeforeBackoff, backoffBaseMs, backoffMaxMs } = this.config.auth.login;
    if (!this.redis) return;
    let retryAfterMs: number;
    try {
      retryAfterMs = Number(await this.redis.eval(ATTEMPT, 1, this.key(email), now, failuresBeforeBackoff, backoffBaseMs, backoffMaxMs));
    } catch (err) {
      // Redis away: argon2 and the per-IP limit still slow guessing; refusing every login would lock everyone out.
      this.logger.warn({ err }, 'login throttle unavailable');
      return;
    }
    if (retryAfterMs > 0) throw new DomainError('RATE_LIMITED', 'too many failed sign-ins for this account; try again later', { retryAfterMs });
  }

  async failed(email: string, now = Date.now()): Promise<void> {
    const { failuresBeforeBackoff, backoffBaseMs, backoffMaxMs } = this.config.auth.login;
    await this.redis
      ?.eval(FAILED, 1, this.key(email), now, failuresBeforeBackoff, backoffBaseMs, backoffMaxMs)
      .catch((err: unknown) => this.logger.warn({ err }, 'login throttle unavailable'));
  }

  /** The right password: the account starts afresh. */
  async succeeded(email: string): Promise<void> {
    await this.redis?.del(this.key(email)).catch((err: unknown) => this.logger.warn({ err }, 'could not clear the login throttle'));
  }

  /** Hashed, so Redis holds no email addresses. */
  private key(email: string): string {
    return `${this.config.queue.prefix}:login-throttle:${createHash('sha256').update(email.toLowerCase()).digest('hex')}`;
  }
}
