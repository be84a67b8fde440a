// A per-contact flood limit: past the limit in a window, the sender is told once, politely, and then
// ignored until the window ends. Counted in Redis, so every process shares it.
import type { RedisClient } from '../redis/redis-clients.ts';
import { soloKey } from '../redis/redis-keys.ts';
import { understand } from '../understanding/understand.ts';

export type FloodVerdict = 'ok' | 'warn' | 'drop';

export interface FloodGuard {
  check(channel: string, from: string): Promise<FloodVerdict>;
}

/**
 * The guard's verdict on one message; an emergency passes every limit: it is always answered with
 * the numbers (invariant 9). Every way in (the channels, the web simulator) asks here.
 */
export async function floodVerdict(guard: FloodGuard | undefined, message: { channel: string; from: string; text?: string | undefined }): Promise<FloodVerdict> {
  if (!guard) return 'ok';
  if (message.text !== undefined && understand(message.text).intent === 'emergency') return 'ok';
  return guard.check(message.channel, message.from);
}

export function redisFloodGuard(redis: RedisClient, options: { prefix: string; limit: number; windowMs: number }): FloodGuard {
  return {
    async check(channel, from) {
      const key = soloKey(options.prefix, `flood:${channel}:${from}`);
      const [[, count]] = (await redis.multi().incr(key).pexpire(key, options.windowMs, 'NX').exec()) as [[Error | null, number]];
      if (count <= options.limit) return 'ok';
      return count === options.limit + 1 ? 'warn' : 'drop';
    },
  };
}
