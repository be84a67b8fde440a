// A signed-in admin in a browser: a short-lived cookie instead of the token in a URL, which would
// reach logs and the browser's history. Stateless: the expiry, signed with a key drawn from the token,
// so changing ADMIN_TOKEN signs everyone out. Pure.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const ADMIN_COOKIE = 'qafila_admin';
export const ADMIN_SESSION_MS = 15 * 60 * 1000;

const signature = (adminToken: string, expiresAt: number) =>
  createHmac('sha256', `qafila admin session|${adminToken}`).update(String(expiresAt)).digest('base64url');

/** @example adminSessionValue(token, new Date()) // '1765443600000.9Zq…' */
export function adminSessionValue(adminToken: string, now: Date): string {
  const expiresAt = now.getTime() + ADMIN_SESSION_MS;
  return `${expiresAt}.${signature(adminToken, expiresAt)}`;
}

/** Whether a cookie value was signed with this token and has not expired at `now`. */
export function isValidAdminSession(value: string | undefined, adminToken: string, now: Date): boolean {
  const match = /^(\d{13})\.([\w-]{43})$/.exec(value ?? '');
  if (!match?.[1] || !match[2]) return false;
  const expiresAt = Number(match[1]);
  const given = Buffer.from(match[2]);
  const expected = Buffer.from(signature(adminToken, expiresAt));
  return given.length === expected.length && timingSafeEqual(given, expected) && now.getTime() < expiresAt;
}
