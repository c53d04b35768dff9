import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { LOGGER, type Logger } from '#libs/logging';
import { REDIS, type Redis } from '#libs/redis';

export function sessionEventsChannel(config: AppConfig): string {
  return `${config.queue.prefix}:session-events`;
}

export interface SessionEventsNotice {
  sessionId: string;
  seq: number;
}

/**
 * Tells every api process "session S has events up to seq N" through Redis pub/sub. The events themselves
 * are in Postgres; a lost notice delays delivery (the api's sweep or the client's next join catches up),
 * it never loses an event.
 */
@Injectable()
export class SessionNotifier {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async notify(sessionId: string, seqs: readonly number[]): Promise<void> {
    if (seqs.length === 0) return;
    const notice: SessionEventsNotice = { sessionId, seq: Math.max(...seqs) };
    try {
      await this.redis.publish(sessionEventsChannel(this.config), JSON.stringify(notice));
    } catch (err) {
      this.logger.warn({ err, sessionId }, 'could not publish a session notice; clients catch up on the next sweep');
    }
  }
}
