import { Module } from '@nestjs/common';
import { AuthCoreModule } from '#libs/auth';
import { ContentModule } from '#libs/content';
import { InterviewModule, SessionRecordsModule } from '#libs/interview';
import { CoachDirectoryModule } from './coach-assignments.js';
import { CalibrationService } from './calibration.service.js';
import { ProgressService } from './progress.service.js';
import { CoachAssignmentsController, ReviewController } from './review.controller.js';
import { ReviewRepository } from './review.repository.js';
import { ReviewService } from './review.service.js';
import { ReviewQueueService } from './review-queue.service.js';
import { TranscriptService } from './transcript.service.js';
import { TranscriptsController } from './transcripts.controller.js';

/** Review data and calibration without the live-session machinery (the CLI's label export). Needs DbModule. */
@Module({
  imports: [ContentModule, SessionRecordsModule, CoachDirectoryModule],
  providers: [ReviewRepository, CalibrationService],
  exports: [ReviewRepository, CalibrationService],
})
export class ReviewCoreModule {}

/** Review as services over sessions (needs what InterviewModule needs: DbModule and RedisModule from the app). */
@Module({
  imports: [ReviewCoreModule, InterviewModule, ContentModule, AuthCoreModule],
  providers: [ReviewService, ReviewQueueService, TranscriptService, ProgressService],
  exports: [ReviewService, ReviewQueueService, TranscriptService, ProgressService, ReviewCoreModule],
})
export class ReviewModule {}

/** Transcripts, progress, disputes, deletion, the coach's queue, corrections, calibration and assignments. */
@Module({ imports: [ReviewModule], controllers: [TranscriptsController, ReviewController, CoachAssignmentsController] })
export class ReviewHttpModule {}
