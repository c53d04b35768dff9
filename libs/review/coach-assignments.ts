import { Global, Injectable, Module } from '@nestjs/common';
import { CoachDirectory } from '#libs/interview';
import { ReviewRepository } from './review.repository.js';

/** libs/interview's access policy asks here whether a coach is assigned to a candidate (review owns the assignments). */
@Injectable()
class CoachAssignments implements CoachDirectory {
  constructor(private readonly reviews: ReviewRepository) {}

  isCoachOf(coachId: string, candidateId: string): Promise<boolean> {
    return this.reviews.isCoachOf(coachId, candidateId);
  }
}

/** Global, so `SessionAccessPolicy` (in libs/interview, which libs/review imports) finds its `CoachDirectory`. */
@Global()
@Module({
  providers: [ReviewRepository, CoachAssignments, { provide: CoachDirectory, useExisting: CoachAssignments }],
  exports: [CoachDirectory],
})
export class CoachDirectoryModule {}
