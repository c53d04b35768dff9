import type { Queue } from 'bullmq';
import type { Logger } from '#libs/logging';
import type { Redis } from '#libs/redis';

export interface Schedule {
  name: string;
  queue: Queue;
  data: unknown;
  everyMs: number;
}

/** A repeating job as a health check sees it: is its schedule in Redis, and when did a run of it last finish. */
export interface ScheduleHealth {
  name: string;
  everyMs: number;
  present: boolean;
  /** When a run last completed, on any worker (null: none since Redis last lost its keys). */
  lastRunAt: Date | null;
}

/** Per queue, a hash of job name → when its last scheduled run completed (ms): shared by every worker of the queue. */
const lastRunKey = (queue: Queue) => `${queue.qualifiedName}:schedules:last-run`;

/**
 * The repeating jobs (the reconciler, the mail sweep) of the queues a worker consumes. Their BullMQ job
 * schedulers live in Redis, which may lose everything (a FLUSHALL, a restart of a Redis that keeps nothing on
 * disk): so they are written at start (`upsertJobScheduler` is idempotent: one schedule however many workers
 * start) and then looked for every `min(everyMs)` (one HGETALL each) and re-created when gone. The look is a
 * timer of this process, not a BullMQ job, because a BullMQ job would be lost with the rest. It covers a
 * restart and a FLUSHALL alike (a FLUSHALL gives no reconnect to hook into). A re-created `every` schedule runs
 * at once, so the reconciler is back within one of its intervals.
 */
export class JobSchedulers {
  private timer?: NodeJS.Timeout;
  private checking = false;

  constructor(
    private readonly schedules: readonly Schedule[],
    private readonly logger: Logger,
    /** For the last-run times the health check reads. */
    private readonly redis: Redis,
  ) {}

  async start(): Promise<void> {
    for (const s of this.schedules) await this.upsert(s);
    if (this.schedules.length === 0) return;
    const every = Math.min(...this.schedules.map((s) => s.everyMs));
    this.timer = setInterval(() => void this.check(), every);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Re-creates the schedules Redis no longer has; returns their names. */
  async check(): Promise<string[]> {
    if (this.checking) return [];
    this.checking = true;
    const recreated: string[] = [];
    try {
      for (const s of this.schedules) {
        if (await s.queue.getJobScheduler(s.name)) continue;
        await this.upsert(s);
        recreated.push(s.name);
      }
      if (recreated.length > 0)
        this.logger.warn({ schedulers: recreated }, 'job schedulers were missing from Redis (wiped or restarted); re-created');
    } catch (err) {
      this.logger.warn({ err }, 'could not check the job schedulers; trying again at the next interval');
    } finally {
      this.checking = false;
    }
    return recreated;
  }

  /** Notes that a scheduled job finished, for the health check (any worker's run counts). */
  async recordRun(name: string, at = Date.now()): Promise<void> {
    const s = this.schedules.find((x) => x.name === name);
    if (!s) return;
    await this.redis.hset(lastRunKey(s.queue), name, String(at));
  }

  /** Every schedule of this process: present in Redis, and its last completed run. */
  async health(): Promise<ScheduleHealth[]> {
    return Promise.all(
      this.schedules.map(async (s) => {
        const [scheduler, last] = await Promise.all([s.queue.getJobScheduler(s.name), this.redis.hget(lastRunKey(s.queue), s.name)]);
        return { name: s.name, everyMs: s.everyMs, present: Boolean(scheduler), lastRunAt: last ? new Date(Number(last)) : null };
      }),
    );
  }

  private async upsert(s: Schedule): Promise<void> {
    await s.queue.upsertJobScheduler(
      s.name,
      { every: s.everyMs },
      {
        name: s.name,
        data: s.data,
        opts: { removeOnComplete: true, removeOnFail: { age: 24 * 3600 } },
      },
    );
  }
}
