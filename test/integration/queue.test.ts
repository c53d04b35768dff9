import { randomUUID } from 'node:crypto';
import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createWorkerApp } from '../../apps/worker/create-worker-app.js';
import { UsersService } from '../../libs/auth/index.js';
import { ConfigModule } from '../../libs/config/index.js';
import type { Worker } from 'bullmq';
import { MetricsService } from '../../libs/metrics/index.js';
import type { Redis } from '../../libs/redis/index.js';
import { JobQueue, MissingJobHandlerError, QueueModule, QueueWorkerModule, QueueWorkerService } from '../../libs/queue/index.js';
import { LoggingModule } from '../../libs/logging/index.js';
import { createUser } from '../support/factories.js';
import { testLogger } from '../support/silent-logger.js';
import { testConfig } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

describe(JobQueue.name, () => {
  let worker: INestApplicationContext;
  let sut: JobQueue;

  beforeAll(async () => {
    // One job at a time per queue, in order: a later job's run then bounds "nothing else ran" (see the duplicate id).
    worker = await createWorkerApp(testConfig({ WORKER_CONCURRENCY: '1' }), testLogger());
    sut = worker.get(JobQueue);
  });
  afterAll(() => worker.close());

  it('delivers a typed job through real Redis to its handler', async () => {
    const user = await createUser(worker);
    const at = new Date('2026-07-01T12:00:00.000Z').toISOString();
    await sut.enqueue('auth.record-login', { userId: user.id, at });
    const seen = await waitFor(async () => (await worker.get(UsersService).get(user.id)).lastLoginAt ?? undefined);
    expect(seen).toBe(at);
  });

  it('refuses a payload that breaks the job schema before it reaches Redis', async () => {
    await expect(sut.enqueue('auth.record-login', { userId: 'not-a-uuid', at: 'yesterday' })).rejects.toThrow(/uuid|datetime/i);
  });

  it('accepts a duplicate job id once', async () => {
    const [user, marker] = await Promise.all([createUser(worker), createUser(worker)]);
    const jobId = randomUUID();
    const first = new Date('2026-07-02T00:00:00.000Z').toISOString();
    const second = new Date('2026-07-03T00:00:00.000Z').toISOString();
    await sut.enqueue('auth.record-login', { userId: user.id, at: first }, { jobId });
    await sut.enqueue('auth.record-login', { userId: user.id, at: second }, { jobId });
    // The marker: a later job on the same queue, which runs one job at a time in order. Once it has run, a job the
    // duplicate id had added would have run before it.
    await sut.enqueue('auth.record-login', { userId: marker.id, at: first });
    await waitFor(async () => (await worker.get(UsersService).get(marker.id)).lastLoginAt ?? undefined);
    await expect(worker.get(UsersService).get(user.id)).resolves.toMatchObject({ lastLoginAt: first });
  });
});

describe(QueueWorkerModule.name, () => {
  @Module({})
  class WorkerWithoutHandlers {
    static forRoot(): DynamicModule {
      return {
        module: WorkerWithoutHandlers,
        imports: [
          ConfigModule.forRoot(testConfig()),
          LoggingModule.forRoot(testLogger()),
          QueueModule,
          QueueWorkerModule.consuming(['auth', 'code']),
        ],
      };
    }
  }

  it('refuses to start when a job of a queue it consumes has no handler', async () => {
    const start = NestFactory.createApplicationContext(WorkerWithoutHandlers.forRoot(), { logger: false, abortOnError: false });
    await expect(start).rejects.toThrow(MissingJobHandlerError);
    await expect(start).rejects.toThrow('no handler for job "auth.record-login"; no handler for job "code.run"');
    // Only the consumed queues' jobs are required: the grading worker has no `code.run` handler, the code runner no other.
    await expect(start).rejects.not.toThrow('grading.grade-answer');
  });
});

describe(`${QueueWorkerService.name}: a wedged worker`, () => {
  it('is replaced when, idle, it leaves a due job untaken at two looks in a row; the job then runs', async () => {
    const app = await createWorkerApp(testConfig({ QUEUE_WEDGE_CHECK_MS: '1000' }), testLogger());
    try {
      const running = (app.get(QueueWorkerService) as unknown as { running: Map<string, { worker: Worker }> }).running;
      const wedged = running.get('auth')!.worker;
      // A fetch loop that stopped, as Redis sees it: this BullMQ worker takes nothing more (the queue is not paused).
      await wedged.close();
      const user = await createUser(app);
      const at = new Date('2026-07-04T00:00:00.000Z').toISOString();
      await app.get(JobQueue).enqueue('auth.record-login', { userId: user.id, at });
      const seen = await waitFor(async () => (await app.get(UsersService).get(user.id)).lastLoginAt ?? undefined, { timeoutMs: 20_000 });
      expect(seen).toBe(at);
      expect(running.get('auth')!.worker).not.toBe(wedged);
      expect((await app.get(MetricsService).exposition()).body).toMatch(/^mi_queue_worker_replacements_total\{queue="auth"\} 1$/m);
      // The other queues' workers were idle too, with nothing due: left alone.
      expect((await app.get(MetricsService).exposition()).body).not.toMatch(/^mi_queue_worker_replacements_total\{queue="(?!auth)/m);
    } finally {
      await app.close();
    }
  });
});

describe(`${QueueWorkerService.name}: shutdown`, () => {
  // ioredis' disconnect() on a connection that has already ended arms a 2 s timer (to destroy a stream that will not
  // close) that nothing clears: every worker held its process, and jest, up to 2 s after close.
  it('disconnects no connection that has already ended', async () => {
    const app = await createWorkerApp(testConfig(), testLogger());
    const running = (app.get(QueueWorkerService) as unknown as { running: Map<string, { blocking: Redis; copies: Redis[] }> }).running;
    const connections = [...running].flatMap(([queue, r]) => [r.blocking, ...r.copies].map((c) => ({ queue, c })));
    const ended: string[] = [];
    for (const { queue, c } of connections) {
      const disconnect = c.disconnect.bind(c);
      c.disconnect = (reconnect?: boolean) => {
        if (c.status === 'end') ended.push(queue);
        disconnect(reconnect);
      };
    }
    await app.close();
    expect(connections.length).toBeGreaterThan(running.size);
    expect(ended).toEqual([]);
  });
});
