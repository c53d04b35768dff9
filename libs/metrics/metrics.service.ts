import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import {
  type GradeOutcome,
  type JobOutcome,
  QUEUE_STATES,
  type QueueCountsSource,
  RATE_LIMIT_CODES,
  type RefusalTransport,
  ROLLOUT_REFUSAL_CODES,
  type TokenKind,
} from './metric-names.js';

const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300];

/**
 * The process's Prometheus metrics: one registry per app (the api, the worker and the code runner each have
 * their own, so apps started in one test process never share samples). Libs record through the methods below;
 * nothing else touches prom-client. Names follow Prometheus conventions: `mi_` prefix, base units
 * (`_seconds`), `_total` on counters, bounded label values. See docs/operations.md for each one's meaning.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly queueSources = new Set<QueueCountsSource>();

  private readonly httpDuration = new Histogram({
    name: 'mi_http_request_duration_seconds',
    help: 'HTTP requests answered by the api, by method, route template (unmatched: no route) and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly gradeDuration = new Histogram({
    name: 'mi_grade_duration_seconds',
    help: 'Time one grading attempt took in the worker, by grader (rubric, openai) and outcome.',
    labelNames: ['provider', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly gradeDelivery = new Histogram({
    name: 'mi_answer_to_grade_delivery_seconds',
    help: 'From an answer accepted to its grade:scored emitted to the session sockets of this api process.',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly llmTokens = new Counter({
    name: 'mi_llm_tokens_total',
    help: 'LLM tokens spent grading, by kind (prompt, cached: the part of prompt served from the provider cache, completion) and model.',
    labelNames: ['kind', 'model'] as const,
    registers: [this.registry],
  });
  private readonly queueJobs = new Gauge({
    name: 'mi_queue_jobs',
    help: 'Jobs in each consumed queue by state (waiting, active, delayed, failed), read from Redis at scrape time.',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
    collect: async () => this.collectQueues(),
  });
  private readonly stalledJobs = new Counter({
    name: 'mi_queue_stalled_jobs_total',
    help: 'Jobs found stalled (their worker died or froze past the lock) and put back, by queue.',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });
  private readonly workerReplacements = new Counter({
    name: 'mi_queue_worker_replacements_total',
    help: 'BullMQ workers replaced because, idle, they left due jobs untaken (a wedged fetch loop), by queue.',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });
  private readonly jobDuration = new Histogram({
    name: 'mi_job_duration_seconds',
    help: 'Time one job attempt took in this process, by queue and outcome (completed, failed).',
    labelNames: ['queue', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly repairs = new Counter({
    name: 'mi_reconciler_repairs_total',
    help: 'Lost work the reconciler re-created, by kind (gradings, replies, deadlines, reports, code_runs).',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly sockets = new Gauge({
    name: 'mi_sockets_connected',
    help: 'Authenticated socket.io connections open on this api process.',
    registers: [this.registry],
  });
  private readonly delivered = new Counter({
    name: 'mi_events_delivered_total',
    help: 'Session events emitted to sockets by this api process, by event type (one per socket reached).',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  private readonly sandboxRuns = new Counter({
    name: 'mi_sandbox_runs_total',
    help: 'Candidate code runs finished, by result status (PASSED, FAILED, TIMEOUT, …) and language.',
    labelNames: ['status', 'language'] as const,
    registers: [this.registry],
  });
  private readonly rateLimited = new Counter({
    name: 'mi_rate_limit_refusals_total',
    help: 'Requests and socket events refused by a rate limit, by code and transport.',
    labelNames: ['code', 'transport'] as const,
    registers: [this.registry],
  });
  private readonly rolloutRefused = new Counter({
    name: 'mi_rollout_refusals_total',
    help: 'New sessions refused by the rollout limits, by code (CAPACITY_FULL, DAILY_LIMIT, BUDGET_EXHAUSTED).',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  gradeAttempt(provider: string, outcome: GradeOutcome, seconds: number): void {
    this.gradeDuration.observe({ provider, outcome }, seconds);
  }

  gradeDelivered(seconds: number): void {
    this.gradeDelivery.observe(Math.max(0, seconds));
  }

  tokensSpent(model: string, tokens: Readonly<Record<TokenKind, number>>): void {
    for (const kind of ['prompt', 'cached', 'completion'] as const) {
      if (tokens[kind] > 0) this.llmTokens.inc({ kind, model }, tokens[kind]);
    }
  }

  /** Adds a source of queue counts, read at every scrape (a worker's consumed queues). Returns its removal. */
  watchQueues(source: QueueCountsSource): () => void {
    this.queueSources.add(source);
    return () => this.queueSources.delete(source);
  }

  jobStalled(queue: string): void {
    this.stalledJobs.inc({ queue });
  }

  workerReplaced(queue: string): void {
    this.workerReplacements.inc({ queue });
  }

  jobFinished(queue: string, outcome: JobOutcome, seconds: number): void {
    this.jobDuration.observe({ queue, outcome }, seconds);
  }

  reconcilerRepairs(counts: Readonly<Record<string, number>>): void {
    for (const [kind, n] of Object.entries(counts)) if (n > 0) this.repairs.inc({ kind: snakeCase(kind) }, n);
  }

  socketOpened(): void {
    this.sockets.inc();
  }

  socketClosed(): void {
    this.sockets.dec();
  }

  eventDelivered(type: string): void {
    this.delivered.inc({ type });
  }

  sandboxRun(status: string, language: string): void {
    this.sandboxRuns.inc({ status, language });
  }

  /** A refusal answered to a client: counted when its code is a rate limit's or the rollout's, ignored otherwise. */
  refused(transport: RefusalTransport, code: string): void {
    if (RATE_LIMIT_CODES.includes(code)) this.rateLimited.inc({ code, transport });
    else if (ROLLOUT_REFUSAL_CODES.includes(code)) this.rolloutRefused.inc({ code });
  }

  /** The exposition text of every metric, for `GET /metrics`. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private async collectQueues(): Promise<void> {
    this.queueJobs.reset();
    const results = await Promise.allSettled([...this.queueSources].map((source) => source()));
    for (const result of results) {
      // A queue that cannot be read (Redis away) is left out of this scrape; readiness says why.
      if (result.status !== 'fulfilled') continue;
      for (const { queue, counts } of result.value) {
        for (const state of QUEUE_STATES) this.queueJobs.set({ queue, state }, counts[state]);
      }
    }
  }
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
