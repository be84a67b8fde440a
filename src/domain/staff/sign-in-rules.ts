// The rules of signing in, without I/O: what a login names, when an account locks, how long a session
// lives. Times come from the caller's clock.
import { normalizePhone } from '../contacts/phone.ts';

/** Five wrong passwords in a row lock the account for 15 minutes. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MS = 15 * 60_000;
/** A session ends after 12 hours without a request, and 7 days after sign-in whatever happens. */
export const SESSION_IDLE_MS = 12 * 3_600_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3_600_000;
/** A session's expiry is moved forward at most once a minute, not on every request. */
export const SESSION_TOUCH_MS = 60_000;
/** A set-password link works once, within 72 hours. */
export const PASSWORD_LINK_MS = 72 * 3_600_000;

export type Login = { email: string } | { phone: string };

/**
 * What a person typed in the login field: an email (any case) or a phone number as people type them.
 * @example parseLogin(' Khadija@Amal.ma ') // { email: 'khadija@amal.ma' }
 * @example parseLogin('06 12 34 56 78')   // { phone: '+212612345678' }
 */
export function parseLogin(input: string): Login | undefined {
  const text = input.trim();
  if (text.includes('@')) return { email: normalizeEmail(text) };
  const phone = normalizePhone(text);
  return phone.ok ? { phone: phone.e164 } : undefined;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Milliseconds the account stays locked at `now`, or 0. */
export function lockedFor(lockedUntil: Date | null, now: Date): number {
  return lockedUntil && lockedUntil > now ? lockedUntil.getTime() - now.getTime() : 0;
}

/** The account after one more wrong password: the fifth in a row locks it, and the count starts again. */
export function afterWrongPassword(failedSignIns: number, now: Date): { failedSignIns: number; lockedUntil: Date | null } {
  const failed = failedSignIns + 1;
  return failed >= MAX_FAILED_SIGN_INS ? { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCK_MS) } : { failedSignIns: failed, lockedUntil: null };
}

/** When a session seen at `now` ends: 12 hours on, but never past 7 days after it began. */
export function sessionExpiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS));
}

/** Whether a request at `now` should move the session's expiry (at most once a minute). */
export const shouldTouchSession = (lastSeenAt: Date, now: Date) => now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_MS;
