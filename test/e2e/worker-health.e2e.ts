import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { WorkerHealthServer } from '../../libs/health/index.js';
import { startCodeRunner, startWorker } from '../support/apps.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { isolatedQueuePrefix } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

type Readiness = { status: string; checks: Record<string, { status: string; reason?: string }> };

/**
 * Issue 21, point 5: the worker's own port answers `/health/ready` for Postgres, Redis, the queues it consumes and
 * (the code runner) the sandbox; it fails while its Redis is unreachable and recovers when Redis is back.
 */
describe(WorkerHealthServer.name, () => {
  const prefix = isolatedQueuePrefix();
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let proxy: TcpProxy;
  let worker: INestApplicationContext;
  let url: string;

  beforeAll(async () => {
    const redis = new URL(redisUrl);
    proxy = await TcpProxy.start({ host: redis.hostname, port: Number(redis.port || 6379) });
    worker = await startWorker({
      QUEUE_PREFIX: prefix,
      WORKER_HEALTH_PORT: '0',
      REDIS_URL: proxy.urlFor(redisUrl),
      RECONCILE_INTERVAL_MS: '300',
      OUTBOX_SWEEP_MS: '300',
    });
    url = `http://127.0.0.1:${worker.get(WorkerHealthServer).port}`;
  });
  afterAll(async () => {
    proxy.heal();
    await worker?.close();
    await proxy?.close();
  });

  const readiness = async (status: number): Promise<Readiness | undefined> => {
    const res = await request(url).get('/health/ready');
    return res.status === status ? (res.body as Readiness) : undefined;
  };

  it('is ready with every consumed queue taken, fails naming redis while Redis is unreachable, and recovers when it is back', async () => {
    await request(url).get('/health').expect(200, { status: 'ok' });
    const ready = await waitFor(() => readiness(200), { timeoutMs: 15_000 });
    expect(ready.checks).toMatchObject({
      postgres: { status: 'up' },
      redis: { status: 'up' },
      'queue:auth': { status: 'up' },
      'queue:grading': { status: 'up' },
      'queue:interviewer': { status: 'up' },
      'queue:sessions': { status: 'up' },
      'queue:mail': { status: 'up' },
    });
    expect(ready.checks).not.toHaveProperty('queue:code');

    proxy.cut();
    const down = await waitFor(() => readiness(503), { timeoutMs: 15_000 });
    expect(down).toMatchObject({ status: 'error', checks: { postgres: { status: 'up' }, redis: { status: 'down', reason: expect.any(String) } } });
    // Still down while Redis stays away (the liveness endpoint still answers: the process is fine).
    expect(await readiness(503)).toMatchObject({ checks: { redis: { status: 'down' } } });
    await request(url).get('/health').expect(200);

    proxy.heal();
    // Recovery waits for the queues' BullMQ workers to reconnect (ioredis backoff) and the repeating jobs to run
    // again; with the end-to-end tier beside the others on two cores it once took longer than 20 s.
    const back = await waitFor(() => readiness(200), { timeoutMs: 45_000, intervalMs: 200 });
    expect(back.checks).toMatchObject({ redis: { status: 'up' }, 'queue:grading': { status: 'up' } });
  }, 90_000);

  it('recovers from a half-open Redis link (a partition that drops packets, no reset): readiness and the repeating jobs come back', async () => {
    await waitFor(() => readiness(200), { timeoutMs: 45_000, intervalMs: 200 });
    proxy.partition();
    await waitFor(() => readiness(503), { timeoutMs: 15_000 });
    proxy.heal();
    // The connections frozen by the partition stay dead: the worker must drop them and open new ones, and the
    // reconciler (every 300 ms here) must run again, which readiness checks (schedule:sessions.reconcile).
    const back = await waitFor(() => readiness(200), { timeoutMs: 45_000, intervalMs: 200 });
    expect(back.checks).toMatchObject({ redis: { status: 'up' }, 'queue:sessions': { status: 'up' } });
  }, 90_000);

  it('the code runner without a sandbox is not ready, naming the queue it cannot take and why', async () => {
    const runner = await startCodeRunner({ QUEUE_PREFIX: prefix, WORKER_HEALTH_PORT: '0', SANDBOX_BWRAP: '/nonexistent/bwrap' });
    try {
      const res = await request(`http://127.0.0.1:${runner.get(WorkerHealthServer).port}`)
        .get('/health/ready')
        .expect(503);
      expect(res.body).toMatchObject({
        status: 'error',
        checks: { postgres: { status: 'up' }, redis: { status: 'up' }, 'queue:code': { status: 'down', reason: expect.stringContaining('sandbox') } },
      });
    } finally {
      await runner.close();
    }
  });
});
