import { z } from 'zod';

/** Every queue the service uses. A queue groups jobs that share a worker pool. */
export const QUEUE_NAMES = ['auth'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

interface JobDefinition {
  queue: QueueName;
  payload: z.ZodType;
}

/**
 * The one registry of jobs: name → queue and payload schema. Producers and handlers are typed from it,
 * payloads are validated on enqueue and again on processing, and the worker refuses to start while any
 * name here lacks a handler.
 */
export const JOBS = {
  'auth.record-login': {
    queue: 'auth',
    payload: z.object({ userId: z.uuid(), at: z.iso.datetime() }),
  },
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];
