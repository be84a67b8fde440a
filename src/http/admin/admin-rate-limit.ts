// Request rates on /admin/api, on top of the wrong-token throttle: per address before the token is
// read (a flood from one place), and per staff member after (a leaked token that pages through
// everything). Shared by every process through Redis when given one.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RedisClient } from '../../redis/redis-clients.ts';
import { soloKey } from '../../redis/redis-keys.ts';

export interface AdminRateLimit {
  perAddressPerMinute: number;
  perStaffPerMinute: number;
  /** Sign-in attempts (and password links) a minute per address: each costs a password hash. */
  signInPerAddressPerMinute?: number;
  redis?: RedisClient;
  /** Key prefix in Redis (the deployment's: see redis/redis-keys.ts). */
  prefix?: string;
}

export const DEFAULT_ADMIN_RATE_LIMIT: AdminRateLimit = { perAddressPerMinute: 3000, perStaffPerMinute: 600 };
export const DEFAULT_SIGN_IN_PER_ADDRESS_PER_MINUTE = 30;

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** Registers the store on the admin scope; returns the two hooks, to place around authentication. */
export async function adminRateLimits(scope: FastifyInstance, limits: AdminRateLimit, staffKey: (request: FastifyRequest) => string, nameSpace = 'admin-rate:'): Promise<{ perAddress: Hook; perStaff: Hook }> {
  await scope.register(rateLimit, {
    global: false,
    // Redis away: the admin API still answers (health and the wrong-token throttle say the rest).
    skipOnError: true,
    ...(limits.redis ? { redis: limits.redis, nameSpace: soloKey(limits.prefix ?? 'qafila', nameSpace) } : {}),
  });
  const hook = (max: number, key: (request: FastifyRequest) => string): Hook => {
    const check = scope.createRateLimit({ max, timeWindow: 60_000, keyGenerator: key });
    return async (request, reply) => {
      const limit = await check(request);
      if (limit.isAllowed || !limit.isExceeded) return;
      await reply.code(429).header('retry-after', String(limit.ttlInSeconds)).send({ error: `too many requests: try again in ${limit.ttlInSeconds} s` });
    };
  };
  return {
    perAddress: hook(limits.perAddressPerMinute, (request) => `ip:${request.ip}`),
    perStaff: hook(limits.perStaffPerMinute, (request) => `staff:${staffKey(request)}`),
  };
}
