import { z } from 'zod';
import type { AppConfig } from '#libs/config';

/** Every queue the service uses. A queue groups jobs that share a worker pool. */
export const QUEUE_NAMES = ['auth', 'grading', 'interviewer', 'sessions', 'mail', 'code'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

interface JobDefinition {
  queue: QueueName;
  payload: z.ZodType;
  /**
   * A job that repeats on a timer: the worker consuming its queue keeps its BullMQ job scheduler, at start and
   * whenever Redis has lost it (see `JobSchedulers`).
   */
  everyMs?: (config: AppConfig) => number;
}

/**
 * The one registry of jobs: name → queue and payload schema. Producers and handlers are typed from it,
 * payloads are validated on enqueue and again on processing, and the worker refuses to start while any
 * name here lacks a handler.
 */
export const JOBS = {
  'auth.record-login': {
    queue: 'auth',
    payload: z.object({ userId: z.uuid(), at: z.iso.datetime() }),
  },
  'grading.grade-answer': {
    queue: 'grading',
    payload: z.object({ turnId: z.uuid() }),
  },
  /** The interviewer's reply to a candidate turn (answers its questions, follows up); its queue waits on LLMs. */
  'interviewer.reply': {
    queue: 'interviewer',
    payload: z.object({ turnId: z.uuid() }),
  },
  /** "About two minutes left": once per phase, before its deadline. */
  'sessions.phase-nudge': {
    queue: 'sessions',
    payload: z.object({ sessionId: z.uuid(), phaseIndex: z.number().int().min(0) }),
  },
  'sessions.phase-deadline': {
    queue: 'sessions',
    payload: z.object({ sessionId: z.uuid(), phaseIndex: z.number().int().min(0) }),
  },
  /**
   * Builds (or rebuilds) an ended session's report. Queued when the session ends with nothing pending, and by
   * whatever settles the last pending grading or code run (GradeAnswerService, CodeRunResultsService); a build
   * that still finds one pending does nothing, since that one's settling queues the next. Retried like any job
   * when it fails (the database is down); what is still missing after that the reconciler re-drives.
   */
  'sessions.build-report': {
    queue: 'sessions',
    payload: z.object({ sessionId: z.uuid() }),
  },
  /** Runs candidate code in the sandbox; its queue has its own concurrency (`CODE_RUN_CONCURRENCY`). */
  'code.run': {
    queue: 'code',
    payload: z.object({ runId: z.uuid() }),
  },
  /** Repeats on a timer: re-enqueues what a lost Redis or a dead process dropped. */
  'sessions.reconcile': {
    queue: 'sessions',
    payload: z.object({}),
    everyMs: (config) => config.sessions.reconcileIntervalMs,
  },
  /** Sends one outbox message (at most once; a failed send is retried). */
  'mail.dispatch': {
    queue: 'mail',
    payload: z.object({ messageId: z.uuid() }),
  },
  /** Repeats on a timer: sends outbox messages whose dispatch job was lost. */
  'mail.sweep': {
    queue: 'mail',
    payload: z.object({}),
    everyMs: (config) => config.mail.outboxSweepMs,
  },
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];
