import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { type AccessChange, accessChangesChannel, AuthService, type Principal } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { DomainError } from '#libs/errors';
import { SessionAccessPolicy } from '#libs/interview';
import { LOGGER, type Logger } from '#libs/logging';
import type { ErrorDto } from '#libs/protocol';
import { createRedisConnection, type Redis, subscribeNotices } from '#libs/redis';
import { SessionDeliveryService } from './session-delivery.service.js';

/**
 * Keeps open sockets within what their user may still do. A socket is closed when its token expires (an
 * `error` UNAUTHENTICATED first: the client reconnects with a fresh token or signs in again) and when its user
 * is disabled; a coach who loses a candidate leaves that candidate's sessions at once. Changes arrive on a
 * Redis channel every api process listens to; each event a socket sends re-checks its token (cached version).
 */
@Injectable()
export class SocketAccessService implements OnModuleInit, OnModuleDestroy {
  private readonly byUser = new Map<string, Set<Socket>>();
  private subscriber?: Redis;
  private recheckTimer?: NodeJS.Timeout;

  constructor(
    private readonly auth: AuthService,
    private readonly policy: SessionAccessPolicy,
    private readonly delivery: SessionDeliveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscriber = createRedisConnection(this.config.redis.target, {
      subscriber: true,
      name: 'access-changes',
      onError: (err) => this.logger.warn({ err }, 'access-changes subscriber: Redis connection error (it reconnects)'),
    });
    await subscribeNotices(this.subscriber, [accessChangesChannel(this.config)], (_channel, message) => {
      try {
        const change = JSON.parse(message) as AccessChange;
        this.apply(change).catch((err: unknown) => this.logger.warn({ err, change }, 'access change not applied'));
      } catch (err) {
        this.logger.warn({ err }, 'bad access-change notice');
      }
    });
    this.recheckTimer = setInterval(() => void this.recheckVersions(), Math.max(1_000, this.config.auth.tokenVersionCacheMs));
    this.recheckTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.recheckTimer);
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** A new, authenticated socket: closed when its token expires, found by user when access changes. */
  track(socket: Socket): void {
    const { userId } = socket.data.principal as Principal;
    let sockets = this.byUser.get(userId);
    if (!sockets) this.byUser.set(userId, (sockets = new Set()));
    sockets.add(socket);
    const msLeft = (socket.data.tokenExpiresAt as number) * 1000 - Date.now();
    const expiry = setTimeout(() => this.revoke(socket, 'access token expired; reconnect with a fresh token'), Math.max(0, msLeft));
    socket.once('disconnect', () => {
      clearTimeout(expiry);
      sockets.delete(socket);
      if (sockets.size === 0 && this.byUser.get(userId) === sockets) this.byUser.delete(userId);
    });
  }

  /** Before each client event: the handshake token must still be good (signature, expiry, user's token version). */
  async assertCurrent(socket: Socket): Promise<void> {
    try {
      await this.auth.verify((socket.handshake.auth as Record<string, unknown> | undefined)?.token);
    } catch (err) {
      if (err instanceof DomainError) setImmediate(() => this.revoke(socket, err.message));
      throw err;
    }
  }

  /**
   * The net for changes made without a notice (a user deleted or demoted in SQL): one cached version read per
   * connected user, and their sockets holding an older token are closed.
   */
  private async recheckVersions(): Promise<void> {
    for (const [userId, sockets] of [...this.byUser]) {
      try {
        const current = new Map<number, boolean>(); // a user's sockets mostly share one token version
        for (const socket of [...sockets]) {
          const version = socket.data.tokenVersion as number;
          if (!current.has(version)) current.set(version, await this.auth.isCurrent(userId, version));
          if (!current.get(version)) this.revoke(socket, 'access revoked');
        }
      } catch (err) {
        this.logger.warn({ err, userId }, 'token version re-check failed');
      }
    }
  }

  private async apply(change: AccessChange): Promise<void> {
    if (change.kind === 'user') {
      for (const socket of [...(this.byUser.get(change.userId) ?? [])]) this.revoke(socket, 'access revoked');
      return;
    }
    for (const socket of [...(this.byUser.get(change.coachId) ?? [])]) {
      for (const sessionId of [...((socket.data.watching as Set<string> | undefined) ?? [])]) {
        const principal = socket.data.principal as Principal;
        const visible = await this.policy.visibleSession(principal, sessionId).then(
          () => true,
          (err: unknown) => (err instanceof DomainError ? false : Promise.reject(err)),
        );
        if (visible) continue;
        this.delivery.leaveSession(socket, sessionId);
        const dto: ErrorDto = { code: 'SESSION_NOT_FOUND', message: 'you may no longer see this session', retryable: false, details: { sessionId } };
        socket.emit('error', dto);
      }
    }
  }

  private revoke(socket: Socket, message: string): void {
    if (socket.disconnected) return;
    const dto: ErrorDto = { code: 'UNAUTHENTICATED', message, retryable: false };
    socket.emit('error', dto);
    socket.disconnect(true);
  }
}
