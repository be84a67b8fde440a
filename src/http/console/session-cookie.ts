// The console's session cookie, read the same way by the console's routes and the admin API: who the
// cookie belongs to, and whether a change carries the session's CSRF token.
import { timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.ts';
import { SESSION_ABSOLUTE_MS } from '../../domain/staff/sign-in-rules.ts';
import { sessionFor, type LiveSession } from '../../domain/staff/staff-sessions.ts';

export const SESSION_COOKIE = 'qafila_session';

/** HttpOnly, SameSite=Strict, the whole site; Secure unless the service runs on plain http on this machine. */
export function sessionCookieOptions(secure: boolean): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure, maxAge: SESSION_ABSOLUTE_MS / 1000 };
}

/** The cookie's token, when the request has one (needs @fastify/cookie in the scope). */
export const sessionToken = (request: FastifyRequest): string | undefined => request.cookies[SESSION_COOKIE] || undefined;

/** The live session of the request's cookie at `now`, with its token. */
export async function requestSession(db: Db, request: FastifyRequest, now: Date): Promise<(LiveSession & { token: string }) | undefined> {
  const token = sessionToken(request);
  if (!token) return undefined;
  const session = await sessionFor(db, token, now);
  return session && { ...session, token };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads need nothing more than the cookie; a change must carry `x-csrf-token` equal to the session's. */
export function csrfAccepted(request: FastifyRequest, csrfToken: string): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const header = request.headers['x-csrf-token'];
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(csrfToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const refuseCsrf = (reply: FastifyReply) => reply.code(403).send({ error: 'csrf' });
export const refuseSignedOut = (reply: FastifyReply) => reply.code(401).send({ error: 'signed_out' });
