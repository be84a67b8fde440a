// A per-contact flood limit: past the limit in a window, the sender is told once, politely, and then
// ignored until the window ends. Counted in Redis, so every process shares it.
import type { Redis } from 'ioredis';

export type FloodVerdict = 'ok' | 'warn' | 'drop';

export interface FloodGuard {
  check(channel: string, from: string): Promise<FloodVerdict>;
}

export function redisFloodGuard(redis: Redis, options: { prefix: string; limit: number; windowMs: number }): FloodGuard {
  return {
    async check(channel, from) {
      const key = `${options.prefix}:flood:${channel}:${from}`;
      const [[, count]] = (await redis.multi().incr(key).pexpire(key, options.windowMs, 'NX').exec()) as [[Error | null, number]];
      if (count <= options.limit) return 'ok';
      return count === options.limit + 1 ? 'warn' : 'drop';
    },
  };
}
