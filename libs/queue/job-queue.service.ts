import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { createRedisConnection, type Redis } from '#libs/redis';
import { JOBS, type JobName, type JobPayload, type QueueName } from './job-registry.js';
import { queuePrefix } from './queue-prefix.js';
import { queueTelemetry } from './queue-telemetry.js';

export interface EnqueueOptions {
  /** Makes the enqueue idempotent: BullMQ ignores a second job with the same id while the first is kept. */
  jobId?: string;
  delayMs?: number;
  /** BullMQ priority: 0 (none) first, then 1, 2, … (lower runs sooner; FIFO within one value). */
  priority?: number;
}

/** The typed producer: `enqueue(name, payload, { jobId })`. Attempts and backoff come from config. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private connection?: Redis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, opts: EnqueueOptions = {}): Promise<void> {
    const definition: { queue: QueueName; payload: z.ZodType } = JOBS[name];
    const data: unknown = definition.payload.parse(payload);
    await this.queue(definition.queue).add(name, data, {
      jobId: opts.jobId,
      delay: opts.delayMs,
      ...(opts.priority ? { priority: opts.priority } : {}),
      attempts: this.config.queue.attempts,
      backoff: { type: 'exponential', delay: this.config.queue.backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }

  /** Jobs still waiting or delayed with this id, for the reconciler's "is it already queued?" check. */
  async isPending(name: JobName, jobId: string): Promise<boolean> {
    const job = await this.queue(JOBS[name].queue).getJob(jobId);
    if (!job) return false;
    const state = await job.getState();
    return state === 'waiting' || state === 'delayed' || state === 'active' || state === 'prioritized' || state === 'waiting-children';
  }

  /**
   * Counts one more re-drive of `jobId` by the reconciler and returns the count so far (kept 7 days). In Redis:
   * if Redis loses it, the bound starts again, which only delays the end by one more bounded round.
   */
  async countRedrive(name: JobName, jobId: string): Promise<number> {
    this.queue(JOBS[name].queue);
    const key = `${this.config.queue.prefix}:redrives:${name}:${jobId}`;
    const [[, count]] = (await this.connection!.multi()
      .incr(key)
      .expire(key, 7 * 24 * 3600)
      .exec()) as [[unknown, number]];
    return count;
  }

  /** Drops a finished (completed or failed) job with this id so the same id can be enqueued again. */
  async forget(name: JobName, jobId: string): Promise<void> {
    const job = await this.queue(JOBS[name].queue).getJob(jobId);
    if (!job) return;
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') await job.remove();
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      // Connect on first use, so processes that never enqueue (the CLI) need no Redis.
      this.connection ??= createRedisConnection(this.config.redis.target, { name: 'producer' });
      queue = new Queue(name, { connection: this.connection, prefix: queuePrefix(this.config, name), ...queueTelemetry(this.config) });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
