import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { createRedisConnection, type Redis } from '#libs/redis';
import { JOBS, type JobName, type JobPayload, type QueueName } from './job-registry.js';

export interface EnqueueOptions {
  /** Makes the enqueue idempotent: BullMQ ignores a second job with the same id while the first is kept. */
  jobId?: string;
  delayMs?: number;
}

/** The typed producer: `enqueue(name, payload, { jobId })`. Attempts and backoff come from config. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private connection?: Redis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, opts: EnqueueOptions = {}): Promise<void> {
    const definition = JOBS[name];
    const data: unknown = definition.payload.parse(payload);
    const { attempts, backoffMs } = this.config.queue;
    await this.queue(definition.queue).add(name, data, {
      jobId: opts.jobId,
      delay: opts.delayMs,
      attempts,
      backoff: { type: 'exponential', delay: backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      // Connect on first use, so processes that never enqueue (the CLI) need no Redis.
      this.connection ??= createRedisConnection(this.config.redis.url, { name: 'producer' });
      queue = new Queue(name, { connection: this.connection, prefix: this.config.queue.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
