import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { z } from 'zod';
import { CurrentPrincipal, type Principal, Roles } from '#libs/auth';
import { ApiErrors, ApiNoContent, ApiReturns } from '#libs/http';
import { SessionNotFoundError } from '#libs/interview';
import { calibrationSchema, coachAssignmentRowSchema, coachAssignmentSchema, reviewQueueRowSchema, reviewResultSchema } from '#libs/protocol';
import { CalibrationService } from './calibration.service.js';
import { type AssignmentInput, assignmentSchema, type ReviewInput, reviewInputSchema } from './review.dto.js';
import { ReviewQueueService } from './review-queue.service.js';
import { ReviewService } from './review.service.js';

/** The coach's side: the queue, corrections and calibration. */
@Controller('api/review')
export class ReviewController {
  constructor(
    private readonly reviews: ReviewService,
    private readonly calibrationService: CalibrationService,
    private readonly reviewQueue: ReviewQueueService,
  ) {}

  @Get('queue')
  @Roles('coach', 'admin')
  @ApiReturns(z.array(reviewQueueRowSchema))
  queue(@CurrentPrincipal() principal: Principal): Promise<z.infer<typeof reviewQueueRowSchema>[]> {
    return this.reviewQueue.queue(principal);
  }

  /** No role gate here: anyone who may not review this session gets the same 404 as for a missing one. */
  @Post('sessions/:id/corrections')
  @ApiReturns(reviewResultSchema, 201)
  @ApiErrors('SESSION_NOT_FOUND', 'TURN_NOT_FOUND', 'CONFLICT')
  correct(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new SessionNotFoundError() })) id: string,
    @Body({ schema: reviewInputSchema }) body: ReviewInput,
  ): Promise<z.infer<typeof reviewResultSchema>> {
    return this.reviews.review(principal, id, body);
  }

  @Get('calibration')
  @Roles('coach', 'admin')
  @ApiReturns(calibrationSchema)
  calibration(@CurrentPrincipal() principal: Principal): Promise<z.infer<typeof calibrationSchema>> {
    return this.calibrationService.calibration(principal);
  }
}

@Controller('api/admin/coach-assignments')
@Roles('admin')
export class CoachAssignmentsController {
  constructor(private readonly reviews: ReviewService) {}

  @Get()
  @ApiReturns(z.array(coachAssignmentRowSchema))
  list(): Promise<z.infer<typeof coachAssignmentRowSchema>[]> {
    return this.reviews.assignments();
  }

  @Post()
  @ApiReturns(coachAssignmentSchema, 201)
  assign(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: assignmentSchema }) body: AssignmentInput,
  ): Promise<z.infer<typeof coachAssignmentSchema>> {
    return this.reviews.assign(principal, body);
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContent()
  @ApiErrors('NOT_FOUND')
  async unassign(@Body({ schema: assignmentSchema }) body: AssignmentInput): Promise<void> {
    await this.reviews.unassign(body);
  }
}
