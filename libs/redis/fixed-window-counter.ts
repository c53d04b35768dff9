import type { Redis } from 'ioredis';

/**
 * One hit on a fixed-window counter shared by every process: `INCR` + `PEXPIRE` in one round trip.
 * Returns the count in the current window and how long until that window closes.
 */
export async function hitFixedWindow(
  redis: Redis,
  key: string,
  windowMs: number,
  now = Date.now(),
): Promise<{ count: number; resetInMs: number }> {
  const window = Math.floor(now / windowMs);
  const slot = `${key}:${window}`;
  const [[, count]] = (await redis.multi().incr(slot).pexpire(slot, windowMs * 2).exec()) as [[null, number], unknown];
  return { count, resetInMs: (window + 1) * windowMs - now };
}
