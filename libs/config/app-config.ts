import { resolve } from 'node:path';
import { envSchema, type Env } from './config.schema.js';
import { parseRedisTarget, type RedisTarget } from './redis-target.js';

/** The parsed, typed configuration. Built once at start-up by `loadConfig` and injected everywhere else. */
export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  /** The worker's and the code runner's health endpoint port (undefined: none; 0: any free port). */
  workerHealthPort: number | undefined;
  logLevel: Env['LOG_LEVEL'];
  /** `GET /metrics`: a bearer token, or (unset) private addresses only. */
  metrics: { token?: string };
  /** OpenTelemetry traces, exported over OTLP/HTTP to `otlpEndpoint` (undefined: off). */
  tracing: { otlpEndpoint?: string };
  database: {
    url: string;
    migrateOnStart: boolean;
    /** Every wait on the database is bounded: a connection, a statement (server side), a reply (client side). */
    poolMax: number;
    /** `transaction`: behind PgBouncer's transaction pooling (no session startup parameters are sent). */
    poolMode: Env['DB_POOL_MODE'];
    connectTimeoutMs: number;
    statementTimeoutMs: number;
    readTimeoutMs: number;
    idleInTransactionTimeoutMs: number;
  };
  /**
   * `url`: REDIS_URL as given; `target`: where Redis is, parsed once (one server, or a cluster's seed nodes:
   * REDIS_CLUSTER_NODES or a `redis+cluster://` URL). Connections come from `createRedisConnection` (libs/redis).
   */
  redis: { url: string; target: RedisTarget };
  queue: {
    prefix: string;
    attempts: number;
    backoffMs: number;
    jobTimeoutMs: number;
    concurrency: number;
    /** How long a worker's hold on a job lasts without renewal: a dead worker's jobs go back after this. */
    lockMs: number;
    /** How often the stalled check runs: a killed worker's job is retried within `lockMs` + this. */
    stalledIntervalMs: number;
    /** Times a job may stall (its worker died) and still be retried; BullMQ's own default, 1, fails the second. */
    maxStalledCount: number;
    /** How often an idle worker's queues are looked at for due jobs it left untaken (then it is replaced). */
    wedgeCheckMs: number;
    shutdownTimeoutMs: number;
  };
  /**
   * The api's drain on SIGTERM: readiness fails, `delayMs` passes (the load balancer takes it out), in-flight socket
   * events finish (within `queue.shutdownTimeoutMs`), then every socket is closed and its client reconnects elsewhere.
   */
  drain: { delayMs: number };
  llm: {
    provider: Env['LLM_PROVIDER'];
    openai: { apiKey?: string; baseUrl?: string; model: string };
    /** How long an answer may wait on a rate-limiting provider (its 429s), and what happens then. */
    maxWaitMs: number;
    onProviderLimit: Env['GRADE_ON_PROVIDER_LIMIT'];
  };
  interviewer: {
    /** `rubric`: the offline interviewer; `openai`: the LLM one, falling back to it. */
    provider: Env['LLM_PROVIDER'];
    /** An LLM reply not written within this bound is replaced by the offline interviewer's line. */
    timeoutMs: number;
    /** Replies written at once per worker (the `interviewer` queue's own concurrency: LLM calls mostly wait). */
    concurrency: number;
  };
  auth: {
    jwtSecret: string;
    jwtTtlSeconds: number;
    /** A refresh token's lifetime from its issue; each rotation starts a new one. */
    refreshTtlSeconds: number;
    /** The refresh cookie carries `Secure` when the public URL is https. */
    secureCookies: boolean;
    /** A token's version is checked against the user's on every request, through a Redis cache of this age. */
    tokenVersionCacheMs: number;
    /** Per-account login back-off: after `failuresBeforeBackoff` failures, base × 2^(extra failures), capped at max. */
    login: { failuresBeforeBackoff: number; backoffBaseMs: number; backoffMaxMs: number };
  };
  /** `webDir`: the built web client (`index.html` and `assets/`) the api serves, when it exists. */
  http: { allowedOrigins: string[]; webDir: string };
  content: { rubricsDir: string; promptsDir: string };
  sessions: {
    /** How long a plan "minute" lasts: 60,000 in production; tests shrink it to run the clock fast. */
    phaseMinuteMs: number;
    answerMaxChars: number;
    /** Client events allowed per socket and per user within the window. */
    rateLimit: number;
    rateWindowMs: number;
    reconcileIntervalMs: number;
    /** An acknowledged answer whose grading has not finished after this long is re-enqueued. */
    gradingStallMs: number;
    /** Times the reconciler re-enqueues one lost item before it fails it for good (or, with no failed state, leaves it). */
    maxRedrives: number;
  };
  /** Per-client-IP limits on the unauthenticated doors (login, redeem, waitlist). */
  ipRateLimits: {
    /** How many proxies in front of the api append to X-Forwarded-For (0: use the socket's peer address). */
    trustProxyHops: number;
    auth: number;
    waitlist: number;
    windowMs: number;
  };
  mail: { publicUrl: string; smtpUrl?: string; from: string; outboxSweepMs: number };
  waitlist: {
    /** Places a referrer moves up per referred sign-up, for at most `referralCap` sign-ups. */
    referralBoost: number;
    referralCap: number;
  };
  /** Defaults of the rollout limits; an admin's `PUT /api/admin/rollout` overrides them (0 = no limit). */
  rollout: { maxLiveSessions: number; sessionsPerUserPerDay: number; dailyTokenBudget: number; capacityRetryMs: number };
  /** The system-design board: `diagram:update` scene snapshots. */
  diagram: {
    /** Largest scene, in bytes of its JSON (INVALID_PAYLOAD past it, as a socket frame past it is dropped). */
    maxBytes: number;
    /** Most elements in a scene, deleted ones included. */
    maxElements: number;
    /** A session's snapshots closer together than this are refused (RATE_LIMITED): clients debounce. */
    snapshotMinIntervalMs: number;
  };
  coding: {
    /** Longest code snapshot or submission, in characters. */
    maxChars: number;
    /** Longest custom input of a `code:run` (the arguments as JSON text, one per line), in characters. */
    customInputMaxChars: number;
    /** A session's snapshots closer together than this are refused (RATE_LIMITED): clients debounce. */
    snapshotMinIntervalMs: number;
    /** Concurrent sandboxed runs per worker (the `code` queue's own concurrency). */
    runConcurrency: number;
    /**
     * Runs one user may have queued or running at once; more are refused (RATE_LIMITED). Kept below
     * `runConcurrency`, one user never holds every sandbox slot.
     */
    runsPerUser: number;
    /** Call time a submission's scaling run may spend (its wall limit is this plus start-up); 0 turns it off. */
    scalingBudgetMs: number;
  };
  sandbox: {
    bwrap: string;
    python: string;
    node: string;
    uidBase: number;
    /** `auto`: bound each run's whole process tree with a memory cgroup (v1 or v2) when this process can create one. */
    cgroup: 'auto' | 'off';
    /** Where the cgroup hierarchies are mounted. */
    cgroupRoot: string;
    /**
     * `cgroup`: the code runner refuses code runs unless a memory cgroup bounds each run's whole process tree;
     * `rlimits-only`: per-process rlimits alone are accepted (up to SANDBOX_MAX_PROCESSES × SANDBOX_MEMORY_MB).
     */
    memoryBound: 'cgroup' | 'rlimits-only';
    limits: {
      wallMs: number;
      cpuSeconds: number;
      memoryMb: number;
      maxProcesses: number;
      outputBytes: number;
      fileBytes: number;
    };
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/**
 * Parses the environment once. Throws `ConfigError` whose message is one line naming every bad variable.
 * Unset and empty variables both mean "use the default".
 */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const raw = Object.fromEntries(Object.keys(envSchema.shape).map((key) => [key, source[key] === '' ? undefined : source[key]]));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const contentRoot = resolve(e.CONTENT_DIR ?? process.cwd());
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    workerHealthPort: e.WORKER_HEALTH_PORT,
    logLevel: e.LOG_LEVEL,
    metrics: { token: e.METRICS_TOKEN },
    tracing: { otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, '') },
    database: {
      url: e.DATABASE_URL,
      migrateOnStart: e.MIGRATE_ON_START,
      poolMax: e.DB_POOL_MAX,
      poolMode: e.DB_POOL_MODE,
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      readTimeoutMs: e.DB_READ_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    redis: { url: e.REDIS_URL, target: parseRedisTarget(e.REDIS_URL, e.REDIS_CLUSTER_NODES)! },
    queue: {
      prefix: e.QUEUE_PREFIX,
      attempts: e.QUEUE_ATTEMPTS,
      backoffMs: e.QUEUE_BACKOFF_MS,
      jobTimeoutMs: e.QUEUE_JOB_TIMEOUT_MS,
      concurrency: e.WORKER_CONCURRENCY,
      lockMs: e.QUEUE_LOCK_MS,
      stalledIntervalMs: e.QUEUE_STALLED_INTERVAL_MS,
      maxStalledCount: e.QUEUE_MAX_STALLED_COUNT,
      wedgeCheckMs: e.QUEUE_WEDGE_CHECK_MS,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    },
    drain: { delayMs: e.DRAIN_DELAY_MS },
    llm: {
      provider: e.LLM_PROVIDER,
      openai: { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL },
      maxWaitMs: e.GRADE_MAX_WAIT_MS,
      onProviderLimit: e.GRADE_ON_PROVIDER_LIMIT,
    },
    interviewer: { provider: e.INTERVIEWER_PROVIDER ?? e.LLM_PROVIDER, timeoutMs: e.INTERVIEWER_TIMEOUT_MS, concurrency: e.INTERVIEWER_CONCURRENCY },
    auth: {
      jwtSecret: e.JWT_SECRET,
      jwtTtlSeconds: e.JWT_TTL_SECONDS,
      refreshTtlSeconds: e.REFRESH_TTL_SECONDS,
      secureCookies: new URL(e.PUBLIC_URL).protocol === 'https:',
      tokenVersionCacheMs: e.TOKEN_VERSION_CACHE_MS,
      login: { failuresBeforeBackoff: e.LOGIN_FAILURES_BEFORE_BACKOFF, backoffBaseMs: e.LOGIN_BACKOFF_BASE_MS, backoffMaxMs: e.LOGIN_BACKOFF_MAX_MS },
    },
    http: { allowedOrigins: e.ALLOWED_ORIGINS, webDir: resolve(e.WEB_DIR ?? resolve(process.cwd(), 'dist/web')) },
    content: { rubricsDir: resolve(contentRoot, 'rubrics'), promptsDir: resolve(contentRoot, 'prompts') },
    sessions: {
      phaseMinuteMs: e.PHASE_MINUTE_MS,
      answerMaxChars: e.ANSWER_MAX_CHARS,
      rateLimit: e.SOCKET_RATE_LIMIT,
      rateWindowMs: e.SOCKET_RATE_WINDOW_MS,
      reconcileIntervalMs: e.RECONCILE_INTERVAL_MS,
      gradingStallMs: e.GRADING_STALL_MS,
      maxRedrives: e.RECONCILE_MAX_REDRIVES,
    },
    ipRateLimits: { trustProxyHops: e.TRUST_PROXY, auth: e.AUTH_RATE_LIMIT, waitlist: e.WAITLIST_RATE_LIMIT, windowMs: e.IP_RATE_WINDOW_MS },
    mail: { publicUrl: e.PUBLIC_URL.replace(/\/+$/, ''), smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, outboxSweepMs: e.OUTBOX_SWEEP_MS },
    waitlist: { referralBoost: e.WAITLIST_REFERRAL_BOOST, referralCap: e.WAITLIST_REFERRAL_CAP },
    rollout: {
      maxLiveSessions: e.ROLLOUT_MAX_LIVE_SESSIONS,
      sessionsPerUserPerDay: e.ROLLOUT_SESSIONS_PER_USER_PER_DAY,
      dailyTokenBudget: e.ROLLOUT_DAILY_TOKEN_BUDGET,
      capacityRetryMs: e.ROLLOUT_CAPACITY_RETRY_MS,
    },
    coding: {
      maxChars: e.CODE_MAX_CHARS,
      customInputMaxChars: e.CODE_CUSTOM_INPUT_MAX_CHARS,
      snapshotMinIntervalMs: e.CODE_SNAPSHOT_MIN_INTERVAL_MS,
      runConcurrency: e.CODE_RUN_CONCURRENCY,
      runsPerUser: e.CODE_RUNS_PER_USER,
      scalingBudgetMs: e.CODE_SCALING_BUDGET_MS,
    },
    diagram: {
      maxBytes: e.DIAGRAM_MAX_BYTES,
      maxElements: e.DIAGRAM_MAX_ELEMENTS,
      snapshotMinIntervalMs: e.DIAGRAM_SNAPSHOT_MIN_INTERVAL_MS,
    },
    sandbox: {
      bwrap: e.SANDBOX_BWRAP,
      python: e.SANDBOX_PYTHON,
      // The node running the service, unless told otherwise.
      node: e.SANDBOX_NODE ?? process.execPath,
      uidBase: e.SANDBOX_UID_BASE,
      cgroup: e.SANDBOX_CGROUP,
      cgroupRoot: e.SANDBOX_CGROUP_ROOT,
      memoryBound: e.SANDBOX_MEMORY_BOUND,
      limits: {
        wallMs: e.SANDBOX_WALL_MS,
        cpuSeconds: e.SANDBOX_CPU_SECONDS,
        memoryMb: e.SANDBOX_MEMORY_MB,
        maxProcesses: e.SANDBOX_MAX_PROCESSES,
        outputBytes: e.SANDBOX_OUTPUT_BYTES,
        fileBytes: e.SANDBOX_FILE_BYTES,
      },
    },
  };
}
