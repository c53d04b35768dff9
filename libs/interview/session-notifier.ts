import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { LOGGER, type Logger } from '#libs/logging';
import type { InterviewerDelta, ServerEvent } from '#libs/protocol';
import { publishNotice, REDIS, type Redis } from '#libs/redis';
import { type TraceCarrier, traceCarrier } from '#libs/tracing';

export function sessionEventsChannel(config: AppConfig): string {
  return `${config.queue.prefix}:session-events`;
}

/** Pieces of interviewer replies being written: not in the log, delivered to whoever watches now. */
export function interviewerDeltasChannel(config: AppConfig): string {
  return `${config.queue.prefix}:interviewer-deltas`;
}

/** "Session S has events up to seq N" — with the events themselves when they are small enough to carry. */
export interface SessionEventsNotice {
  sessionId: string;
  seq: number;
  events?: readonly ServerEvent[];
  /** The trace of the work that made the events (tracing on): their delivery joins it. */
  trace?: TraceCarrier;
}

/** Bigger notices only say "there is more"; the api reads those events from the log. */
const MAX_CARRIED_BYTES = 64 * 1024;

/**
 * Tells every api process "session S has events up to seq N" through Redis (sharded) pub/sub, carrying the events so
 * the api need not read them back. The log in Postgres stays the truth: a lost notice delays delivery (the
 * api's sweep or the client's next join catches up), it never loses an event.
 */
@Injectable()
export class SessionNotifier {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Publishes one transaction's events (contiguous seqs of one session) after its commit. */
  async notify(events: readonly ServerEvent[]): Promise<void> {
    if (events.length === 0) return;
    const { sessionId } = events[0]!;
    const trace = traceCarrier();
    let message = JSON.stringify({ sessionId, seq: events.at(-1)!.seq, events, trace } satisfies SessionEventsNotice);
    if (message.length > MAX_CARRIED_BYTES) message = JSON.stringify({ sessionId, seq: events.at(-1)!.seq, trace } satisfies SessionEventsNotice);
    try {
      await publishNotice(this.redis, sessionEventsChannel(this.config), sessionId, message);
    } catch (err) {
      this.logger.warn({ err, sessionId }, 'could not publish a session notice; clients catch up on the next sweep');
    }
  }

  /** A piece of a reply being written. Best effort: the reply's logged `interviewer:message` is what counts. */
  async delta(delta: InterviewerDelta): Promise<void> {
    try {
      await publishNotice(this.redis, interviewerDeltasChannel(this.config), delta.sessionId, JSON.stringify(delta));
    } catch (err) {
      this.logger.warn({ err, sessionId: delta.sessionId }, 'could not publish an interviewer delta; the final line follows in the log');
    }
  }
}
