import { Inject, Injectable, Optional, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { publishNotice, REDIS, type Redis } from '#libs/redis';

/**
 * Something that may take away what a user's open sockets see: the user was disabled (or their role or
 * password changed), or a coach lost a candidate. Every api process listens and re-checks its sockets.
 */
export type AccessChange = { kind: 'user'; userId: string } | { kind: 'assignment'; coachId: string; candidateId: string };

export function accessChangesChannel(config: AppConfig): string {
  return `${config.queue.prefix}:access-changes`;
}

@Injectable()
export class AccessChanges {
  constructor(
    // Absent in the CLI, which has no Redis: it reads Postgres and publishes nothing.
    @Optional() @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Called after the change is committed, so a process that re-checks on the notice sees it. */
  async publish(change: AccessChange): Promise<void> {
    if (!this.redis) return;
    await publishNotice(
      this.redis,
      accessChangesChannel(this.config),
      change.kind === 'user' ? change.userId : change.coachId,
      JSON.stringify(change),
    );
  }
}

/** Only the publisher: libs that change access (review's assignments) import this, not the whole auth core. */
@Module({ providers: [AccessChanges], exports: [AccessChanges] })
export class AccessChangesModule {}
