import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { interviewerDeltasChannel, SessionsRepository, sessionEventsChannel, type SessionEventsNotice } from '#libs/interview';
import { LOGGER, type Logger } from '#libs/logging';
import { MetricsService } from '#libs/metrics';
import type { InterviewerDelta, ServerEvent } from '#libs/protocol';
import { createRedisConnection, type Redis, subscribeNotices } from '#libs/redis';
import { withCarriedSpan } from '#libs/tracing';

interface Watcher {
  socket: Socket;
  /** The highest seq this socket has been given (in a join ack or an emit). */
  cursor: number;
}

const SWEEP_MS = 2_000;

/**
 * A join's events with the scene only in the latest `diagram:updated`: each holds a whole scene, and the board shows
 * the latest (twenty snapshots of a 21 KB scene were 429 KB of replay). Every event and seq is still there, so resume
 * stays exact; a snapshot's scene stays readable in the diagram timeline.
 */
function latestSceneOnly(events: ServerEvent[]): ServerEvent[] {
  const latest = events.findLastIndex((e) => e.type === 'diagram:updated');
  return events.map((e, i) => {
    if (e.type !== 'diagram:updated' || i === latest) return e;
    const { scene: _replaced, ...rest } = e;
    return rest;
  });
}
/** Answers whose grade this process may still deliver, remembered for the answer→grade latency (bounded). */
const MAX_PENDING_ANSWERS = 10_000;

/**
 * Delivers each session's events to this process's sockets from the Postgres log, exactly once and in
 * order per socket: a Redis notice (or the periodic sweep, should a notice be lost) says "there is more",
 * and every socket gets the events after its own cursor. Work for one session runs one at a time.
 */
@Injectable()
export class SessionDeliveryService implements OnModuleInit, OnModuleDestroy {
  private readonly watchers = new Map<string, Map<string, Watcher>>();
  private readonly chains = new Map<string, Promise<void>>();
  private subscriber?: Redis;
  private sweepTimer?: NodeJS.Timeout;
  /** turnId → when the answer was accepted, from `answer:accepted` until its `grade:scored` is emitted. */
  private readonly acceptedAt = new Map<string, number>();

  constructor(
    private readonly sessions: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: MetricsService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscriber = createRedisConnection(this.config.redis.target, {
      subscriber: true,
      name: 'session-events',
      onError: (err) => this.logger.warn({ err }, 'session-events subscriber: Redis connection error (it reconnects)'),
    });
    const events = sessionEventsChannel(this.config);
    const deltas = interviewerDeltasChannel(this.config);
    await subscribeNotices(this.subscriber, [events, deltas], (channel, message) => {
      try {
        if (channel === deltas) return this.relay(JSON.parse(message) as InterviewerDelta);
        const notice = JSON.parse(message) as SessionEventsNotice;
        if (this.watchers.has(notice.sessionId)) {
          void this.serially(notice.sessionId, () =>
            withCarriedSpan(
              notice.trace,
              'session.deliver',
              { 'session.id': notice.sessionId, 'session.seq': notice.seq, 'session.events': (notice.events ?? []).map((e) => e.type).join(',') },
              () => this.deliver(notice.sessionId, notice.events),
            ),
          );
        }
      } catch (err) {
        this.logger.warn({ err, channel }, 'bad session notice');
      }
    });
    this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweepTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.sweepTimer);
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
    await Promise.allSettled([...this.chains.values()]);
  }

  /** Registers the socket and returns every event after `lastSeq`; later events arrive as emits. */
  join(socket: Socket, sessionId: string, lastSeq: number): Promise<ServerEvent[]> {
    return this.serially(sessionId, async () => {
      const events = latestSceneOnly(await this.sessions.eventsAfter(sessionId, lastSeq));
      if (socket.disconnected) return events; // it left while we were reading: nothing to watch
      const cursor = events.at(-1)?.seq ?? lastSeq;
      let forSession = this.watchers.get(sessionId);
      if (!forSession) this.watchers.set(sessionId, (forSession = new Map()));
      forSession.set(socket.id, { socket, cursor });
      ((socket.data.watching ??= new Set<string>()) as Set<string>).add(sessionId);
      return events;
    });
  }

  /** Forgets the socket in the sessions it joined (not a scan of every watched session). */
  leave(socket: Socket): void {
    for (const sessionId of [...((socket.data.watching as Set<string> | undefined) ?? [])]) this.leaveSession(socket, sessionId);
  }

  /** Stops delivering one session's events to the socket (its user may no longer see it). */
  leaveSession(socket: Socket, sessionId: string): void {
    (socket.data.watching as Set<string> | undefined)?.delete(sessionId);
    const forSession = this.watchers.get(sessionId);
    forSession?.delete(socket.id);
    if (forSession?.size === 0) this.watchers.delete(sessionId);
  }

  /**
   * Emits to every watcher the events after its cursor. Events carried by the notice are used as they are
   * when they leave no gap for any watcher (one transaction's events are contiguous); otherwise, or without
   * them, the log is read.
   */
  private async deliver(sessionId: string, carried?: readonly ServerEvent[]): Promise<void> {
    const forSession = this.watchers.get(sessionId);
    if (!forSession || forSession.size === 0) return;
    const from = Math.min(...[...forSession.values()].map((w) => w.cursor));
    const events = carried?.length && carried[0]!.seq <= from + 1 ? carried : await this.sessions.eventsAfter(sessionId, from);
    for (const event of events) if (event.seq > from) this.measure(event);
    for (const watcher of forSession.values()) {
      for (const event of events) {
        if (event.seq <= watcher.cursor) continue;
        watcher.socket.emit(event.type, event);
        watcher.cursor = event.seq;
        this.metrics.eventDelivered(event.type);
      }
    }
  }

  /** Answer→grade latency: from the answer's acceptance to the first emit of its grade by this process. */
  private measure(event: ServerEvent): void {
    if (event.type === 'answer:accepted') {
      if (this.acceptedAt.size >= MAX_PENDING_ANSWERS) this.acceptedAt.delete(this.acceptedAt.keys().next().value!);
      this.acceptedAt.set(event.turnId, Date.parse(event.at));
    } else if (event.type === 'grade:scored' || event.type === 'grade:failed') {
      const at = this.acceptedAt.get(event.turnId);
      this.acceptedAt.delete(event.turnId);
      if (at !== undefined && event.type === 'grade:scored') this.metrics.gradeDelivered((Date.now() - at) / 1000);
    }
  }

  /**
   * A piece of an interviewer reply goes straight to the session's sockets: it is not in the log, so it has
   * no cursor to respect, and a socket that misses it gets the whole line as `interviewer:message`.
   */
  private relay(delta: InterviewerDelta): void {
    for (const watcher of this.watchers.get(delta.sessionId)?.values() ?? []) watcher.socket.emit('interviewer:delta', delta);
  }

  /** The safety net for lost notices: one query for every watched session's last seq. */
  private async sweep(): Promise<void> {
    if (this.watchers.size === 0) return;
    try {
      const lastSeqs = await this.sessions.lastSeqs([...this.watchers.keys()]);
      for (const [sessionId, lastSeq] of lastSeqs) {
        const forSession = this.watchers.get(sessionId);
        if (forSession && [...forSession.values()].some((w) => w.cursor < lastSeq)) {
          void this.serially(sessionId, () => this.deliver(sessionId));
        }
      }
    } catch (err) {
      this.logger.warn({ err }, 'session sweep failed');
    }
  }

  private serially<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(sessionId) ?? Promise.resolve();
    const next = previous.then(work);
    const settled = next.then(
      () => undefined,
      (err: unknown) => this.logger.warn({ err, sessionId }, 'session delivery failed'),
    );
    this.chains.set(sessionId, settled);
    void settled.then(() => {
      if (this.chains.get(sessionId) === settled) this.chains.delete(sessionId);
    });
    return next;
  }
}
