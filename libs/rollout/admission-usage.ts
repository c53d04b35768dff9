/**
 * What the admission check counts: live sessions, a user's sessions today and today's LLM tokens. The sessions,
 * turns and grades belong to libs/interview, which provides this (its global `SessionRecordsModule`); libs/rollout
 * names none of those tables.
 */
export abstract class AdmissionUsage {
  abstract liveSessions(): Promise<number>;
  abstract sessionsStartedSince(userId: string, since: Date): Promise<number>;
  abstract tokensUsedSince(since: Date): Promise<number>;
}
