import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { type CodingQuestion, ContentService } from '#libs/content';
import { DomainError } from '#libs/errors';
import { LOGGER, type Logger } from '#libs/logging';
import type { ClientAckData, ClientPayload } from '#libs/protocol';
import { JobQueue } from '#libs/queue';
import { CodeRunsRepository } from './code-runs.repository.js';
import { toCodeTimeline, type CodeTimelineDto } from './code-timeline.js';
import { parseCustomInput } from './custom-input.js';
import { SessionEndedError, SessionNotFoundError } from './session-errors.js';
import { SessionAccessPolicy } from './session-access.policy.js';
import { SessionNotifier } from './session-notifier.js';
import { SessionsRepository, type SessionTx } from './sessions.repository.js';

/** The live coding half of a session: editor snapshots, runs and submissions, and the replay timeline. */
@Injectable()
export class CodeSessionService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly code: CodeRunsRepository,
    private readonly content: ContentService,
    private readonly jobs: JobQueue,
    private readonly notifier: SessionNotifier,
    private readonly access: SessionAccessPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Stores one snapshot with its time. Idempotent per clientId; refused when closer than the minimum interval. */
  async update(principal: Principal, input: ClientPayload<'code:update'>): Promise<ClientAckData['code:update']> {
    const { maxChars, snapshotMinIntervalMs } = this.config.coding;
    if (input.code.length > maxChars) {
      throw new DomainError('CODE_TOO_LONG', `code is ${input.code.length} characters; the limit is ${maxChars}`, {
        limit: maxChars,
        length: input.code.length,
      });
    }
    const done = await this.inCodingSession(principal, input.sessionId, async (tx) => {
      const existing = await this.code.snapshotByClientId(tx, input.clientId);
      if (existing) return existing;
      if (tx.session.status === 'ended') throw new SessionEndedError();
      const last = await this.code.latestSnapshot(tx);
      const sinceMs = last ? Date.now() - last.createdAt.getTime() : Infinity;
      if (sinceMs < snapshotMinIntervalMs) {
        throw new DomainError('RATE_LIMITED', 'code snapshots are too frequent; debounce them', {
          retryAfterMs: Math.ceil(snapshotMinIntervalMs - sinceMs),
        });
      }
      const phaseId = tx.session.phases[tx.session.phaseIndex]!.id;
      return this.code.insertSnapshot(tx, { clientId: input.clientId, phaseId, language: input.language, code: input.code });
    });
    return { snapshotId: done.id, at: done.createdAt.toISOString() };
  }

  /**
   * Queues the latest snapshot against the visible tests (`run`), every test (`submit`), or with `input` once on the
   * candidate's own arguments (never a hidden test). Idempotent per clientId.
   */
  async run(principal: Principal, input: ClientPayload<'code:run'>, kind: 'run' | 'submit'): Promise<ClientAckData['code:run']> {
    const custom = kind === 'run' ? input.input : undefined;
    const { customInputMaxChars } = this.config.coding;
    if (custom !== undefined && custom.length > customInputMaxChars) {
      throw new DomainError('CODE_INPUT_TOO_LONG', `the input is ${custom.length} characters; the limit is ${customInputMaxChars}`, {
        limit: customInputMaxChars,
        length: custom.length,
      });
    }
    const {
      run,
      fresh,
      ahead = 0,
    } = await this.inCodingSession(principal, input.sessionId, async (tx, question) => {
      const existing = await this.code.runByClientId(tx, input.clientId);
      if (existing) return { run: existing, fresh: false, ahead: 0 };
      if (tx.session.status === 'ended') throw new SessionEndedError();
      // Refused now with what is wrong, rather than as a failed run later.
      if (custom !== undefined) parseCustomInput(custom, question.signature.params);
      const snapshot = await this.code.latestSnapshot(tx);
      if (!snapshot) throw new DomainError('NO_CODE', 'nothing to run yet: send code:update first');
      const { runsPerUser } = this.config.coding;
      const unfinished = await this.code.lockUnfinishedOfUser(tx, principal.userId);
      if (unfinished >= runsPerUser) {
        throw new DomainError('RATE_LIMITED', `at most ${runsPerUser} code runs at once; wait for one to finish`, {
          retryAfterMs: this.config.sandbox.limits.wallMs,
        });
      }
      const phaseId = tx.session.phases[tx.session.phaseIndex]!.id;
      const inserted = await this.code.insertRun(tx, { clientId: input.clientId, kind, snapshotId: snapshot.id, phaseId, input: custom ?? null });
      return { run: inserted, fresh: true, ahead: unfinished };
    });
    if (fresh) await this.enqueue(run.id, ahead);
    return { runId: run.id, status: run.state === 'done' ? 'done' : 'queued' };
  }

  /** The replay: for the candidate, their assigned coach or an admin (the one session access policy). */
  async timeline(principal: Principal, sessionId: string): Promise<CodeTimelineDto> {
    const session = await this.access.visibleSession(principal, sessionId);
    const [snapshots, runs] = await Promise.all([this.code.snapshots(sessionId), this.code.runs(sessionId)]);
    return toCodeTimeline(session, snapshots, runs);
  }

  private async inCodingSession<T>(principal: Principal, sessionId: string, fn: (tx: SessionTx, question: CodingQuestion) => Promise<T>): Promise<T> {
    const done = await this.sessions.inSession(sessionId, async (tx) => {
      await this.access.assert(principal, tx.session, 'act');
      const question = await this.content.questionAt(tx.session.questionId, tx.session.questionVersion);
      if (question.kind !== 'coding')
        throw new DomainError('NOT_A_CODING_SESSION', 'this session has no code editor: its question is not a coding question');
      return fn(tx, question);
    });
    if (!done) throw new SessionNotFoundError();
    await this.notifier.notify(done.appended);
    return done.result;
  }

  /**
   * The run is committed; if Redis refuses the job now, the reconciler enqueues it later.
   *
   * Fairness between users, done simply: a user has at most `runsPerUser` runs unfinished (the cap above), and a
   * run's BullMQ priority is the number of that user's runs already unfinished when it was accepted. Every
   * user's first pending run (priority 0) goes before anyone's second (1), and so on; FIFO within one level. So a
   * flooding user is refused past the cap and never queues ahead of another user's first run, and with
   * `runsPerUser < runConcurrency` never holds every sandbox slot.
   */
  private async enqueue(runId: string, ahead: number): Promise<void> {
    try {
      await this.jobs.enqueue('code.run', { runId }, { jobId: runId, priority: ahead });
    } catch (err) {
      this.logger.warn({ err, runId }, 'could not enqueue the code run; the reconciler will retry');
    }
  }
}
