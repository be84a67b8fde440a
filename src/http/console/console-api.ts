// /console/api: the console's own JSON routes (sign-in, the member's settings, one-time password links).
// The rest of the console's data comes from /admin/api, which accepts the same session cookie.
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import type { Clock } from '../../domain/clock.ts';
import type { LiveSession } from '../../domain/staff/staff-sessions.ts';
import type { AuthThrottle } from '../auth-throttle.ts';
import { adminRateLimits, DEFAULT_ADMIN_RATE_LIMIT, DEFAULT_SIGN_IN_PER_ADDRESS_PER_MINUTE, type AdminRateLimit } from '../admin/admin-rate-limit.ts';
import { registerMeRoutes } from './me.routes.ts';
import { registerPasswordRoutes } from './password.routes.ts';
import { csrfAccepted, refuseCsrf, refuseSignedOut, requestSession, SESSION_COOKIE, sessionToken } from './session-cookie.ts';
import { registerSessionRoutes } from './session.routes.ts';

export interface ConsoleApiDeps {
  db: Db;
  clock: Clock;
  /** Wrong passwords per address, counted with the admin API's wrong tokens. */
  authThrottle: AuthThrottle;
  /** The cookie is sent over HTTPS only; false only for plain http on this machine (CONSOLE_INSECURE_COOKIE=on). */
  secureCookie: boolean;
  /** Sign-in attempts a minute per address (in Redis when given); the defaults, in this process, when absent. */
  rateLimit?: AdminRateLimit;
}

/** What every group of console routes is given. */
export interface ConsoleContext {
  deps: ConsoleApiDeps;
  /** The caller's live session, or undefined after answering 401 (no session) or 403 (a change without its CSRF token). */
  session(request: FastifyRequest, reply: FastifyReply): Promise<(LiveSession & { token: string }) | undefined>;
  /** Placed before routes that hash a password: past the rate of an address, 429 before any work. */
  signInLimit: RouteHook;
  /** Parses a body with its schema, or undefined after answering 400 with each problem by field. */
  body<S extends z.ZodType>(schema: S, request: FastifyRequest, reply: FastifyReply): Promise<z.infer<S> | undefined>;
}

type RouteHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export function registerConsoleApi(app: FastifyInstance, deps: ConsoleApiDeps): void {
  void app.register(
    async (scope) => {
      await scope.register(cookie);
      // Sessions and CSRF tokens: no answer of this API is kept by a browser or a proxy.
      scope.addHook('onSend', async (_request, reply) => void reply.header('cache-control', 'no-store'));
      const limit = deps.rateLimit ?? DEFAULT_ADMIN_RATE_LIMIT;
      const perMinute = limit.signInPerAddressPerMinute ?? DEFAULT_SIGN_IN_PER_ADDRESS_PER_MINUTE;
      const { perAddress } = await adminRateLimits(scope, { ...limit, perAddressPerMinute: perMinute }, () => '', 'sign-in-rate:');
      const context = consoleContext(deps, perAddress);
      registerSessionRoutes(scope, context);
      registerMeRoutes(scope, context);
      registerPasswordRoutes(scope, context);
    },
    { prefix: '/console/api' },
  );
}

function consoleContext(deps: ConsoleApiDeps, signInLimit: RouteHook): ConsoleContext {
  return {
    deps,
    signInLimit,
    async session(request, reply) {
      const session = await requestSession(deps.db, request, deps.clock.now());
      if (!session) {
        // A cookie that names no live session is cleared, so the browser stops sending it.
        if (sessionToken(request)) reply.clearCookie(SESSION_COOKIE, { path: '/' });
        await refuseSignedOut(reply);
        return undefined;
      }
      if (!csrfAccepted(request, session.csrfToken)) {
        await refuseCsrf(reply);
        return undefined;
      }
      return session;
    },
    async body(schema, request, reply) {
      const parsed = schema.safeParse(request.body);
      if (parsed.success) return parsed.data;
      await reply.code(400).send({ error: 'invalid_input', problems: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })) });
      return undefined;
    },
  };
}
