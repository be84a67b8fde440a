// Signing in and out of the console, and who is signed in.
import type { FastifyInstance } from 'fastify';
import { signIn } from '../../domain/staff/sign-in.ts';
import { createSession, endSession, viewOrganisation } from '../../domain/staff/staff-sessions.ts';
import { staffProfile } from '../../domain/staff/staff-profile.ts';
import type { ConsoleContext } from './console-api.ts';
import { refuseSignedOut, SESSION_COOKIE, sessionCookieOptions } from './session-cookie.ts';
import { LockedSchema, SessionAnswerSchema, SignInBodySchema, TooManyAttemptsSchema, ViewingBodySchema, WrongCredentialsSchema } from './session.schemas.ts';

export function registerSessionRoutes(app: FastifyInstance, { deps, session, body, signInLimit }: ConsoleContext): void {
  const { db, clock } = deps;

  app.post('/session', { onRequest: signInLimit }, async (request, reply) => {
    const input = await body(SignInBodySchema, request, reply);
    if (!input) return reply;
    const now = clock.now();
    const result = await signIn(db, input, now);
    if (!result.ok && result.reason === 'locked') {
      return reply.code(423).header('retry-after', String(result.retryAfterSeconds)).send(LockedSchema.parse({ error: 'locked', retryAfterSeconds: result.retryAfterSeconds }));
    }
    if (!result.ok) {
      // Many wrong passwords from one address, whatever the accounts: it waits, as for wrong tokens.
      const waitMs = await deps.authThrottle.failed(request.ip);
      if (waitMs > 0) {
        const retryAfterSeconds = Math.ceil(waitMs / 1000);
        return reply.code(429).header('retry-after', String(retryAfterSeconds)).send(TooManyAttemptsSchema.parse({ error: 'too_many_attempts', retryAfterSeconds }));
      }
      return reply.code(401).send(WrongCredentialsSchema.parse({ error: 'wrong_credentials' }));
    }
    const profile = await staffProfile(db, result.staffId);
    if (!profile) return reply.code(401).send(WrongCredentialsSchema.parse({ error: 'wrong_credentials' }));
    const created = await createSession(db, result.staffId, now);
    reply.setCookie(SESSION_COOKIE, created.token, sessionCookieOptions(deps.secureCookie));
    return reply.send(SessionAnswerSchema.parse({ staff: profile, csrfToken: created.csrfToken, viewing: null }));
  });

  app.get('/session', async (request, reply) => {
    const live = await session(request, reply);
    if (!live) return reply;
    const profile = await staffProfile(db, live.staff.id);
    if (!profile) return refuseSignedOut(reply);
    return reply.send(SessionAnswerSchema.parse({ staff: profile, csrfToken: live.csrfToken, viewing: live.viewing }));
  });

  // The platform admin picks the organisation to look at; everyone else already has theirs.
  app.put('/session/viewing', async (request, reply) => {
    const live = await session(request, reply);
    if (!live) return reply;
    if (live.staff.role !== 'admin') return reply.code(403).send({ error: 'forbidden' });
    const input = await body(ViewingBodySchema, request, reply);
    if (!input) return reply;
    const changed = await viewOrganisation(db, live.token, input.organisationId);
    if (!changed) return reply.code(404).send({ error: 'not_found' });
    const profile = await staffProfile(db, live.staff.id);
    if (!profile) return refuseSignedOut(reply);
    return reply.send(SessionAnswerSchema.parse({ staff: profile, csrfToken: live.csrfToken, viewing: changed.viewing }));
  });

  app.delete('/session', async (request, reply) => {
    const live = await session(request, reply);
    if (!live) return reply;
    await endSession(db, live.token);
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send();
  });
}
