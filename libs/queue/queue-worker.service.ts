import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type Job, Queue, RateLimitError, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { LOGGER, type Logger, withLogContext } from '#libs/logging';
import { MetricsService, type QueueCounts } from '#libs/metrics';
import { createRedisConnection, type Redis } from '#libs/redis';
import { type AnyJobHandler, indexHandlers } from './handler-index.js';
import { JOB_HANDLER_METADATA } from './job-handler.js';
import { JOB_NAMES, JOBS, type JobName, type QueueName } from './job-registry.js';
import { queuePrefix } from './queue-prefix.js';
import { queueTelemetry } from './queue-telemetry.js';
import { JobSchedulers, type Schedule, type ScheduleHealth } from './job-schedulers.js';

class JobTimeoutError extends Error {}

/**
 * The reason a job's signal is aborted when its worker stops: the job has been handed back to its queue (another
 * worker runs it again), so a handler must not record a failure for it (see `JobContext.signal`).
 */
export class WorkerStoppingError extends Error {
  constructor() {
    super('the worker is stopping; the job was handed back to its queue');
  }
}

/** Whether this process takes a queue's jobs it was told to consume, and if not, why. */
export type QueueConsumption = { queue: QueueName; consuming: true } | { queue: QueueName; consuming: false; reason: string };

/** How long handlers get to notice the abort once their jobs were handed back, before the connections close. */
const SETTLE_AFTER_HAND_BACK_MS = 1_000;

/** One consumed queue's BullMQ worker, the blocking connection it was given, and the copies BullMQ made of it. */
interface RunningWorker {
  readonly worker: Worker;
  readonly blocking: Redis;
  readonly copies: Redis[];
}

/** The queues this process consumes (`QueueWorkerModule.consuming`): it needs a handler for each of their jobs. */
export const CONSUMED_QUEUES = Symbol('CONSUMED_QUEUES');

/** Runs a BullMQ worker per consumed queue and dispatches each job to its `@HandlesJob` provider. */
@Injectable()
export class QueueWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly running = new Map<QueueName, RunningWorker>();
  /** Workers replaced as wedged: closed without waiting on them; whatever of theirs is still open goes at shutdown. */
  private readonly retired: RunningWorker[] = [];
  private readonly queues = new Map<string, Queue>();
  /** Ours to quit at shutdown: each queue's connection and the schedules'. */
  private readonly connections: Redis[] = [];
  /** Each consumed queue's own connection (the one its `Queue` uses). */
  private readonly queueConnections = new Map<QueueName, Redis>();
  /** Per queue, the jobs first in line at the last look while this worker was idle (`replaceWedged`). */
  private readonly firstInLine = new Map<QueueName, string[]>();
  private wedgeTimer?: NodeJS.Timeout;
  private checkingWedges = false;
  private readonly shutdown = new AbortController();
  private handlers = new Map<string, AnyJobHandler>();
  /** Jobs this process is running, with their lock tokens (to hand them back on shutdown). */
  private readonly active = new Map<string, { job: Job; token: string }>();
  private readonly handedBack = new Set<string>();
  private schedulers?: JobSchedulers;
  /** Queues this process was to consume but does not (a handler's start-up check said why: no sandbox). */
  private readonly refused = new Map<QueueName, string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CONSUMED_QUEUES) private readonly queueNames: readonly QueueName[],
    private readonly discovery: DiscoveryService,
    private readonly metrics: MetricsService,
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
        this.refused.set(queue, refusal);
        continue;
      }
      consumed.push(queue);
      const connection = createRedisConnection(this.config.redis.target, { name: `queue:${queue}` });
      this.connections.push(connection);
      this.queueConnections.set(queue, connection);
      const q = new Queue(queue, { connection, prefix: queuePrefix(this.config, queue), ...queueTelemetry(this.config) });
      // A lost Redis connection is logged as JSON like everything else (readiness names the outage), not on the console.
      q.on('error', (err) => this.logger.warn({ queue, err }, 'queue connection error'));
      this.queues.set(queue, q);
      this.running.set(queue, this.startWorker(queue));
    }
    const schedules = createRedisConnection(this.config.redis.target, { name: 'schedules' });
    this.connections.push(schedules);
    this.schedulers = new JobSchedulers(this.schedulesOf(consumed), this.logger, schedules);
    await this.schedulers.start();
    this.wedgeTimer = setInterval(() => void this.replaceWedged(), this.config.queue.wedgeCheckMs);
    this.wedgeTimer.unref();
    this.metrics.watchQueues(() => this.queueCounts());
    this.logger.info({ queues: consumed, jobs }, 'worker started');
  }

  /** A BullMQ worker for `queue` on a connection of its own, dispatching to the handlers. */
  private startWorker(queue: QueueName): RunningWorker {
    const blocking = createRedisConnection(this.config.redis.target, { blocking: true, name: `worker:${queue}` });
    const copies: Redis[] = [];
    recordCopies(blocking, copies);
    const worker = new Worker(queue, (job: Job, token?: string) => this.process(queue, job, token), {
      connection: blocking,
      prefix: queuePrefix(this.config, queue),
      concurrency: this.concurrency(queue),
      lockDuration: this.config.queue.lockMs,
      // Workers only honour a manual `queue.rateLimit` (a provider's 429) when a limiter is set; this one is
      // far above any real load, so it limits nothing else.
      limiter: { max: 100_000, duration: 1_000 },
      // A killed worker's job is retried once its lock expired and a stall check ran: within lockMs +
      // stalledIntervalMs. A job may lose its worker `maxStalledCount` times before it fails.
      stalledInterval: this.config.queue.stalledIntervalMs,
      maxStalledCount: this.config.queue.maxStalledCount,
      ...queueTelemetry(this.config),
    });
    worker.on('stalled', (jobId) => {
      this.metrics.jobStalled(queue);
      this.logger.warn({ queue, jobId }, 'job stalled (its worker stopped renewing the lock); put back');
    });
    worker.on('failed', (job, err) => this.logger.warn({ queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err }, 'job failed'));
    worker.on('error', (err) => this.logger.error({ queue, err }, 'worker error'));
    worker.on('completed', (job) => {
      this.schedulers?.recordRun(job.name).catch((err: unknown) => this.logger.warn({ err, job: job.name }, 'could not record a scheduled run'));
    });
    return { worker, blocking, copies };
  }

  /** The queues this process consumes and its repeating jobs' schedules, for its readiness check. */
  async health(): Promise<{ queues: QueueName[]; consumption: QueueConsumption[]; schedules: ScheduleHealth[] }> {
    const consumption = this.queueNames.map((queue): QueueConsumption => {
      const refusal = this.refused.get(queue);
      if (refusal) return { queue, consuming: false, reason: refusal };
      const worker = this.running.get(queue)?.worker;
      return worker?.isRunning()
        ? { queue, consuming: true }
        : { queue, consuming: false, reason: worker ? 'its worker is not running' : 'not started yet' };
    });
    return { queues: [...this.queues.keys()] as QueueName[], consumption, schedules: (await this.schedulers?.health()) ?? [] };
  }

  /** Job counts of the queues this process consumes, read at each metrics scrape. */
  private async queueCounts(): Promise<Array<{ queue: string; counts: QueueCounts }>> {
    return Promise.all(
      [...this.queues].map(async ([queue, q]) => {
        const c = await q.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
        return {
          queue,
          counts: { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 },
        };
      }),
    );
  }

  /** The repeating jobs (`everyMs` in the registry) of the queues this process consumes. */
  private schedulesOf(consumed: readonly QueueName[]): Schedule[] {
    return JOB_NAMES.flatMap((name) => {
      const definition: { queue: QueueName; payload: { parse(v: unknown): unknown }; everyMs?: (c: AppConfig) => number } = JOBS[name];
      const queue = this.queues.get(definition.queue);
      if (!definition.everyMs || !queue || !consumed.includes(definition.queue)) return [];
      return [{ name, queue, data: definition.payload.parse({}), everyMs: definition.everyMs(this.config) }];
    });
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
  private process(queue: string, job: Job, token: string | undefined): Promise<void> {
    // Every log line of the job carries it; its duration and outcome are measured (a hand-back counts as neither).
    return withLogContext({ queue, job: job.name, jobId: String(job.id) }, async () => {
      const started = performance.now();
      try {
        await this.attempt(queue, job, token);
        this.metrics.jobFinished(queue, 'completed', (performance.now() - started) / 1000);
      } catch (err) {
        if (!(err instanceof WaitingError) && !(err instanceof RateLimitError))
          this.metrics.jobFinished(queue, 'failed', (performance.now() - started) / 1000);
        throw err;
      }
    });
  }

  private async attempt(queue: string, job: Job, token: string | undefined): Promise<void> {
    const key = `${queue}:${job.id}`;
    if (token) this.active.set(key, { job, token });
    try {
      await this.run(job);
    } catch (err) {
      // Handed back on shutdown: the job is already waiting again; BullMQ must neither fail nor complete it.
      if (this.handedBack.has(key)) throw new WaitingError();
      const retryAfterMs = (err as { retryAfterMs?: unknown }).retryAfterMs;
      if (typeof retryAfterMs === 'number' && retryAfterMs > 0) {
        this.logger.warn({ queue, job: job.name, retryAfterMs }, 'rate limited; pausing the queue');
        await this.queues.get(queue)?.rateLimit(retryAfterMs);
        throw Worker.RateLimitError();
      }
      throw err;
    } finally {
      this.active.delete(key);
    }
    if (this.handedBack.has(key)) throw new WaitingError();
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
      await Promise.race([handler.handle(parsed.data as never, { jobId: String(job.id), attempt: job.attemptsMade + 1, signal }), expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Stops taking jobs and lets active ones finish within SHUTDOWN_TIMEOUT_MS; what is still running then is
   * handed back to its queue at once (moved to wait, its lock released, no attempt spent), so another worker
   * takes it now rather than after the lock expires, and its handler is aborted.
   *
   * No `worker.disconnect()`: it waits for an `end` event from each of the worker's connections, and on a Redis
   * Cluster its blocking copy, which `close()` has already disconnected (and BullMQ's cluster recovery may have
   * begun to reconnect meanwhile), can sit in `close` with no node left, where ioredis never emits `end`: the
   * shutdown then hung for good (the cluster test run's afterAll). The connections are closed here instead,
   * none of them by waiting on an event: ours quit (what they sent is flushed), the workers' copies are dropped.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.schedulers?.stop();
    clearInterval(this.wedgeTimer);
    const bound = this.config.queue.shutdownTimeoutMs;
    const running = [...this.running.values()];
    const graceful = Promise.all(running.map((r) => r.worker.close())).then(() => true);
    const timedOut = (ms: number) => new Promise<false>((r) => setTimeout(() => r(false), ms).unref());
    if (!(await Promise.race([graceful, timedOut(bound)]))) {
      const handedBack = await this.handBack();
      this.logger.warn({ boundMs: bound, handedBack }, 'active jobs did not finish in time; handed back to their queues');
      this.shutdown.abort(new WorkerStoppingError());
      await Promise.race([graceful, timedOut(SETTLE_AFTER_HAND_BACK_MS)]);
    }
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await Promise.all([...this.connections, ...running.map((r) => r.blocking)].map((c) => c.quit().catch(() => c.disconnect())));
    // A blocking read holds nothing to flush. Closed by the worker already, unless its close is still waiting on a
    // handler that ignored the abort, or a cluster reconnect it started while closing came back after it.
    for (const r of [...running, ...this.retired]) for (const copy of r.copies) dropConnection(copy);
  }

  /**
   * A BullMQ worker whose fetch loop has stopped takes no job again while `isRunning()` stays true. Seen after a
   * Redis Cluster master was killed and came back (bench/README.md, the master-kill runs): both workers' loops sent
   * no command for minutes, their stall checks went on, due jobs sat in line; where inside BullMQ or ioredis the
   * loop waits is not pinned down. Seen from Redis: the same job first in line (waiting, or delayed and due) at two
   * looks `QUEUE_WEDGE_CHECK_MS` apart (15 s; a healthy worker takes a due job within one blocking read, 10 s at
   * most), while this worker ran no job of the queue and the queue was neither paused nor rate limited. Such a
   * worker is replaced by a new one on a new connection; the old one is closed without waiting (it holds no job).
   * Other processes judge their own workers: a healthy one takes the job, and then nobody sees it waiting.
   */
  private async replaceWedged(): Promise<void> {
    if (this.checkingWedges) return;
    this.checkingWedges = true;
    try {
      for (const [queue, current] of this.running) {
        const before = this.firstInLine.get(queue) ?? [];
        const now = await this.dueFirstInLine(queue).catch(() => []); // Redis unreachable: nothing to judge
        this.firstInLine.set(queue, now);
        const untaken = now.filter((id) => before.includes(id));
        if (untaken.length === 0) continue;
        this.logger.error({ queue, jobIds: untaken }, 'the idle worker left due jobs untaken (a wedged fetch loop); replacing it');
        this.metrics.workerReplaced(queue);
        this.firstInLine.delete(queue);
        this.retired.push(current);
        this.running.set(queue, this.startWorker(queue));
        void current.worker.close(true).catch(() => undefined);
        dropConnection(current.blocking);
        for (const copy of current.copies) dropConnection(copy);
      }
    } finally {
      this.checkingWedges = false;
    }
  }

  /**
   * The ids of `queue`'s jobs first in line and due now (the oldest waiting, the first prioritized, the first
   * delayed once its time has passed); none while this worker runs a job of the queue (only an idle worker is
   * judged, so replacing it abandons nothing) or the queue is paused or rate limited (jobs then wait by design).
   */
  private async dueFirstInLine(queue: QueueName): Promise<string[]> {
    const q = this.queues.get(queue);
    const redis = this.queueConnections.get(queue);
    if (!q || !redis || [...this.active.keys()].some((key) => key.startsWith(`${queue}:`))) return [];
    if ((await q.isPaused()) || (await q.getRateLimitTtl()) > 0) return [];
    const [waiting, prioritized] = await Promise.all([q.getRanges(['wait'], 0, 0, true), q.getRanges(['prioritized'], 0, 0, true)]);
    // A delayed job's score is its due time in ms × 0x1000 plus a counter (BullMQ's `getDelayedScore`).
    const [delayed, score] = await redis.zrange(q.backend.keys.delayed ?? '', '0', '0', 'WITHSCORES');
    const due = delayed !== undefined && Math.floor(Number(score) / 0x1000) <= Date.now() ? [delayed] : [];
    return [...waiting, ...prioritized, ...due].map(String);
  }

  /** Moves every job still running here back to wait; returns their ids. */
  private async handBack(): Promise<string[]> {
    const ids: string[] = [];
    for (const [key, { job, token }] of this.active) {
      this.handedBack.add(key);
      try {
        await job.moveToWait(token);
        ids.push(String(job.id));
      } catch (err) {
        // It finished (or lost its lock) meanwhile: nothing to hand back.
        this.logger.warn({ err, job: job.name, jobId: job.id }, 'could not hand the job back');
      }
    }
    return ids;
  }
}

/**
 * Disconnects a connection unless it has already ended. ioredis' `disconnect()` on an ended one arms a 2 s timer
 * (`disconnectTimeout`, to destroy a stream that does not close) that only the stream's `close` clears, and that
 * has passed: the timer then held the process up to 2 s after shutdown (jest: "did not exit one second after").
 */
function dropConnection(connection: Redis): void {
  if (connection.status !== 'end') connection.disconnect();
}

/**
 * BullMQ's `Worker` makes its blocking connection with `duplicate()` of the one it is given, and owns it; each copy
 * is also recorded in `into`, so the worker's shutdown can make sure none is left open.
 */
function recordCopies(connection: Redis, into: Redis[]): void {
  const duplicate = connection.duplicate.bind(connection) as (...args: unknown[]) => Redis;
  Object.assign(connection, {
    duplicate: (...args: unknown[]) => {
      const copy = duplicate(...args);
      into.push(copy);
      return copy;
    },
  });
}
