import { randomUUID } from 'node:crypto';
import { createRedisConnection, NOTICE_SHARDS, noticeChannel, publishNotice, type Redis, subscribeNotices } from '../../libs/redis/index.js';
import { testConfig } from '../support/test-config.js';
import { waitFor } from '../support/wait-for.js';

/** Runs on whatever REDIS_URL names: one Redis, or (the cluster run in .ci/run) a 3-master Redis Cluster. */
describe(subscribeNotices.name, () => {
  const config = testConfig();
  let publisher: Redis;
  let subscriber: Redis;
  const connectionErrors: Error[] = [];

  beforeAll(() => {
    publisher = createRedisConnection(config.redis.target, { name: 'notices-test-pub' });
    subscriber = createRedisConnection(config.redis.target, {
      subscriber: true,
      name: 'notices-test-sub',
      onError: (err) => connectionErrors.push(err),
    });
  });
  afterAll(async () => {
    await subscriber.quit();
    await publisher.quit();
  });

  it('delivers a notice on every shard, and only the kinds subscribed to', async () => {
    const base = `${config.queue.prefix}:notices-test-${randomUUID()}`;
    const other = `${base}-other`;
    // Keys that between them land on every shard (the shards' channels hash to different slots, so to different masters).
    const keys: string[] = [];
    const covered = new Set<string>();
    while (covered.size < NOTICE_SHARDS) {
      const key = randomUUID();
      if (covered.has(noticeChannel(base, key))) continue;
      covered.add(noticeChannel(base, key));
      keys.push(key);
    }
    const received: Array<[string, string]> = [];
    await subscribeNotices(subscriber, [base], (kind, message) => received.push([kind, message]));

    await publishNotice(publisher, other, keys[0]!, 'not for us');
    for (const key of keys) await publishNotice(publisher, base, key, `notice ${key}`);

    await waitFor(async () => (received.length >= keys.length ? true : undefined));
    expect(received.sort()).toEqual(keys.map((k) => [base, `notice ${k}`]).sort());
  });

  it("hands a subscriber's connection errors to its onError instead of throwing them", () => {
    // A Cluster re-emits a sharded subscriber's failed (re)connection as 'error'; unheard, that event throws.
    const err = new Error('Connection is closed.');
    expect(() => subscriber.emit('error', err)).not.toThrow();
    expect(connectionErrors).toEqual([err]);
  });
});
