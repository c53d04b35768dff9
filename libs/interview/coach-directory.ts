/**
 * The access policy's one question about coaches. Coach assignments belong to libs/review, which provides this
 * (its `CoachDirectoryModule`, global); a process without it (the worker, the code runner) serves no coach.
 */
export abstract class CoachDirectory {
  abstract isCoachOf(coachId: string, candidateId: string): Promise<boolean>;
}
