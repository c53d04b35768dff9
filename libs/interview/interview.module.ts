import { Global, Module } from '@nestjs/common';
import { CodeFactsModule } from '#libs/code-facts';
import { ContentModule } from '#libs/content';
import { GradingModule } from '#libs/grading';
import { MetricsModule } from '#libs/metrics';
import { QueueModule } from '#libs/queue';
import { AdmissionUsage, RolloutModule } from '#libs/rollout';
import { SandboxModule } from '#libs/sandbox';
import { AnswerBoardService } from './answer-board.service.js';
import { CodeRunHandler } from './code-run.handler.js';
import { CodeRunResults } from './code-run-results.service.js';
import { CodeRunService } from './code-run.service.js';
import { CodeRunsRepository } from './code-runs.repository.js';
import { CodeSessionService } from './code-session.service.js';
import { DiagramReplayService } from './diagram-replay.service.js';
import { DiagramSessionService } from './diagram-session.service.js';
import { DiagramSnapshotsRepository } from './diagram-snapshots.repository.js';
import { GradeAnswerService } from './grade-answer.service.js';
import {
  BuildReportHandler,
  GradeAnswerHandler,
  InterviewerReplyHandler,
  PhaseDeadlineHandler,
  PhaseNudgeHandler,
  ReconcileHandler,
} from './interview-jobs.handlers.js';
import { InterviewerReplyService } from './interviewer-reply.service.js';
import { SessionAccessPolicy } from './session-access.policy.js';
import { SessionClockService } from './session-clock.service.js';
import { SessionNotifier } from './session-notifier.js';
import { SessionReconcilerService } from './session-reconciler.service.js';
import { SessionRecordsRepository } from './session-records.repository.js';
import { SessionRecordsService } from './session-records.service.js';
import { SessionReportService } from './session-report.service.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';
import { SessionsController } from './sessions.controller.js';

/**
 * What other libs read of sessions (needs only DbModule): global, because libs/rollout, which libs/interview
 * imports, counts sessions and tokens through it (`AdmissionUsage`).
 */
@Global()
@Module({
  providers: [SessionRecordsRepository, SessionRecordsService, { provide: AdmissionUsage, useExisting: SessionRecordsService }],
  exports: [SessionRecordsService, AdmissionUsage],
})
export class SessionRecordsModule {}

/** Sessions as the api uses them (needs RedisModule and DbModule from the app). */
@Module({
  imports: [SessionRecordsModule, ContentModule, QueueModule, RolloutModule],
  providers: [
    SessionsRepository,
    SessionsService,
    SessionNotifier,
    SessionAccessPolicy,
    CodeRunsRepository,
    CodeSessionService,
    DiagramSnapshotsRepository,
    DiagramSessionService,
    DiagramReplayService,
  ],
  exports: [
    SessionsService,
    SessionsRepository,
    SessionAccessPolicy,
    CodeRunsRepository,
    CodeSessionService,
    DiagramSnapshotsRepository,
    DiagramSessionService,
    DiagramReplayService,
  ],
})
export class InterviewModule {}

/** The HTTP side: create, list and read sessions. */
@Module({ imports: [InterviewModule], controllers: [SessionsController] })
export class InterviewHttpModule {}

/**
 * The grading worker's side: grading, the interviewer's replies, the phase clock, reports and the reconciler. It
 * runs no candidate code (no sandbox here): a run the reconciler gives up on is ended through `CodeRunResults`.
 */
@Module({
  imports: [InterviewModule, ContentModule, QueueModule, GradingModule, MetricsModule],
  providers: [
    CodeRunResults,
    SessionNotifier,
    AnswerBoardService,
    GradeAnswerService,
    InterviewerReplyService,
    SessionClockService,
    SessionReportService,
    SessionReconcilerService,
    GradeAnswerHandler,
    InterviewerReplyHandler,
    PhaseNudgeHandler,
    PhaseDeadlineHandler,
    BuildReportHandler,
    ReconcileHandler,
  ],
  exports: [SessionReconcilerService, SessionClockService],
})
export class InterviewJobsModule {}

/** The code runner's side (apps/code-runner): the `code` queue's handler, the sandbox and the code facts. */
@Module({
  imports: [InterviewModule, ContentModule, QueueModule, SandboxModule, CodeFactsModule, MetricsModule],
  providers: [CodeRunResults, SessionNotifier, CodeRunService, CodeRunHandler],
})
export class CodeRunJobsModule {}
