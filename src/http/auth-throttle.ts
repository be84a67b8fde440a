// Guessing a staff or admin token: after a few wrong ones from an address, that address waits. A
// right token still passes, so a neighbour behind the same venue's address cannot lock staff out.
import type { FastifyReply } from 'fastify';
import type { RedisClient } from '../redis/redis-clients.ts';
import { soloKey } from '../redis/redis-keys.ts';

export interface AuthThrottle {
  /** Counts a wrong token from `address`; returns how many milliseconds it must now wait, or 0. */
  failed(address: string): Promise<number>;
}

export interface AuthThrottleOptions {
  /** Wrong tokens allowed per window before the address waits. */
  limit: number;
  windowMs: number;
}

export const DEFAULT_AUTH_THROTTLE: AuthThrottleOptions = { limit: 10, windowMs: 5 * 60_000 };

/** Shared by every process through Redis. */
export function redisAuthThrottle(redis: RedisClient, options: AuthThrottleOptions & { prefix: string }): AuthThrottle {
  return {
    async failed(address) {
      const key = soloKey(options.prefix, `auth-failures:${address}`);
      const [[, count], , [, left]] = (await redis.multi().incr(key).pexpire(key, options.windowMs, 'NX').pttl(key).exec()) as [[Error | null, number], unknown, [Error | null, number]];
      return count > options.limit ? Math.max(1, left) : 0;
    },
  };
}

/** For a single process (and the commands that build a server without Redis). */
export function memoryAuthThrottle(options: AuthThrottleOptions, now: () => number = Date.now): AuthThrottle {
  const seen = new Map<string, { count: number; until: number }>();
  return {
    async failed(address) {
      const at = now();
      const entry = seen.get(address);
      const current = entry && entry.until > at ? entry : { count: 0, until: at + options.windowMs };
      current.count++;
      seen.set(address, current);
      if (seen.size > 10_000) for (const [key, value] of seen) if (value.until <= at) seen.delete(key);
      return current.count > options.limit ? current.until - at : 0;
    },
  };
}

/** 429 with the wait, in whole seconds, as Retry-After. */
export function tooManyAttempts(reply: FastifyReply, waitMs: number): FastifyReply {
  const seconds = Math.ceil(waitMs / 1000);
  return reply.code(429).header('retry-after', String(seconds)).send({ error: `too many wrong tokens from this address: try again in ${seconds} s` });
}
