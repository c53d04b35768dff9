import type { AppConfig } from '#libs/config';
import type { QueueName } from './job-registry.js';

/**
 * BullMQ's key prefix for one queue. BullMQ's Lua scripts touch several keys of a queue at once, which a Redis
 * Cluster allows only within one hash slot: there the prefix is hash-tagged per queue (`{mi:grading}`), so all of
 * a queue's keys share a slot and the queues spread over the masters. On one Redis it is QUEUE_PREFIX as it is.
 */
export function queuePrefix(config: AppConfig, queue: QueueName): string {
  return config.redis.target.kind === 'cluster' ? `{${config.queue.prefix}:${queue}}` : config.queue.prefix;
}
