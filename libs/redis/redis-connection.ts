import { Cluster, type ClusterOptions, Redis as SingleRedis, type RedisOptions } from 'ioredis';
import { parseRedisTarget, type RedisTarget } from '#libs/config';

/** A Redis connection: one server's client, or a Redis Cluster's (which sends each command to its slot's master). */
export type Redis = SingleRedis | Cluster;

interface CommonOptions {
  /** BullMQ workers and subscribers: retry commands forever (`maxRetriesPerRequest: null`), or a Redis restart kills them. */
  blocking?: boolean;
  name?: string;
}

/**
 * A subscriber of sharded pub/sub (SSUBSCRIBE): on a cluster, one subscriber connection per master. It must say
 * where its connection errors go: a Cluster re-emits a failed subscriber connection as an `error` event, and with
 * no listener that event throws (an uncaught exception that ends the process) while ioredis would have reconnected.
 */
interface SubscriberOptions extends CommonOptions {
  subscriber: true;
  onError: (err: Error) => void;
}

export type RedisConnectionOptions = (CommonOptions & { subscriber?: false }) | SubscriberOptions;

const retryDelay = (times: number) => Math.min(times * 200, 2_000);

/**
 * A connection that sent a command and gets no byte back for this long is dropped and reconnected. Without it a
 * half-open link (a partition that drops packets, a Redis host that vanished without a reset) holds its commands
 * until TCP gives up, minutes later: readiness stays down and a worker takes no job long after the network is back.
 * A BullMQ worker's connections wait in BZPOPMIN for at most 10 s (BullMQ's maximum block), so theirs is longer.
 * A subscriber sends no command while it listens, so the timer never runs there.
 */
const SOCKET_TIMEOUT_MS = 5_000;
const BLOCKING_SOCKET_TIMEOUT_MS = 15_000;

/**
 * The one factory of Redis connections. `target` is the parsed REDIS_URL / REDIS_CLUSTER_NODES
 * (`config.redis.target`), or a URL (tests, benches) parsed the same way: a `redis+cluster://` URL or cluster
 * seeds give an ioredis `Cluster`, anything else a plain `Redis`.
 */
export function createRedisConnection(target: RedisTarget | string, opts: RedisConnectionOptions = {}): Redis {
  const parsed = typeof target === 'string' ? parseRedisTarget(target) : target;
  if (!parsed) throw new Error(`not a Redis URL: ${String(target)}`);
  const options: RedisOptions = {
    connectionName: opts.name,
    maxRetriesPerRequest: opts.blocking || opts.subscriber ? null : 3,
    enableReadyCheck: true,
    retryStrategy: retryDelay,
    socketTimeout: opts.blocking ? BLOCKING_SOCKET_TIMEOUT_MS : SOCKET_TIMEOUT_MS,
  };
  const connection =
    parsed.kind === 'single'
      ? new SingleRedis(parsed.url, options)
      : new Cluster(parsed.nodes, clusterOptions(parsed, options, Boolean(opts.subscriber)));
  if (opts.subscriber) connection.on('error', opts.onError);
  return connection;
}

function clusterOptions(parsed: Extract<RedisTarget, { kind: 'cluster' }>, options: RedisOptions, subscriber: boolean): ClusterOptions {
  return {
    redisOptions: { ...options, username: parsed.username, password: parsed.password, ...(parsed.tls ? { tls: {} } : {}) },
    clusterRetryStrategy: retryDelay,
    enableReadyCheck: true,
    // A failover moves slots: wait for the new owner rather than fail the command at once.
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 300,
    // CLUSTER SLOTS on a busy node can take more than the default second; a refresh that times out on every seed
    // node fails the connection.
    slotsRefreshTimeout: 5_000,
    // SSUBSCRIBE goes to the master that owns the channel's slot, re-sent there after a failover or resharding.
    shardedSubscribers: subscriber,
  };
}
