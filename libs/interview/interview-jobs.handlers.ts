import { Injectable } from '@nestjs/common';
import { MetricsService } from '#libs/metrics';
import { HandlesJob, type JobContext, type JobHandler, type JobPayload } from '#libs/queue';
import { GradeAnswerService } from './grade-answer.service.js';
import { InterviewerReplyService } from './interviewer-reply.service.js';
import { SessionClockService } from './session-clock.service.js';
import { SessionReconcilerService } from './session-reconciler.service.js';
import { SessionReportService } from './session-report.service.js';

@Injectable()
@HandlesJob('grading.grade-answer')
export class GradeAnswerHandler implements JobHandler<'grading.grade-answer'> {
  constructor(private readonly service: GradeAnswerService) {}
  handle({ turnId }: JobPayload<'grading.grade-answer'>, ctx: JobContext): Promise<void> {
    return this.service.grade(turnId, ctx);
  }
}

@Injectable()
@HandlesJob('interviewer.reply')
export class InterviewerReplyHandler implements JobHandler<'interviewer.reply'> {
  constructor(private readonly service: InterviewerReplyService) {}
  handle({ turnId }: JobPayload<'interviewer.reply'>, ctx: JobContext): Promise<void> {
    return this.service.reply(turnId, ctx);
  }
}

@Injectable()
@HandlesJob('sessions.phase-nudge')
export class PhaseNudgeHandler implements JobHandler<'sessions.phase-nudge'> {
  constructor(private readonly clock: SessionClockService) {}
  handle({ sessionId, phaseIndex }: JobPayload<'sessions.phase-nudge'>): Promise<void> {
    return this.clock.onNudge(sessionId, phaseIndex);
  }
}

@Injectable()
@HandlesJob('sessions.phase-deadline')
export class PhaseDeadlineHandler implements JobHandler<'sessions.phase-deadline'> {
  constructor(private readonly clock: SessionClockService) {}
  handle({ sessionId, phaseIndex }: JobPayload<'sessions.phase-deadline'>): Promise<void> {
    return this.clock.onDeadline(sessionId, phaseIndex);
  }
}

@Injectable()
@HandlesJob('sessions.build-report')
export class BuildReportHandler implements JobHandler<'sessions.build-report'> {
  constructor(private readonly reports: SessionReportService) {}
  handle({ sessionId }: JobPayload<'sessions.build-report'>): Promise<void> {
    return this.reports.build(sessionId);
  }
}

/** Runs every RECONCILE_INTERVAL_MS: the worker keeps its schedule (`everyMs` in the job registry). */
@Injectable()
@HandlesJob('sessions.reconcile')
export class ReconcileHandler implements JobHandler<'sessions.reconcile'> {
  constructor(
    private readonly reconciler: SessionReconcilerService,
    private readonly metrics: MetricsService,
  ) {}

  async handle(): Promise<void> {
    this.metrics.reconcilerRepairs(await this.reconciler.reconcile());
  }
}
