import { applyDecorators, type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { DomainError } from '#libs/errors';
import { hitFixedWindow, REDIS, type Redis } from '#libs/redis';
import { ApiErrors } from './api-contract.js';

/** The doors that answer strangers: login and invite redemption (`auth`), waitlist sign-up and look-up (`waitlist`). */
export type IpRateBucket = 'auth' | 'waitlist';

const BUCKET = 'http:ip-rate-bucket';

/**
 * Fixed-window limit per client IP, counted in Redis so it holds across api processes. The client IP is
 * `req.ip`: the socket's peer unless `TRUST_PROXY` (a hop count) lets express read `X-Forwarded-For`.
 */
@Injectable()
class IpRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const bucket = this.reflector.get<IpRateBucket | undefined>(BUCKET, ctx.getHandler());
    if (!bucket) return true;
    const { windowMs, [bucket]: limit } = this.config.ipRateLimits;
    const ip = ctx.switchToHttp().getRequest<Request>().ip ?? 'unknown';
    const key = `${this.config.queue.prefix}:ip-rate:${bucket}:${ip}`;
    const { count, resetInMs } = await hitFixedWindow(this.redis, key, windowMs);
    if (count > limit) {
      throw new DomainError('RATE_LIMITED', 'too many requests from this address; try again later', { retryAfterMs: resetInMs });
    }
    return true;
  }
}

/** Limits a route per client IP (see `IpRateLimitGuard`). */
export const IpRateLimit = (bucket: IpRateBucket): MethodDecorator =>
  applyDecorators(SetMetadata(BUCKET, bucket), UseGuards(IpRateLimitGuard), ApiErrors('RATE_LIMITED'));
