import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { DomainError } from '#libs/errors';
import { hitFixedWindow, REDIS, type Redis } from '#libs/redis';

/** Fixed-window limits on client events: per socket in memory, per user in Redis (across api processes). */
@Injectable()
export class SocketRateLimiter {
  private readonly perSocket = new Map<string, { windowStart: number; count: number }>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(socketId: string, userId: string, now = Date.now()): Promise<void> {
    const { rateLimit, rateWindowMs } = this.config.sessions;
    const slot = this.perSocket.get(socketId);
    if (!slot || now - slot.windowStart >= rateWindowMs) this.perSocket.set(socketId, { windowStart: now, count: 1 });
    else if (++slot.count > rateLimit) throw this.limited(slot.windowStart + rateWindowMs - now);

    // A user with many sockets gets twice one socket's budget in all.
    const { count, resetInMs } = await hitFixedWindow(this.redis, `${this.config.queue.prefix}:rate:${userId}`, rateWindowMs);
    if (count > rateLimit * 2) throw this.limited(resetInMs);
  }

  forget(socketId: string): void {
    this.perSocket.delete(socketId);
  }

  private limited(retryAfterMs: number): DomainError {
    return new DomainError('RATE_LIMITED', 'too many events; slow down', { retryAfterMs: Math.max(0, retryAfterMs) });
  }
}
