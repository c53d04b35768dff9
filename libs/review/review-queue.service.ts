import { Injectable } from '@nestjs/common';
import { type Principal, UsersService } from '#libs/auth';
import { ContentService } from '#libs/content';
import { SessionRecordsService } from '#libs/interview';
import type { ReviewQueueRowDto } from '#libs/protocol';
import { ReviewRepository } from './review.repository.js';

export type { ReviewQueueRowDto };

/** Grade flags that put a session first in the queue. */
const REVIEW_FLAGS = ['injection_suspected', 'low_confidence'];

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
    private readonly sessions: SessionRecordsService,
    private readonly users: UsersService,
    private readonly content: ContentService,
  ) {}

  async queue(principal: Principal): Promise<ReviewQueueRowDto[]> {
    const rows = await this.rows(principal.role === 'admin' ? null : principal.userId);
    const titles = new Map<string, Promise<string>>();
    const titleOf = (id: string, version: string) => {
      const key = `${id}@${version}`;
      if (!titles.has(key))
        titles.set(
          key,
          this.content.questionAt(id, version).then(
            (q) => q.title,
            () => id,
          ),
        );
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

  /**
   * Ended sessions not yet reviewed, or with a dispute the last review has not answered; a coach's only for their
   * candidates (null = every candidate, for admins). Flagged and disputed first, then the oldest.
   */
  private async rows(coachId: string | null, limit = 200) {
    const [candidateIds, states] = await Promise.all([coachId ? this.reviews.candidatesOf(coachId) : null, this.reviews.reviewStates()]);
    const state = new Map(states.map((s) => [s.sessionId, s]));
    const ended = await this.sessions.endedSessions({
      candidateIds,
      skip: states.filter((s) => s.completedAt !== null && s.openDisputes === 0).map((s) => s.sessionId),
      first: states.filter((s) => s.openDisputes > 0).map((s) => s.sessionId),
      flags: REVIEW_FLAGS,
      limit,
    });
    const people = await this.users.directory(ended.map((e) => e.candidateId));
    return ended.map((e) => ({
      ...e,
      candidateEmail: people.get(e.candidateId)?.email ?? '',
      flags: Object.keys(e.flagged).sort(),
      flaggedAnswers: e.flagged,
      openDisputes: state.get(e.sessionId)?.openDisputes ?? 0,
      reviewedAt: state.get(e.sessionId)?.completedAt ?? null,
    }));
  }
}
