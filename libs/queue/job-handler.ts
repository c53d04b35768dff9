import 'reflect-metadata';
import type { JobName, JobPayload } from './job-registry.js';

export interface JobContext {
  jobId: string;
  attempt: number;
  /**
   * Aborted when the job exceeds its timeout or the worker is shutting down; in the second case its reason is a
   * `WorkerStoppingError` and the job is already back in its queue: record no failure for it.
   */
  signal: AbortSignal;
}

export type HandlerAvailability = { ok: true } | { ok: false; reason: string };

export interface JobHandler<N extends JobName> {
  handle(payload: JobPayload<N>, ctx: JobContext): Promise<void>;
  /**
   * Checked once at start-up. A handler that cannot do its work safely here (e.g. no sandbox for candidate
   * code) says why, and the worker does not consume that handler's queue at all: its jobs wait for a worker
   * that can run them.
   */
  availability?(): Promise<HandlerAvailability>;
}

export const JOB_HANDLER_METADATA = 'mock-interview:job-handler';

/** Marks a provider as the handler of one job name. The worker finds handlers by this mark. */
export function HandlesJob(name: JobName): ClassDecorator {
  return (target) => Reflect.defineMetadata(JOB_HANDLER_METADATA, name, target);
}
