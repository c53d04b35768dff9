import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { LOGGER, type Logger } from '#libs/logging';
import { metricsHandler, MetricsService } from '#libs/metrics';
import { QueueWorkerService, type ScheduleHealth } from '#libs/queue';
import { REDIS, type Redis } from '#libs/redis';
import { DbPingRepository } from './db-ping.repository.js';

const CHECK_TIMEOUT_MS = 1_500;
/** A repeating job is overdue when it has not run for this many of its intervals (one late run is not a fault). */
const OVERDUE_INTERVALS = 2;

export type CheckResult = { status: 'up' } | { status: 'down'; reason: string };
export interface WorkerReadiness {
  status: 'ok' | 'error';
  checks: Record<string, CheckResult>;
}

/**
 * The worker's and the code runner's own small HTTP endpoint (`WORKER_HEALTH_PORT`; they have no other HTTP):
 * `GET /health` says the process answers; `GET /health/ready` answers 200 only when Postgres and Redis answer,
 * every queue it was told to consume is being consumed (the code runner's `code` queue only with a working sandbox)
 * and every repeating job of those queues (the reconciler, the mail sweep) has its schedule in Redis and ran within
 * two of its intervals (on any worker) — else 503 naming what failed. `GET /metrics` is its Prometheus scrape
 * (METRICS_TOKEN or private addresses, as on the api).
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private server?: Server;
  private readonly startedAt = Date.now();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly db: DbPingRepository,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly queues: QueueWorkerService,
    private readonly metrics: MetricsService,
  ) {}

  /** The port it listens on (undefined: WORKER_HEALTH_PORT unset). */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.workerHealthPort === undefined) return;
    const scrape = metricsHandler(this.metrics, this.config.metrics);
    this.server = createServer((req, res) => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/metrics') return scrape(req, res);
      if (req.method !== 'GET') return answer(405, { error: { code: 'NOT_FOUND', message: 'GET only' } });
      if (req.url === '/health') return answer(200, { status: 'ok' });
      if (req.url === '/health/ready') {
        void this.readiness().then((r) => answer(r.status === 'ok' ? 200 : 503, r));
        return;
      }
      answer(404, { error: { code: 'NOT_FOUND', message: 'not found' } });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.config.workerHealthPort, resolve));
    this.logger.info({ port: this.port }, 'health endpoint listening');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  async readiness(now = Date.now()): Promise<WorkerReadiness> {
    const checks: Record<string, CheckResult> = {};
    const [postgres, redis, schedules] = await Promise.all([
      probe(() => this.db.ping()),
      probe(() => this.redis.ping()),
      probe(() => this.queues.health()),
    ]);
    checks.postgres = postgres.result;
    checks.redis = redis.result;
    if (schedules.result.status === 'down') checks.schedules = schedules.result;
    // Each queue it was told to consume: taken (its BullMQ worker running), or why not (the code runner's sandbox check).
    for (const q of schedules.value?.consumption ?? [])
      checks[`queue:${q.queue}`] = q.consuming ? { status: 'up' } : { status: 'down', reason: q.reason };
    for (const s of schedules.value?.schedules ?? []) checks[`schedule:${s.name}`] = this.scheduleCheck(s, now);
    const status = Object.values(checks).every((c) => c.status === 'up') ? 'ok' : 'error';
    return { status, checks };
  }

  private scheduleCheck(s: ScheduleHealth, now: number): CheckResult {
    const bound = OVERDUE_INTERVALS * s.everyMs;
    if (!s.present) return { status: 'down', reason: 'its schedule is missing from Redis (re-created within one interval)' };
    if (s.lastRunAt === null) {
      return now - this.startedAt > bound
        ? { status: 'down', reason: `has not run since this process started (expected every ${s.everyMs} ms)` }
        : { status: 'up' };
    }
    const age = now - s.lastRunAt.getTime();
    return age > bound ? { status: 'down', reason: `last ran ${age} ms ago (expected every ${s.everyMs} ms)` } : { status: 'up' };
  }
}

/** Runs a check within the timeout: its value, and up or down with the reason. */
async function probe<T>(fn: () => Promise<T>): Promise<{ result: CheckResult; value?: T }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    const value = await Promise.race([fn(), timeout]);
    return { result: { status: 'up' }, value };
  } catch (err) {
    return { result: { status: 'down', reason: (err as Error).message } };
  } finally {
    clearTimeout(timer);
  }
}
