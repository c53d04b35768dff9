import { Injectable } from '@nestjs/common';
import type { Principal } from '#libs/auth';
import { ContentService } from '#libs/content';
import type { ReviewQueueRowDto } from '#libs/protocol';
import { ReviewRepository } from './review.repository.js';

export type { ReviewQueueRowDto };

/** Why a flag puts a session first in the queue, in a coach's words. */
const FLAG_REASONS: Record<string, string> = {
  injection_suspected: 'An answer seems to give the grader instructions: check its scores by hand.',
  low_confidence: 'The AI graders disagreed, or quoted words the candidate did not write: the score is uncertain.',
};

/** The coach's queue: who, which question, why it is flagged, and since when. */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly content: ContentService,
  ) {}

  async queue(principal: Principal): Promise<ReviewQueueRowDto[]> {
    const rows = await this.reviews.queue(principal.role === 'admin' ? null : principal.userId);
    const titles = new Map<string, Promise<string>>();
    const titleOf = (id: string, version: string) => {
      const key = `${id}@${version}`;
      if (!titles.has(key)) titles.set(key, this.content.questionAt(id, version).then((q) => q.title, () => id));
      return titles.get(key)!;
    };
    return Promise.all(
      rows.map(async (r) => ({
        sessionId: r.sessionId,
        candidateId: r.candidateId,
        candidateEmail: r.candidateEmail,
        questionId: r.questionId,
        questionTitle: await titleOf(r.questionId, r.questionVersion),
        mode: r.mode,
        endedAt: r.endedAt.toISOString(),
        flags: r.flags,
        flagReasons: r.flags.map((flag) => ({ flag, reason: FLAG_REASONS[flag] ?? flag, answers: r.flaggedAnswers[flag] ?? 0 })),
        openDisputes: r.openDisputes,
        reviewedAt: r.reviewedAt?.toISOString() ?? null,
      })),
    );
  }
}
