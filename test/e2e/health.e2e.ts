import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import request from 'supertest';
import { WorkerHealthServer } from '../../libs/health/index.js';
import { REDIS, type Redis } from '../../libs/redis/index.js';
import { type RunningApi, startApi, startWorker } from '../support/apps.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

/** Issue 18, point 9: readiness tells the truth, on the api and on the worker's own health endpoint. */
describe('health that tells the truth', () => {
  const prefix = isolatedQueuePrefix();
  const env = { QUEUE_PREFIX: prefix, WORKER_HEALTH_PORT: '0', RECONCILE_INTERVAL_MS: '300', OUTBOX_SWEEP_MS: '300' };
  let api: RunningApi;
  let worker: INestApplicationContext;
  let workerUrl: string;

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    workerUrl = `http://127.0.0.1:${worker.get(WorkerHealthServer).port}`;
  });
  afterAll(async () => {
    await Promise.all([api.close(), worker.close()]);
  });

  it('the api answers 503 naming the dependency that is down (not an opaque 500), then 200 again', async () => {
    await request(api.url).get('/health/ready').expect(200);
    const redis = api.app.get<Redis>(REDIS);
    redis.disconnect();
    try {
      const res = await request(api.url).get('/health/ready').expect(503);
      expect(res.body).toMatchObject({ error: { code: 'NOT_READY', message: expect.stringContaining('redis'), details: { failing: ['redis'] } } });
    } finally {
      await redis.connect();
    }
    await request(api.url).get('/health/ready').expect(200);
  });

  it('the worker is ready once its repeating jobs run, and says which one stopped when the reconciler is dead', async () => {
    await request(workerUrl).get('/health').expect(200, { status: 'ok' });
    const ready = await waitFor(
      async () => {
        const res = await request(workerUrl).get('/health/ready');
        return res.status === 200 ? res.body : undefined;
      },
      { timeoutMs: 10_000 },
    );
    expect(ready).toEqual({
      status: 'ok',
      checks: {
        postgres: { status: 'up' },
        redis: { status: 'up' },
        ...Object.fromEntries(['auth', 'grading', 'interviewer', 'sessions', 'mail'].map((q) => [`queue:${q}`, { status: 'up' }])),
        'schedule:sessions.reconcile': { status: 'up' },
        'schedule:mail.sweep': { status: 'up' },
      },
    });

    // The sessions queue stops (as when every worker's sessions consumer is wedged): the reconciler no longer runs.
    const sessions = new Queue('sessions', { connection: { host: '127.0.0.1', port: 6379 }, prefix });
    await sessions.pause();
    try {
      const stale = await waitFor(
        async () => {
          const res = await request(workerUrl).get('/health/ready');
          return res.status === 503 ? res.body : undefined;
        },
        { timeoutMs: 10_000 },
      );
      expect(stale).toMatchObject({
        status: 'error',
        checks: {
          'schedule:sessions.reconcile': { status: 'down', reason: expect.stringMatching(/^last ran \d+ ms ago \(expected every 300 ms\)$/) },
          'schedule:mail.sweep': { status: 'up' },
        },
      });
    } finally {
      await sessions.resume();
      await sessions.close();
    }
    await waitFor(async () => ((await request(workerUrl).get('/health/ready')).status === 200 ? true : undefined), { timeoutMs: 10_000 });

    // Redis gone for the worker: named, 503.
    const redis = worker.get<Redis>(REDIS);
    redis.disconnect();
    try {
      const res = await request(workerUrl).get('/health/ready').expect(503);
      expect(res.body.checks.redis).toMatchObject({ status: 'down' });
    } finally {
      await redis.connect();
    }
  });
});
