import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { LOGGER, type Logger } from '#libs/logging';
import { type JobName, type JobPayload, JobQueue } from '#libs/queue';
import { CodeRunResults } from './code-run-results.service.js';
import { CodeRunsRepository } from './code-runs.repository.js';
import { GradeAnswerService } from './grade-answer.service.js';
import { SessionClockService } from './session-clock.service.js';
import { deadlineJobId, reportJobId } from './sessions.service.js';
import { SessionReportService } from './session-report.service.js';
import { SessionsRepository } from './sessions.repository.js';

/**
 * How old an unfinished item must be before the reconciler asks Redis for its job: the api enqueues right after
 * its commit (milliseconds), and a re-enqueue racing it is harmless anyway (the same job id).
 */
const LOST_JOB_GRACE_MS = 2_000;
/** How far back the reconciler looks for a grade that settled after its session's report was built. */
const STALE_REPORT_WINDOW_MS = 24 * 3600_000;

/**
 * Postgres is the truth and Redis only carries work: this re-creates work Redis lost (a restart keeps
 * nothing here) or a dead process never enqueued — gradings whose job is gone, unanswered questions, phase
 * deadlines (queued again, or the phase ended when overdue), missing and stale reports. Each run asks Redis about
 * every unfinished item (a few round trips each), so after a FLUSHALL everything is back within one interval.
 * Each item is re-driven at most `RECONCILE_MAX_REDRIVES` times: work that fails every time (a result Postgres
 * refuses, a poisoned input) then ends for good — a grading `failed` (grade:failed), a code run a terminal
 * RUNTIME_ERROR (code:result with `errorCode`), a missing report `session:report-failed` (REPORT_REDRIVES_EXHAUSTED)
 * — or, for replies, which have no failed state (the interviewer moves on), is left alone with an error in the log
 * (`REDRIVE_EXHAUSTED`). Mail has its own bound: an outbox row is `failed` after its configured attempts.
 */
@Injectable()
export class SessionReconcilerService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly code: CodeRunsRepository,
    private readonly clock: SessionClockService,
    private readonly grading: GradeAnswerService,
    private readonly runs: CodeRunResults,
    private readonly reports: SessionReportService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async reconcile(now = new Date()): Promise<{ gradings: number; replies: number; deadlines: number; reports: number; codeRuns: number }> {
    const counts = { gradings: 0, replies: 0, deadlines: 0, reports: 0, codeRuns: 0 };
    // Any unfinished grading whose job Redis no longer holds (a wipe, an api that died before enqueueing).
    for (const g of await this.sessions.stalledGradings(new Date(now.getTime() - LOST_JOB_GRACE_MS))) {
      if (await this.jobs.isPending('grading.grade-answer', g.turnId)) continue;
      if (await this.exhausted('grading.grade-answer', g.turnId)) await this.grading.failForGood(g.turnId, 'GRADING_REDRIVES_EXHAUSTED');
      else await this.redrive('grading.grade-answer', { turnId: g.turnId }, g.turnId);
      counts.gradings++;
    }
    // A question is always answered; one without a reply past the stall bound lost its job (answers are replied
    // to by their grading job, which the step above re-drives). Questions older than ten minutes are left alone.
    const stalled = new Date(now.getTime() - this.config.sessions.gradingStallMs);
    for (const turnId of await this.sessions.unansweredQuestions(stalled, new Date(stalled.getTime() - 10 * 60_000))) {
      if (await this.jobs.isPending('interviewer.reply', `reply-${turnId}`)) continue;
      if (await this.exhausted('interviewer.reply', `reply-${turnId}`)) continue;
      await this.redrive('interviewer.reply', { turnId }, `reply-${turnId}`);
      counts.replies++;
    }
    // A live session whose deadline job is gone: queue it again, or, overdue, end the phase now (idempotent).
    for (const s of await this.sessions.activeSessions()) {
      if (await this.clock.deadlinePending(s)) continue;
      if (s.phaseEndsAt.getTime() <= now.getTime()) {
        await this.clock.onDeadline(s.id, s.phaseIndex, now);
      } else {
        await this.jobs.forget('sessions.phase-deadline', deadlineJobId(s.id, s.phaseIndex));
        await this.clock.schedule(s, now.getTime());
      }
      counts.deadlines++;
    }
    for (const sessionId of await this.sessions.endedWithoutReport()) {
      if (await this.jobs.isPending('sessions.build-report', reportJobId(sessionId))) continue;
      if (await this.exhausted('sessions.build-report', reportJobId(sessionId))) {
        await this.reports.failForGood(sessionId, 'REPORT_REDRIVES_EXHAUSTED');
        continue;
      }
      await this.redrive('sessions.build-report', { sessionId }, reportJobId(sessionId));
      counts.reports++;
    }
    // A grade settled after the report was built and its rebuild job was lost: build the next version.
    const settled = await this.sessions.staleReports(new Date(now.getTime() - STALE_REPORT_WINDOW_MS), new Date(now.getTime() - LOST_JOB_GRACE_MS));
    for (const { sessionId, settledAt } of settled) {
      const jobId = reportJobId(sessionId, `stale-${settledAt.getTime()}`);
      if (await this.jobs.isPending('sessions.build-report', jobId)) continue;
      if (await this.exhausted('sessions.build-report', jobId)) continue;
      await this.redrive('sessions.build-report', { sessionId }, jobId);
      counts.reports++;
    }
    // A code run's job is bounded by the sandbox's wall limit; one still unfinished well past it was lost.
    const runStall = Math.max(this.config.sessions.gradingStallMs, this.config.sandbox.limits.wallMs * 6);
    for (const runId of await this.code.stalledRuns(new Date(now.getTime() - runStall))) {
      if (await this.jobs.isPending('code.run', runId)) continue;
      if (await this.exhausted('code.run', runId)) await this.runs.failForGood(runId, 'CODE_RUN_FAILED');
      else await this.redrive('code.run', { runId }, runId);
      counts.codeRuns++;
    }
    if (Object.values(counts).some((n) => n > 0)) this.logger.warn(counts, 'reconciler re-enqueued lost work');
    return counts;
  }

  private async redrive<N extends JobName>(name: N, payload: JobPayload<N>, jobId: string): Promise<void> {
    await this.jobs.forget(name, jobId);
    await this.jobs.enqueue(name, payload, { jobId });
  }

  /** Counts this re-drive; true once the item already had its `maxRedrives`. */
  private async exhausted(name: JobName, jobId: string): Promise<boolean> {
    const count = await this.jobs.countRedrive(name, jobId);
    if (count <= this.config.sessions.maxRedrives) return false;
    if (count === this.config.sessions.maxRedrives + 1) {
      this.logger.error({ code: 'REDRIVE_EXHAUSTED', job: name, jobId, redrives: count - 1 }, 'reconciler gave up on lost work');
    }
    return true;
  }
}
