import { Redis, type RedisOptions } from 'ioredis';

export type { Redis } from 'ioredis';

/**
 * A new ioredis connection. `blocking` connections (BullMQ workers, stream readers) must retry
 * commands forever (`maxRetriesPerRequest: null`), or a Redis restart kills them.
 */
export function createRedisConnection(url: string, opts: { blocking?: boolean; name?: string } = {}): Redis {
  const options: RedisOptions = {
    connectionName: opts.name,
    maxRetriesPerRequest: opts.blocking ? null : 3,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  };
  return new Redis(url, options);
}
