import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { LOGGER, type Logger } from '#libs/logging';
import { JobQueue } from '#libs/queue';
import { nudgeLine } from './interviewer.js';
import { nextPhase, say } from './session-flow.js';
import { SessionNotifier } from './session-notifier.js';
import type { SessionRow } from './session.types.js';
import { deadlineJobId, nudgeDelayMs, nudgeJobId, reportJobId } from './sessions.service.js';
import { SessionsRepository } from './sessions.repository.js';

/** The server's clock: a phase's deadline job ends the phase, whichever process started it. */
@Injectable()
export class SessionClockService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly jobs: JobQueue,
    private readonly notifier: SessionNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Idempotent: a stale or duplicate deadline (the phase already moved on, or not due yet) changes nothing. */
  async onDeadline(sessionId: string, phaseIndex: number, now = new Date()): Promise<void> {
    const done = await this.sessions.inSession(sessionId, async (tx) => {
      const s = tx.session;
      if (s.status !== 'active' || s.phaseIndex !== phaseIndex) return null;
      if (s.phaseEndsAt.getTime() > now.getTime()) return { kind: 'early' as const, at: s.phaseEndsAt };
      return { kind: 'moved' as const, transition: await nextPhase(tx, 'clock', this.config.sessions.phaseMinuteMs), session: { ...tx.session } };
    });
    const result = done?.result;
    if (!result) return;
    if (result.kind === 'early') {
      // A deadline that fires early (a re-enqueued job) waits for the real one.
      await this.jobs.enqueue(
        'sessions.phase-deadline',
        { sessionId, phaseIndex },
        {
          jobId: `${deadlineJobId(sessionId, phaseIndex)}-${result.at.getTime()}`,
          delayMs: result.at.getTime() - now.getTime(),
        },
      );
      return;
    }
    const { transition, session } = result;
    if (transition.kind === 'phase') {
      await this.schedule(session);
    } else {
      await this.jobs.enqueue('sessions.build-report', { sessionId }, { jobId: reportJobId(sessionId) });
    }
    this.logger.info({ sessionId, phaseIndex, transition: transition.kind }, 'phase clock ran out');
    await this.notifier.notify(done.appended);
  }

  /** Queues the deadline (and the nudge, when one is due) of the session's current phase; idempotent per phase. */
  async schedule(session: SessionRow, now = Date.now()): Promise<void> {
    const { id: sessionId, phaseIndex } = session;
    await this.jobs.enqueue(
      'sessions.phase-deadline',
      { sessionId, phaseIndex },
      {
        jobId: deadlineJobId(sessionId, phaseIndex),
        delayMs: Math.max(0, session.phaseEndsAt.getTime() - now),
      },
    );
    const nudgeMs = nudgeDelayMs(session, this.config.sessions.phaseMinuteMs, now);
    // A nudge already due may have been said: only one still ahead is queued (again).
    if (nudgeMs !== null && nudgeMs > 0) {
      await this.jobs.enqueue('sessions.phase-nudge', { sessionId, phaseIndex }, { jobId: nudgeJobId(sessionId, phaseIndex), delayMs: nudgeMs });
    }
  }

  /**
   * Whether Redis still holds the job that ends the session's current phase: the first one, or the one a
   * deadline that fired early queued for the real end.
   */
  async deadlinePending(session: SessionRow): Promise<boolean> {
    const id = deadlineJobId(session.id, session.phaseIndex);
    return (
      (await this.jobs.isPending('sessions.phase-deadline', id)) ||
      (await this.jobs.isPending('sessions.phase-deadline', `${id}-${session.phaseEndsAt.getTime()}`))
    );
  }

  /** "About two minutes left", once, and only while that phase is still running. */
  async onNudge(sessionId: string, phaseIndex: number): Promise<void> {
    const done = await this.sessions.inSession(sessionId, async (tx) => {
      const s = tx.session;
      if (s.status !== 'active' || s.phaseIndex !== phaseIndex) return;
      await say(tx, nudgeLine(s.phases[phaseIndex]!, phaseIndex));
    });
    if (done) await this.notifier.notify(done.appended);
  }
}
