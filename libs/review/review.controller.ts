import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentPrincipal, type Principal, Roles } from '#libs/auth';
import { parsePayload } from '#libs/errors';
import { SessionNotFoundError } from '#libs/interview';
import { CalibrationService } from './calibration.service.js';
import { assignmentSchema, reviewInputSchema } from './review.dto.js';
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
  queue(@CurrentPrincipal() principal: Principal) {
    return this.reviewQueue.queue(principal);
  }

  /** No role gate here: anyone who may not review this session gets the same 404 as for a missing one. */
  @Post('sessions/:id/corrections')
  correct(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new SessionNotFoundError() })) id: string,
    @Body() body: unknown,
  ) {
    return this.reviews.review(principal, id, parsePayload(reviewInputSchema, body));
  }

  @Get('calibration')
  @Roles('coach', 'admin')
  calibration(@CurrentPrincipal() principal: Principal) {
    return this.calibrationService.calibration(principal);
  }
}

@Controller('api/admin/coach-assignments')
@Roles('admin')
export class CoachAssignmentsController {
  constructor(private readonly reviews: ReviewService) {}

  @Get()
  list() {
    return this.reviews.assignments();
  }

  @Post()
  assign(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.reviews.assign(principal, parsePayload(assignmentSchema, body));
  }

  @Delete()
  @HttpCode(204)
  async unassign(@Body() body: unknown): Promise<void> {
    await this.reviews.unassign(parsePayload(assignmentSchema, body));
  }
}
