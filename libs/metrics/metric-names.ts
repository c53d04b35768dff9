/** Label values are bounded sets: never an id, an email or free text. */
export type GradeOutcome = 'scored' | 'retry' | 'rate_limited' | 'failed';
export type TokenKind = 'prompt' | 'cached' | 'completion';
export type RefusalTransport = 'http' | 'socket';
export type QueueState = 'waiting' | 'active' | 'delayed' | 'failed';
export type JobOutcome = 'completed' | 'failed';

export const QUEUE_STATES: readonly QueueState[] = ['waiting', 'active', 'delayed', 'failed'];
/** The codes a rollout refusal answers (`POST /api/sessions`). */
export const ROLLOUT_REFUSAL_CODES: readonly string[] = ['CAPACITY_FULL', 'DAILY_LIMIT', 'BUDGET_EXHAUSTED'];
/** The code every rate limit answers (per IP, per account, per socket, per user, per session). */
export const RATE_LIMIT_CODES: readonly string[] = ['RATE_LIMITED'];

/** A queue's job counts by state, as BullMQ's `getJobCounts` reports them. */
export type QueueCounts = Record<QueueState, number>;
export type QueueCountsSource = () => Promise<ReadonlyArray<{ queue: string; counts: QueueCounts }>>;
