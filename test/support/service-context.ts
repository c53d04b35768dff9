import { type DynamicModule, type INestApplicationContext, Module, type Provider, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { type Principal, AuthCoreModule } from '../../libs/auth/index.js';
import { APP_CONFIG, type AppConfig, ConfigModule } from '../../libs/config/index.js';
import { DbModule } from '../../libs/db/index.js';
import { SessionsService } from '../../libs/interview/index.js';
import { LoggingModule, NestPinoLogger } from '../../libs/logging/index.js';
import { JOBS, type JobName } from '../../libs/queue/index.js';
import { queuePrefix } from '../../libs/queue/queue-prefix.js';
import { createRedisConnection, RedisModule } from '../../libs/redis/index.js';
import { createUser } from './factories.js';
import { testLogger } from './silent-logger.js';
import { isolatedQueuePrefix, testConfig } from './test-config.js';

@Module({})
class ServiceTierModule {
  static with(overrides: Record<string, string>, imports: (Type | DynamicModule)[], providers: Provider[]): DynamicModule {
    const config = testConfig({ QUEUE_PREFIX: isolatedQueuePrefix(), ...overrides });
    return {
      module: ServiceTierModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(testLogger('service')),
        DbModule.forRoot(),
        RedisModule.forRoot(),
        AuthCoreModule,
        ...imports,
      ],
      providers,
    };
  }
}

/**
 * The service tier: a lib's Nest module under test on the real Postgres and Redis, with no worker consuming its
 * queues (a test calls the services and looks at the jobs they queued), and no HTTP or socket server.
 */
export async function startServiceContext(
  imports: (Type | DynamicModule)[],
  overrides: Record<string, string> = {},
  providers: Provider[] = [],
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(ServiceTierModule.with(overrides, imports, providers), {
    logger: new NestPinoLogger(testLogger('service')),
  });
  await app.init();
  return app;
}

/** A candidate with early access, as a principal. */
export async function candidate(app: INestApplicationContext): Promise<Principal> {
  const user = await createUser(app, 'candidate');
  return { userId: user.id, role: 'candidate' };
}

/** A new session of `questionId` for a new candidate, through the real `SessionsService`. */
export async function startSession(
  app: INestApplicationContext,
  opts: { questionId?: string; mode?: 'practice' | 'realistic' } = {},
): Promise<{ principal: Principal; sessionId: string }> {
  const principal = await candidate(app);
  const state = await app.get(SessionsService).create(principal, { questionId: opts.questionId ?? 'url-shortener', mode: opts.mode ?? 'practice' });
  return { principal, sessionId: state.id };
}

/** A candidate's answer through the real `SessionsService` (stored with its grading intent, its job queued). */
export async function answer(app: INestApplicationContext, principal: Principal, sessionId: string, text: string): Promise<string> {
  const ack = await app.get(SessionsService).submitAnswer(principal, { sessionId, clientId: `c-${Math.random().toString(36).slice(2)}`, text });
  return ack.turnId;
}

/** Runs `fn` on the BullMQ queue that holds jobs named `name`, as the app sees it (its prefix, its Redis). */
async function onQueue<T>(app: INestApplicationContext, name: JobName, fn: (queue: Queue) => Promise<T>): Promise<T> {
  const config = app.get<AppConfig>(APP_CONFIG);
  const connection = createRedisConnection(config.redis.target, { name: 'test-queue' });
  const queue = new Queue(JOBS[name].queue, { connection, prefix: queuePrefix(config, JOBS[name].queue) });
  try {
    return await fn(queue);
  } finally {
    await queue.close();
    await connection.quit();
  }
}

/** Redis loses a job (a wipe, a restart that keeps nothing): it is removed whatever its state. */
export async function loseJob(app: INestApplicationContext, name: JobName, jobId: string): Promise<void> {
  await onQueue(app, name, (queue) => queue.remove(jobId));
}

/** The ids of the jobs named `name` waiting to run (or delayed) whose payload is `payload`. */
export async function queuedJobIds(app: INestApplicationContext, name: JobName, payload: Record<string, unknown>): Promise<string[]> {
  return onQueue(app, name, async (queue) => {
    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
    return jobs
      .filter((j) => j.name === name && Object.entries(payload).every(([k, v]) => (j.data as Record<string, unknown>)[k] === v))
      .map((j) => j.id!);
  });
}
