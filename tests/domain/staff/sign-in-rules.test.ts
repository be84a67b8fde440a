// The rules of signing in, without a database: logins, the lock, the lifetimes of sessions and links.
import { describe, expect, it } from 'vitest';
import { afterWrongPassword, LOCK_MS, lockedFor, parseLogin, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionExpiry, shouldTouchSession } from '../../../src/domain/staff/sign-in-rules.ts';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-12-01T09:00:00Z');

describe('a login', () => {
  it('is an email in lower case, whatever the case and spaces typed', () => {
    expect(parseLogin('  Khadija.Ouali@Amal-Tinghir.MA ')).toEqual({ email: 'khadija.ouali@amal-tinghir.ma' });
  });

  it('is a phone number in E.164 however it is typed, Arabic digits included', () => {
    expect(parseLogin('06 12 34 56 78')).toEqual({ phone: '+212612345678' });
    expect(parseLogin('+212 6 12 34 56 78')).toEqual({ phone: '+212612345678' });
    expect(parseLogin('٠٦١٢٣٤٥٦٧٨')).toEqual({ phone: '+212612345678' });
  });

  it('is nothing when it is neither', () => {
    expect(parseLogin('khadija')).toBeUndefined();
    expect(parseLogin('0612')).toBeUndefined();
  });
});

describe('the lock', () => {
  it('comes with the fifth wrong password in a row, for 15 minutes, and the count starts again', () => {
    let failed = 0;
    for (let i = 1; i <= 4; i++) {
      const next = afterWrongPassword(failed, NOW);
      expect(next).toEqual({ failedSignIns: i, lockedUntil: null });
      failed = next.failedSignIns;
    }
    expect(afterWrongPassword(failed, NOW)).toEqual({ failedSignIns: 0, lockedUntil: new Date(NOW.getTime() + LOCK_MS) });
    expect(LOCK_MS).toBe(15 * 60_000);
  });

  it('holds until its end, to the millisecond', () => {
    const until = new Date(NOW.getTime() + LOCK_MS);
    expect(lockedFor(until, NOW)).toBe(LOCK_MS);
    expect(lockedFor(until, new Date(until.getTime() - 1))).toBe(1);
    expect(lockedFor(until, until)).toBe(0);
    expect(lockedFor(null, NOW)).toBe(0);
  });
});

describe('a session', () => {
  it('ends 12 hours after the last request', () => {
    expect(SESSION_IDLE_MS).toBe(12 * 3_600_000);
    expect(sessionExpiry(NOW, NOW)).toEqual(at('2026-12-01T21:00:00Z'));
    expect(sessionExpiry(NOW, at('2026-12-02T08:00:00Z'))).toEqual(at('2026-12-02T20:00:00Z'));
  });

  it('never lives past 7 days after sign-in, however busy', () => {
    expect(SESSION_ABSOLUTE_MS).toBe(7 * 24 * 3_600_000);
    expect(sessionExpiry(NOW, at('2026-12-07T22:00:00Z'))).toEqual(at('2026-12-08T09:00:00Z'));
  });

  it('has its expiry moved at most once a minute', () => {
    expect(shouldTouchSession(NOW, new Date(NOW.getTime() + 59_999))).toBe(false);
    expect(shouldTouchSession(NOW, new Date(NOW.getTime() + 60_000))).toBe(true);
  });
});
