import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { LOGGER, type Logger } from '#libs/logging';
import { createRedisConnection, type Redis } from '#libs/redis';
import { type AnyJobHandler, indexHandlers } from './handler-index.js';
import { JOB_HANDLER_METADATA } from './job-handler.js';
import { JOB_NAMES, JOBS, type JobName, type QueueName } from './job-registry.js';

class JobTimeoutError extends Error {}

/** The queues this process consumes (`QueueWorkerModule.consuming`): it needs a handler for each of their jobs. */
export const CONSUMED_QUEUES = Symbol('CONSUMED_QUEUES');

/** Runs a BullMQ worker per consumed queue and dispatches each job to its `@HandlesJob` provider. */
@Injectable()
export class QueueWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly workers: Worker[] = [];
  private readonly queues = new Map<string, Queue>();
  private readonly connections: Redis[] = [];
  private readonly shutdown = new AbortController();
  private handlers = new Map<string, AnyJobHandler>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CONSUMED_QUEUES) private readonly queueNames: readonly QueueName[],
    private readonly discovery: DiscoveryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const found = this.discovery
      .getProviders()
      .filter((w) => w.metatype && w.instance && Reflect.getMetadata(JOB_HANDLER_METADATA, w.metatype))
      .map((w) => ({
        name: Reflect.getMetadata(JOB_HANDLER_METADATA, w.metatype as object) as string,
        handler: w.instance as AnyJobHandler,
      }));
    const jobs = JOB_NAMES.filter((name) => this.queueNames.includes(JOBS[name].queue));
    this.handlers = indexHandlers(found, jobs);
    const consumed: QueueName[] = [];
    for (const queue of this.queueNames) {
      const refusal = await this.unavailable(queue);
      if (refusal) {
        this.logger.error({ queue, reason: refusal }, `queue "${queue}" is not consumed by this worker: ${refusal}`);
        continue;
      }
      consumed.push(queue);
      const connection = createRedisConnection(this.config.redis.url, { name: `queue:${queue}` });
      const blocking = createRedisConnection(this.config.redis.url, { blocking: true, name: `worker:${queue}` });
      this.connections.push(connection, blocking);
      this.queues.set(queue, new Queue(queue, { connection, prefix: this.config.queue.prefix }));
      const worker = new Worker(queue, (job: Job) => this.process(queue, job), {
        connection: blocking,
        prefix: this.config.queue.prefix,
        concurrency: this.concurrency(queue),
        lockDuration: this.config.queue.lockMs,
        // Workers only honour a manual `queue.rateLimit` (a provider's 429) when a limiter is set; this one is
        // far above any real load, so it limits nothing else.
        limiter: { max: 100_000, duration: 1_000 },
        stalledInterval: this.config.queue.lockMs,
      });
      worker.on('failed', (job, err) =>
        this.logger.warn({ queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err }, 'job failed'),
      );
      worker.on('error', (err) => this.logger.error({ queue, err }, 'worker error'));
      this.workers.push(worker);
    }
    this.logger.info({ queues: consumed, jobs }, 'worker started');
  }

  private concurrency(queue: QueueName): number {
    if (queue === 'code') return this.config.coding.runConcurrency;
    if (queue === 'interviewer') return this.config.interviewer.concurrency;
    return this.config.queue.concurrency;
  }

  /** Why this worker must not take the queue's jobs (a handler's own start-up check), or null. */
  private async unavailable(queue: QueueName): Promise<string | null> {
    for (const name of JOB_NAMES.filter((n) => JOBS[n].queue === queue)) {
      const check = await this.handlers.get(name)?.availability?.();
      if (check && !check.ok) return `${name}: ${check.reason}`;
    }
    return null;
  }

  /**
   * A handler that fails with `retryAfterMs` (a provider's 429) pauses the whole queue for that long and
   * puts the job back without spending an attempt: the provider's limit is the queue's limit.
   */
  private async process(queue: string, job: Job): Promise<void> {
    try {
      await this.run(job);
    } catch (err) {
      const retryAfterMs = (err as { retryAfterMs?: unknown }).retryAfterMs;
      if (typeof retryAfterMs === 'number' && retryAfterMs > 0) {
        this.logger.warn({ queue, job: job.name, retryAfterMs }, 'rate limited; pausing the queue');
        await this.queues.get(queue)?.rateLimit(retryAfterMs);
        throw Worker.RateLimitError();
      }
      throw err;
    }
  }

  private async run(job: Job): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}"`);
    const parsed = JOBS[job.name as JobName].payload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid payload for "${job.name}": ${parsed.error.message}`);

    const timeout = new AbortController();
    const signal = AbortSignal.any([timeout.signal, this.shutdown.signal]);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timeout.abort();
        reject(new JobTimeoutError(`job "${job.name}" timed out after ${this.config.queue.jobTimeoutMs} ms`));
      }, this.config.queue.jobTimeoutMs);
    });
    try {
      await Promise.race([
        handler.handle(parsed.data as never, { jobId: String(job.id), attempt: job.attemptsMade + 1, signal }),
        expired,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops taking jobs, lets active ones finish within the bound, then closes hard. */
  async beforeApplicationShutdown(): Promise<void> {
    const bound = this.config.queue.shutdownTimeoutMs;
    const graceful = Promise.all(this.workers.map((w) => w.close())).then(() => true);
    const timedOut = new Promise<false>((r) => setTimeout(() => r(false), bound).unref());
    if (!(await Promise.race([graceful, timedOut]))) {
      this.logger.warn({ boundMs: bound }, 'active jobs did not finish in time; closing workers hard');
      this.shutdown.abort();
      await Promise.all(this.workers.map((w) => w.close(true)));
    }
    await Promise.all(this.workers.map((w) => w.disconnect()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }
}
