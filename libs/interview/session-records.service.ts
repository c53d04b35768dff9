import { Injectable } from '@nestjs/common';
import type { AdmissionUsage } from '#libs/rollout';
import {
  type EndedSessionRecord,
  type GradedAnswerRecord,
  type ReportedSessionRecord,
  SessionRecordsRepository,
} from './session-records.repository.js';

export type { EndedSessionRecord, GradedAnswerRecord, ReportedSessionRecord };

/**
 * libs/interview's public reads for other libs: the coach's queue, calibration and progress (libs/review) and the
 * rollout's admission counts (libs/rollout's `AdmissionUsage`). They name no table of ours in their SQL.
 */
@Injectable()
export class SessionRecordsService implements AdmissionUsage {
  constructor(private readonly records: SessionRecordsRepository) {}

  /**
   * Ended sessions of these candidates (null: everyone's) but `skip`, for a review queue: `first` and the sessions
   * with an answer carrying one of `flags` come first, then the oldest; at most `limit`.
   */
  endedSessions(q: {
    candidateIds: readonly string[] | null;
    skip: readonly string[];
    first: readonly string[];
    flags: readonly string[];
    limit: number;
  }): Promise<EndedSessionRecord[]> {
    return this.records.ended(q);
  }

  /** The latest grade of every graded answer of these sessions. */
  gradedAnswers(sessionIds: readonly string[]): Promise<GradedAnswerRecord[]> {
    return this.records.gradedAnswers(sessionIds);
  }

  /** A candidate's ended sessions with a report, oldest first (the latest `limit`). */
  reportedSessions(candidateId: string, limit = 500): Promise<ReportedSessionRecord[]> {
    return this.records.reported(candidateId, limit);
  }

  liveSessions(): Promise<number> {
    return this.records.liveSessions();
  }

  sessionsStartedSince(userId: string, since: Date): Promise<number> {
    return this.records.sessionsStartedSince(userId, since);
  }

  tokensUsedSince(since: Date): Promise<number> {
    return this.records.tokensUsedSince(since);
  }
}
