import type { Redis } from './redis-connection.js';

/**
 * One hit on a fixed-window counter shared by every process: `INCR`, `PEXPIRE … NX` and `PTTL` in one
 * round trip. A window opens at the key's first hit and lasts `windowMs` (not aligned to the clock, so a
 * burst is never split across a boundary that happens to fall inside it). Returns the count in the
 * current window and how long until it closes.
 */
export async function hitFixedWindow(redis: Redis, key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
  const [[, count], , [, ttl]] = (await redis.multi().incr(key).pexpire(key, windowMs, 'NX').pttl(key).exec()) as [
    [null, number],
    unknown,
    [null, number],
  ];
  // A key without an expiry would count forever (a Redis before 7 refuses NX): give it one.
  if (ttl < 0) await redis.pexpire(key, windowMs);
  return { count, resetInMs: ttl > 0 ? ttl : windowMs };
}
