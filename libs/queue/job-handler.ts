import 'reflect-metadata';
import type { JobName, JobPayload } from './job-registry.js';

export interface JobContext {
  jobId: string;
  attempt: number;
  /** Aborted when the job exceeds its timeout or the worker is shutting down. */
  signal: AbortSignal;
}

export interface JobHandler<N extends JobName> {
  handle(payload: JobPayload<N>, ctx: JobContext): Promise<void>;
}

export const JOB_HANDLER_METADATA = 'mock-interview:job-handler';

/** Marks a provider as the handler of one job name. The worker finds handlers by this mark. */
export function HandlesJob(name: JobName): ClassDecorator {
  return (target) => Reflect.defineMetadata(JOB_HANDLER_METADATA, name, target);
}
