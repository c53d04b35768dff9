import type { Redis } from './redis-connection.js';

/**
 * Shards of one kind of notice. Notices use sharded pub/sub (SPUBLISH / SSUBSCRIBE, Redis ≥ 7): on a cluster a
 * shard channel lives on the master owning its slot, instead of classic PUBLISH being copied to every node over
 * the cluster bus. A kind is spread over several channels (by the notice's key: a session, a user), so its
 * traffic spreads over the masters; a subscriber listens to every shard. On a single Redis the same commands
 * behave like PUBLISH / SUBSCRIBE.
 */
export const NOTICE_SHARDS = 8;

/** FNV-1a of the key: stable across processes and versions, which every publisher and subscriber must agree on. */
function shardOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % NOTICE_SHARDS;
}

/** The channel a notice about `key` (a session id, a user id) goes on. */
export function noticeChannel(base: string, key: string): string {
  return `${base}:${shardOf(key)}`;
}

/** Every shard channel of a kind of notice. */
function noticeChannels(base: string): string[] {
  return Array.from({ length: NOTICE_SHARDS }, (_, i) => `${base}:${i}`);
}

/** Publishes a notice about `key` on its shard channel. */
export async function publishNotice(redis: Redis, base: string, key: string, message: string): Promise<void> {
  await redis.spublish(noticeChannel(base, key), message);
}

/**
 * Subscribes `subscriber` (a connection made with `{ subscriber: true }`: it does nothing else) to every shard of
 * each kind; `onNotice` gets the kind's base name and the message. One SSUBSCRIBE per channel: on a cluster the
 * channels of one command must share a slot.
 */
export async function subscribeNotices(
  subscriber: Redis,
  bases: readonly string[],
  onNotice: (base: string, message: string) => void,
): Promise<void> {
  const kindOf = new Map(bases.flatMap((base) => noticeChannels(base).map((channel) => [channel, base] as const)));
  subscriber.on('smessage', (channel: string, message: string) => {
    const base = kindOf.get(channel);
    if (base !== undefined) onNotice(base, message);
  });
  for (const channel of kindOf.keys()) await subscriber.ssubscribe(channel);
}
