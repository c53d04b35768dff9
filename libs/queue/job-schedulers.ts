import type { Queue } from 'bullmq';
import type { Logger } from '#libs/logging';

export interface Schedule {
  name: string;
  queue: Queue;
  data: unknown;
  everyMs: number;
}

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
      if (recreated.length > 0) this.logger.warn({ schedulers: recreated }, 'job schedulers were missing from Redis (wiped or restarted); re-created');
    } catch (err) {
      this.logger.warn({ err }, 'could not check the job schedulers; trying again at the next interval');
    } finally {
      this.checking = false;
    }
    return recreated;
  }

  private async upsert(s: Schedule): Promise<void> {
    await s.queue.upsertJobScheduler(s.name, { every: s.everyMs }, {
      name: s.name,
      data: s.data,
      opts: { removeOnComplete: true, removeOnFail: { age: 24 * 3600 } },
    });
  }
}
