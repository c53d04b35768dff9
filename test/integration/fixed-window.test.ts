import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { createRedisConnection, hitFixedWindow, type Redis } from '../../libs/redis/index.js';
import { testConfig } from '../support/test-config.js';

describe(hitFixedWindow.name, () => {
  let redis: Redis;
  const key = () => `test:fixed-window:${randomUUID()}`;

  beforeAll(() => {
    redis = createRedisConnection(testConfig().redis.url, { name: 'fixed-window-test' });
  });
  afterAll(() => redis.quit());

  it('counts hits in a window that opens at the first hit, and says when it closes', async () => {
    const k = key();
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await hitFixedWindow(redis, k, 60_000));
    expect(hits.map((h) => h.count)).toEqual([1, 2, 3]);
    for (const h of hits) {
      expect(h.resetInMs).toBeGreaterThan(59_000);
      expect(h.resetInMs).toBeLessThanOrEqual(60_000);
    }
    // Later hits do not push the window's end back.
    expect(hits[2]!.resetInMs).toBeLessThanOrEqual(hits[0]!.resetInMs);
  });

  it('starts again once the window has closed', async () => {
    const k = key();
    await hitFixedWindow(redis, k, 150);
    await hitFixedWindow(redis, k, 150);
    await delay(250);
    expect((await hitFixedWindow(redis, k, 150)).count).toBe(1);
  });

  it('gives a counter that has no expiry one, so it cannot count forever', async () => {
    const k = key();
    await redis.set(k, '41');
    expect((await hitFixedWindow(redis, k, 60_000)).count).toBe(42);
    expect(await redis.pttl(k)).toBeGreaterThan(0);
  });
});
