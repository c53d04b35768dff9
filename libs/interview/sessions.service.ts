import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { ContentService } from '#libs/content';
import { DomainError } from '#libs/errors';
import { LOGGER, type Logger } from '#libs/logging';
import type { ClientAckData, ClientPayload, ServerEvent, SessionDetailDto, SessionStateDto } from '#libs/protocol';
import { JobQueue, type JobName, type JobPayload } from '#libs/queue';
import { RolloutService } from '#libs/rollout';
import { SessionAccessPolicy, type SessionPermission } from './session-access.policy.js';
import { AnswerTooLongError, SessionEndedError, SessionNotFoundError } from './session-errors.js';
import { endSession, nextPhase, say, startPhase, type Transition } from './session-flow.js';
import { lastPhaseLine, moveOnLine } from './interviewer.js';
import { repliesAfterGrade } from './reply-routing.js';
import { readTurn } from '#libs/interviewer';
import { SessionNotifier } from './session-notifier.js';
import { toStateDto, toTranscript } from './session-views.js';
import type { SessionRow, TurnRow } from './session.types.js';
import { isGraded, SessionsRepository, type SessionTx } from './sessions.repository.js';

export const deadlineJobId = (sessionId: string, index: number) => `deadline-${sessionId}-${index}`;
/** The first build's job id; a rebuild (a grade changed after the end) has one of its own per change. */
export const reportJobId = (sessionId: string, rebuild?: string) => (rebuild ? `report-${sessionId}-${rebuild}` : `report-${sessionId}`);
export const nudgeJobId = (sessionId: string, index: number) => `nudge-${sessionId}-${index}`;

/** Minutes (of the plan) before a phase's end that the interviewer says time is nearly up. */
const NUDGE_MINUTES = 2;

/** When the current phase's "two minutes left" is due, or null for a phase too short to need one. */
export function nudgeDelayMs(session: SessionRow, minuteMs: number, now = Date.now()): number | null {
  const phase = session.phases[session.phaseIndex]!;
  if (phase.minutes < NUDGE_MINUTES * 2) return null;
  return Math.max(0, session.phaseEndsAt.getTime() - NUDGE_MINUTES * minuteMs - now);
}

/** A candidate's live session: everything the gateway and the HTTP controller call. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly content: ContentService,
    private readonly jobs: JobQueue,
    private readonly notifier: SessionNotifier,
    private readonly access: SessionAccessPolicy,
    private readonly rollout: RolloutService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The rollout admits or refuses (early access, capacity, daily quota, LLM budget) before anything is stored. */
  create(principal: Principal, input: { questionId: string; mode: SessionRow['mode'] }): Promise<SessionStateDto> {
    return this.rollout.admit(principal, () => this.start(principal, input));
  }

  private async start(principal: Principal, input: { questionId: string; mode: SessionRow['mode'] }): Promise<SessionStateDto> {
    const question = this.content.question(input.questionId);
    const role = this.content.role(question.role);
    const phases = role.sessions[question.kind].phases.map((p) => ({
      id: p.id,
      title: p.title,
      minutes: p.maxMinutes,
      openingPrompt: p.openingPrompt,
    }));
    const created = await this.sessions.create({
      candidateId: principal.userId,
      questionId: question.id,
      questionVersion: question.version,
      roleSlug: role.slug,
      roleVersion: role.version,
      mode: input.mode,
      phases,
      phaseEndsAt: new Date(Date.now() + phases[0]!.minutes * this.config.sessions.phaseMinuteMs),
    });
    const done = await this.sessions.inSession(created.id, async (tx) => {
      await startPhase(tx, 0, this.config.sessions.phaseMinuteMs);
      return tx.session;
    });
    const session = done!.result;
    await this.afterCommit(session, done!.appended, { deadline: true });
    return toStateDto(session);
  }

  async list(principal: Principal): Promise<SessionStateDto[]> {
    return (await this.sessions.listForCandidate(principal.userId)).map(toStateDto);
  }

  /** The candidate, an assigned coach or an admin (see SessionAccessPolicy). */
  async get(principal: Principal, sessionId: string): Promise<SessionDetailDto> {
    const session = await this.access.visibleSession(principal, sessionId);
    const [turns, gradings, grades, report] = await Promise.all([
      this.sessions.turns(sessionId),
      this.sessions.gradings(sessionId),
      this.sessions.grades(sessionId),
      this.sessions.report(sessionId),
    ]);
    return {
      state: toStateDto(session),
      transcript: toTranscript(session, turns, gradings, grades),
      report,
    };
  }

  /**
   * The state `session:join` answers, once the principal may see the session. The events come from the delivery,
   * which reads the log once as it registers the socket (so none is missed between the read and the watch).
   */
  async joinState(principal: Principal, sessionId: string): Promise<SessionStateDto> {
    return toStateDto(await this.access.visibleSession(principal, sessionId));
  }

  /**
   * Stores the candidate's turn, read as an answer, a question, a request to move on or "I don't know"
   * (see `readTurn`), in one transaction with its events and, when it is graded, the intent to grade; then
   * queues the grading and the interviewer's reply. A request to move on advances the phase in the same
   * transaction. Idempotent per clientId: a re-send returns the first ack and stores nothing, but queues again
   * what the first may never have queued (its process died between commit and enqueue): the grading of an answer
   * still `queued` and a reply not yet said. The job ids are the turn's, so a job still there is not doubled.
   */
  async submitAnswer(principal: Principal, input: ClientPayload<'answer:submit'>): Promise<ClientAckData['answer:submit']> {
    const limit = this.config.sessions.answerMaxChars;
    if (input.text.length > limit) throw new AnswerTooLongError(limit, input.text.length);
    if (input.text.trim().length === 0) {
      throw new DomainError('INVALID_PAYLOAD', 'invalid payload: text must not be empty', {
        issues: [{ path: 'text', message: 'must not be empty' }],
      });
    }
    const { kind } = readTurn(input.text, input.intent);
    const graded = isGraded(kind);
    const done = await this.inOwnedSession(principal, input.sessionId, async (tx) => {
      const existing = await tx.findTurnByClientId(input.clientId);
      if (existing) return { turnId: existing.id, seq: existing.seq, fresh: false, transition: null, requeue: await this.lostWork(tx, existing) };
      if (tx.session.status === 'ended') throw new SessionEndedError();
      const turnId = randomUUID();
      const phaseId = tx.session.phases[tx.session.phaseIndex]!.id;
      const [seq] = await tx.appendEvents(
        [
          { type: 'answer:accepted', payload: { turnId, clientId: input.clientId, phaseId, text: input.text, kind, graded } },
          ...(graded ? [{ type: 'grade:status' as const, payload: { turnId, status: 'queued' as const } }] : []),
        ],
        { seqOf: 0, id: turnId, phaseId, speaker: 'candidate', clientId: input.clientId, text: input.text, reason: null, keyPointId: null, kind },
      );
      const transition = kind === 'move-on' ? await this.moveOn(tx) : null;
      return { turnId, seq: seq!, fresh: true, transition, session: tx.session };
    });
    const { turnId, seq, fresh, transition } = done.result;
    if (!fresh) {
      const requeue = done.result.requeue;
      await Promise.all([
        requeue?.grading ? this.requeueGrading(turnId) : null,
        requeue?.reply ? this.enqueue('interviewer.reply', { turnId }, `reply-${turnId}`) : null,
      ]);
      return { turnId, seq };
    }
    // The notice and the jobs go out together: the ack waits for the slowest, not for their sum.
    await Promise.all([
      transition
        ? this.afterCommit(done.result.session!, done.appended, { deadline: transition.kind === 'phase', report: transition.kind === 'ended' })
        : this.notifier.notify(done.appended),
      graded ? this.enqueue('grading.grade-answer', { turnId }, turnId) : null,
      kind !== 'move-on' && !(graded && repliesAfterGrade(this.config)) ? this.enqueue('interviewer.reply', { turnId }, `reply-${turnId}`) : null,
    ]);
    return { turnId, seq };
  }

  /** What a stored turn may still be waiting for that only a job brings: its grading (still `queued`), its reply. */
  private async lostWork(tx: SessionTx, turn: TurnRow): Promise<{ grading: boolean; reply: boolean }> {
    const graded = isGraded(turn.kind);
    const grading = graded && (await tx.grading(turn.id))?.status === 'queued';
    const replies = turn.kind !== 'move-on' && !(graded && repliesAfterGrade(this.config));
    const reply = replies && tx.session.status === 'active' && !(await tx.hasLine(`reply:${turn.id}`));
    return { grading, reply };
  }

  /** "Let's move on": the next phase opens, as with `phase:advance`; in the last phase only the candidate ends it. */
  private async moveOn(tx: SessionTx): Promise<Transition | null> {
    const next = tx.session.phases[tx.session.phaseIndex + 1];
    if (!next) {
      await say(tx, lastPhaseLine());
      return null;
    }
    await say(tx, moveOnLine(next));
    return nextPhase(tx, 'candidate', this.config.sessions.phaseMinuteMs);
  }

  async advance(principal: Principal, sessionId: string): Promise<ClientAckData['phase:advance']> {
    const done = await this.inOwnedSession(principal, sessionId, async (tx) => {
      if (tx.session.status === 'ended') throw new SessionEndedError();
      return { transition: await nextPhase(tx, 'candidate', this.config.sessions.phaseMinuteMs), session: tx.session };
    });
    const { transition, session } = done.result;
    await this.afterCommit(session, done.appended, { deadline: transition.kind === 'phase', report: transition.kind === 'ended' });
    if (transition.kind === 'ended') return { ended: true };
    const state = toStateDto(session);
    return { phase: state.phase, endsAt: state.phaseEndsAt };
  }

  async end(principal: Principal, sessionId: string): Promise<ClientAckData['session:end']> {
    const done = await this.inOwnedSession(principal, sessionId, async (tx) => {
      if (tx.session.status === 'ended') throw new SessionEndedError();
      await endSession(tx, 'candidate');
      return tx.session;
    });
    await this.afterCommit(done.result, done.appended, { report: true });
    return { ended: true };
  }

  /**
   * A failed grade can be tried again, and one stuck in `queued` is queued again (idempotent: the job id is the
   * turn, so a job still waiting is not doubled); anything else is already on its way.
   */
  async retryGrade(principal: Principal, { sessionId, turnId }: ClientPayload<'grade:retry'>): Promise<ClientAckData['grade:retry']> {
    const done = await this.inOwnedSession(principal, sessionId, async (tx) => {
      const grading = await tx.grading(turnId);
      if (!grading) throw new DomainError('TURN_NOT_FOUND', 'no answer with this id in the session');
      if (grading.status === 'queued') return { status: 'queued' as const, retried: true };
      if (grading.status !== 'failed') return { status: grading.status, retried: false };
      await tx.setGradingStatus(turnId, 'queued');
      await tx.appendEvent('grade:status', { turnId, status: 'queued' });
      return { status: 'queued' as const, retried: true };
    });
    if (done.result.retried) {
      await this.requeueGrading(turnId);
      await this.notifier.notify(done.appended);
    }
    return { status: done.result.status };
  }

  /** Queues the grading again: a finished job of the turn's id is dropped first, a waiting or running one kept. */
  private async requeueGrading(turnId: string): Promise<void> {
    try {
      await this.jobs.forget('grading.grade-answer', turnId);
    } catch (err) {
      this.logger.warn({ err, jobId: turnId }, 'could not look up the grading job; the reconciler will retry');
      return;
    }
    await this.enqueue('grading.grade-answer', { turnId }, turnId);
  }

  /**
   * Deletes a session (its candidate, or an admin) under its row lock, so a grading transaction in flight finishes
   * first and a later one finds the turn gone. `record` runs in the same transaction (libs/review's audit row).
   */
  async delete(principal: Principal, sessionId: string, record: (session: SessionRow) => Promise<void>): Promise<void> {
    const done = await this.sessions.inSession(sessionId, async (tx) => {
      await this.access.assert(principal, tx.session, 'delete');
      await tx.delete();
      await record(tx.session);
    });
    if (!done) throw new SessionNotFoundError();
  }

  /**
   * Runs `fn` under the session's row lock once the policy, asked with the locked row, lets `principal` do
   * `permission` with it; `fn` runs in the lock's transaction, which another lib's repositories join through
   * TransactionHost (libs/review's corrections and disputes: decided and written while the session can be neither
   * deleted nor changed). SESSION_NOT_FOUND when it is missing or the policy says no.
   */
  async inSessionAs<T>(principal: Principal, sessionId: string, permission: SessionPermission, fn: (session: SessionRow) => Promise<T>): Promise<T> {
    const done = await this.sessions.inSession(sessionId, async (tx) => fn(await this.access.assert(principal, tx.session, permission)));
    if (!done) throw new SessionNotFoundError();
    return done.result;
  }

  private async inOwnedSession<T>(principal: Principal, sessionId: string, fn: (tx: SessionTx) => Promise<T>) {
    const done = await this.sessions.inSession(sessionId, async (tx) => {
      await this.access.assert(principal, tx.session, 'act');
      return fn(tx);
    });
    if (!done) throw new SessionNotFoundError();
    return done;
  }

  private async afterCommit(session: SessionRow, appended: ServerEvent[], next: { deadline?: boolean; report?: boolean }): Promise<void> {
    if (next.deadline) {
      const delayMs = Math.max(0, session.phaseEndsAt.getTime() - Date.now());
      await this.enqueue(
        'sessions.phase-deadline',
        { sessionId: session.id, phaseIndex: session.phaseIndex },
        deadlineJobId(session.id, session.phaseIndex),
        delayMs,
      );
      const nudgeMs = nudgeDelayMs(session, this.config.sessions.phaseMinuteMs);
      if (nudgeMs !== null) {
        await this.enqueue(
          'sessions.phase-nudge',
          { sessionId: session.id, phaseIndex: session.phaseIndex },
          nudgeJobId(session.id, session.phaseIndex),
          nudgeMs,
        );
      }
    }
    if (next.report) await this.enqueue('sessions.build-report', { sessionId: session.id }, reportJobId(session.id));
    await this.notifier.notify(appended);
  }

  /** The commit already happened; if Redis refuses the job now, the reconciler enqueues it later. */
  private async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, jobId: string, delayMs?: number): Promise<void> {
    try {
      await this.jobs.enqueue(name, payload, { jobId, delayMs });
    } catch (err) {
      this.logger.warn({ err, job: name, jobId }, 'could not enqueue; the reconciler will retry');
    }
  }
}
