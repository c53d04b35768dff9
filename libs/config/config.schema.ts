import { z } from 'zod';
import { parseRedisNodes, parseRedisTarget } from './redis-target.js';

const DEV_JWT_SECRET = 'dev-only-secret-change-me-dev-only-secret';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL` },
  );

const origins = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .refine(
    (list) =>
      list.every((o) => {
        try {
          return new URL(o).origin === o;
        } catch {
          return false;
        }
      }),
    { message: 'must be a comma-separated list of origins like https://app.example.com' },
  );

/** Every environment variable the service reads, with defaults that work on a developer machine. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: int(0, 65535).default(3000),
    /** The worker's and the code runner's own health endpoint (`/health`, `/health/ready`); unset: none. 0: any free port. */
    WORKER_HEALTH_PORT: int(0, 65535).optional(),
    /** With it, `GET /metrics` (api and worker) needs `Authorization: Bearer <METRICS_TOKEN>`; without, only loopback and private addresses may scrape. */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** OTLP/HTTP collector base URL (traces go to `<url>/v1/traces`); unset: tracing is off. */
    OTEL_EXPORTER_OTLP_ENDPOINT: url(['http:', 'https:']).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/mock_interview'),
    MIGRATE_ON_START: bool.default(true),
    /** Connections per process (the pool's size). */
    DB_POOL_MAX: int(1, 1_000).default(20),
    /**
     * `session`: connections go straight to Postgres (or a session-mode pooler), and each carries the statement and
     * idle-in-transaction bounds as startup parameters. `transaction`: behind PgBouncer in transaction mode, which
     * refuses those parameters: the pooler's server connections carry the bounds (see deploy/pgbouncer).
     */
    DB_POOL_MODE: z.enum(['session', 'transaction']).default('session'),
    /** How long a caller waits for a connection (a free one from the pool, or a new one) before UNAVAILABLE. */
    DB_CONNECT_TIMEOUT_MS: int(100, 120_000).default(5_000),
    /** Postgres cancels a statement running longer than this (its `statement_timeout`). */
    DB_STATEMENT_TIMEOUT_MS: int(100, 600_000).default(8_000),
    /** The client gives up on a reply after this and drops the connection (a half-open link never answers). */
    DB_READ_TIMEOUT_MS: int(100, 600_000).default(10_000),
    /** Postgres ends a session left idle inside a transaction this long (a stuck holder of row locks). */
    DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: int(100, 3_600_000).default(30_000),
    /** One Redis (`redis://`, `rediss://`) or a Redis Cluster (`redis+cluster://[user:pass@]h1:p1,h2:p2`, `rediss+cluster://`). */
    REDIS_URL: z
      .string()
      .refine((v) => parseRedisTarget(v) !== null, { message: 'must be a redis:// or rediss:// URL, or redis+cluster://host:port,host:port' })
      .default('redis://127.0.0.1:6379'),
    /** Seed nodes of a Redis Cluster (`host:port,host:port`); when set, the service uses the cluster, not REDIS_URL. */
    REDIS_CLUSTER_NODES: z
      .string()
      .refine((v) => parseRedisNodes(v) !== null, { message: 'must be a comma-separated list of host:port' })
      .optional(),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[\w.-]{1,40}$/, 'must be 1-40 letters, digits, dots or dashes')
      .default('mi'),
    QUEUE_ATTEMPTS: int(1, 50).default(5),
    QUEUE_BACKOFF_MS: int(0, 600_000).default(2_000),
    QUEUE_JOB_TIMEOUT_MS: int(100, 3_600_000).default(120_000),
    WORKER_CONCURRENCY: int(1, 500).default(8),
    QUEUE_LOCK_MS: int(500, 600_000).default(30_000),
    /** How often workers look for jobs whose lock expired (a killed worker's); retried within QUEUE_LOCK_MS + this. */
    QUEUE_STALLED_INTERVAL_MS: int(100, 600_000).default(5_000),
    /** How often a worker looks for due jobs its idle BullMQ worker left untaken (a wedged fetch loop, replaced). */
    QUEUE_WEDGE_CHECK_MS: int(1_000, 600_000).default(15_000),
    /** Times a job may lose its worker (killed mid-job) and still be retried; one more and it fails. */
    QUEUE_MAX_STALLED_COUNT: int(0, 100).default(3),
    SHUTDOWN_TIMEOUT_MS: int(0, 120_000).default(8_000),
    /**
     * The api, on SIGTERM: how long it keeps serving with its readiness failing before it closes its sockets, so a
     * load balancer stops sending it new connections first (HAProxy: `inter` × `fall`). 0 in development.
     */
    DRAIN_DELAY_MS: int(0, 120_000).default(0),
    LLM_PROVIDER: z.enum(['rubric', 'openai']).default('rubric'),
    /** How long an answer may wait on a provider that answers 429 before GRADE_ON_PROVIDER_LIMIT decides. */
    GRADE_MAX_WAIT_MS: int(1_000, 3_600_000).default(300_000),
    /** Past GRADE_MAX_WAIT_MS: `offline` grades with the offline rubric grader (provenance says so), `fail` ends it (grade:failed GRADER_RATE_LIMITED). */
    GRADE_ON_PROVIDER_LIMIT: z.enum(['offline', 'fail']).default('offline'),
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: url(['http:', 'https:']).optional(),
    OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
    /** Who words the interviewer's lines; defaults to LLM_PROVIDER (an LLM interviewer with the offline grader is fine). */
    INTERVIEWER_PROVIDER: z.enum(['rubric', 'openai']).optional(),
    INTERVIEWER_TIMEOUT_MS: int(500, 120_000).default(8_000),
    INTERVIEWER_CONCURRENCY: int(1, 1_000).default(64),
    JWT_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEV_JWT_SECRET),
    /** Access-token lifetime; short, since a refresh token (REFRESH_TTL_SECONDS) renews it. Tests shrink it to seconds. */
    JWT_TTL_SECONDS: int(2, 86_400).default(900),
    /** Refresh-token lifetime (httpOnly cookie, rotated on every use): how long a signed-in browser stays signed in unused. */
    REFRESH_TTL_SECONDS: int(60, 31_536_000).default(2_592_000),
    /** How long an api process trusts its Redis-cached copy of a user's token version (deleted, disabled, role changed). */
    TOKEN_VERSION_CACHE_MS: int(0, 60_000).default(5_000),
    LOGIN_FAILURES_BEFORE_BACKOFF: int(1, 1_000).default(5),
    LOGIN_BACKOFF_BASE_MS: int(100, 3_600_000).default(1_000),
    LOGIN_BACKOFF_MAX_MS: int(1_000, 86_400_000).default(900_000),
    ALLOWED_ORIGINS: origins.default(['http://localhost:3000', 'http://localhost:5173']),
    CONTENT_DIR: z.string().min(1).optional(),
    WEB_DIR: z.string().min(1).optional(),
    PHASE_MINUTE_MS: int(10, 3_600_000).default(60_000),
    ANSWER_MAX_CHARS: int(100, 200_000).default(20_000),
    SOCKET_RATE_LIMIT: int(1, 1_000_000).default(30),
    SOCKET_RATE_WINDOW_MS: int(100, 600_000).default(10_000),
    RECONCILE_INTERVAL_MS: int(100, 3_600_000).default(15_000),
    GRADING_STALL_MS: int(100, 3_600_000).default(180_000),
    RECONCILE_MAX_REDRIVES: int(0, 1_000).default(3),
    TRUST_PROXY: int(0, 10).default(0),
    AUTH_RATE_LIMIT: int(1, 1_000_000).default(10),
    WAITLIST_RATE_LIMIT: int(1, 1_000_000).default(20),
    IP_RATE_WINDOW_MS: int(1_000, 86_400_000).default(60_000),
    PUBLIC_URL: url(['http:', 'https:']).default('http://localhost:3000'),
    SMTP_URL: url(['smtp:', 'smtps:']).optional(),
    MAIL_FROM: z.string().min(3).default('Mock Interview <no-reply@localhost>'),
    OUTBOX_SWEEP_MS: int(100, 3_600_000).default(30_000),
    WAITLIST_REFERRAL_BOOST: int(0, 100_000).default(5),
    WAITLIST_REFERRAL_CAP: int(0, 10_000).default(10),
    ROLLOUT_MAX_LIVE_SESSIONS: int(0, 1_000_000).default(50),
    ROLLOUT_SESSIONS_PER_USER_PER_DAY: int(0, 10_000).default(10),
    ROLLOUT_DAILY_TOKEN_BUDGET: int(0, 1_000_000_000_000).default(2_000_000),
    ROLLOUT_CAPACITY_RETRY_MS: int(1_000, 3_600_000).default(60_000),
    CODE_MAX_CHARS: int(100, 200_000).default(20_000),
    CODE_CUSTOM_INPUT_MAX_CHARS: int(10, 100_000).default(10_000),
    CODE_SNAPSHOT_MIN_INTERVAL_MS: int(0, 60_000).default(500),
    CODE_RUN_CONCURRENCY: int(1, 64).default(3),
    CODE_RUNS_PER_USER: int(1, 64).default(2),
    CODE_SCALING_BUDGET_MS: int(0, 5_000).default(1_000),
    DIAGRAM_MAX_BYTES: int(10_000, 10_000_000).default(1_000_000),
    DIAGRAM_MAX_ELEMENTS: int(10, 100_000).default(2_000),
    DIAGRAM_SNAPSHOT_MIN_INTERVAL_MS: int(0, 60_000).default(1_000),
    SANDBOX_BWRAP: z.string().startsWith('/', 'must be an absolute path').default('/usr/bin/bwrap'),
    SANDBOX_PYTHON: z.string().startsWith('/', 'must be an absolute path').default('/usr/bin/python3'),
    SANDBOX_NODE: z.string().startsWith('/', 'must be an absolute path').optional(),
    SANDBOX_UID_BASE: int(1000, 4_000_000_000).default(61_000),
    SANDBOX_WALL_MS: int(500, 120_000).default(10_000),
    SANDBOX_CPU_SECONDS: int(1, 60).default(5),
    SANDBOX_MEMORY_MB: int(32, 8_192).default(256),
    SANDBOX_MAX_PROCESSES: int(8, 4_096).default(32),
    SANDBOX_OUTPUT_BYTES: int(1_024, 64_000_000).default(1_000_000),
    SANDBOX_FILE_BYTES: int(0, 1_000_000_000).default(1_000_000),
    SANDBOX_CGROUP: z.enum(['auto', 'off']).default('auto'),
    SANDBOX_CGROUP_ROOT: z.string().startsWith('/', 'must be an absolute path').default('/sys/fs/cgroup'),
    /** `cgroup`: no code runs without a memory cgroup bounding each run's whole process tree; `rlimits-only` accepts per-process rlimits alone. */
    SANDBOX_MEMORY_BOUND: z.enum(['cgroup', 'rlimits-only']).default('cgroup'),
  })
  .superRefine((env, ctx) => {
    if (env.DB_READ_TIMEOUT_MS <= env.DB_STATEMENT_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['DB_READ_TIMEOUT_MS'],
        message: 'must be longer than DB_STATEMENT_TIMEOUT_MS (a slow statement is cancelled by Postgres, not mistaken for a dead link)',
      });
    }
    if (env.REDIS_CLUSTER_NODES && env.REDIS_URL.includes('+cluster://')) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_CLUSTER_NODES'],
        message: 'must not be set together with a redis+cluster:// REDIS_URL (name the cluster once)',
      });
    }
    if (env.SANDBOX_CGROUP === 'off' && env.SANDBOX_MEMORY_BOUND === 'cgroup') {
      ctx.addIssue({
        code: 'custom',
        path: ['SANDBOX_MEMORY_BOUND'],
        message: "must be rlimits-only when SANDBOX_CGROUP=off (no cgroup would bound a run's memory)",
      });
    }
    if (env.NODE_ENV === 'production' && env.JWT_SECRET === DEV_JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set in production (the dev default is refused)' });
    }
    if (env.NODE_ENV === 'production' && env.JWT_SECRET.length < 32) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be at least 32 characters in production' });
    }
    if ((env.LLM_PROVIDER === 'openai' || env.INTERVIEWER_PROVIDER === 'openai') && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['OPENAI_API_KEY'],
        message: 'is required when LLM_PROVIDER or INTERVIEWER_PROVIDER is openai (or set OPENAI_BASE_URL for a local OpenAI-compatible server)',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;
