// Invariant 5: nothing unasked reaches a villager in quiet hours; what would is held until they end. Pure.
import { describe, expect, it } from 'vitest';
import { beforeQuietHours, DEFAULT_QUIET_HOURS, outOfQuietHours, type QuietHours } from '../../src/scheduling/quiet-hours.ts';

const ZONE = 'Africa/Casablanca';
/** December: Morocco is UTC+1, so 21:00 local is 20:00Z. */
const at = (utc: string, quiet?: QuietHours) => outOfQuietHours(new Date(utc), ZONE, quiet).toISOString();

describe('the default quiet hours', () => {
  it('run from 21:00 to 08:00, and apply when no quiet hours are given', () => {
    expect(at('2026-12-13T20:00:00Z')).toBe('2026-12-14T07:00:00.000Z');
    expect(at('2026-12-13T19:59:00Z')).toBe('2026-12-13T19:59:00.000Z');
  });
});

describe('an overnight window (21:00 to 08:00)', () => {
  it('holds back 21:00 itself, to 08:00 the next morning', () => {
    expect(at('2026-12-13T20:00:00Z', DEFAULT_QUIET_HOURS)).toBe('2026-12-14T07:00:00.000Z');
  });

  it('holds back 07:59, to 08:00 the same morning', () => {
    expect(at('2026-12-14T06:59:00Z', DEFAULT_QUIET_HOURS)).toBe('2026-12-14T07:00:00.000Z');
  });

  it('holds back 23:59:30, to 08:00:00.000 exactly', () => {
    expect(at('2026-12-13T22:59:30.250Z', DEFAULT_QUIET_HOURS)).toBe('2026-12-14T07:00:00.000Z');
  });

  it('lets 08:00 and 20:59:59 through unchanged, to the millisecond', () => {
    expect(at('2026-12-14T07:00:00Z', DEFAULT_QUIET_HOURS)).toBe('2026-12-14T07:00:00.000Z');
    expect(at('2026-12-14T19:59:59.999Z', DEFAULT_QUIET_HOURS)).toBe('2026-12-14T19:59:59.999Z');
  });

  it('counts minutes, not only hours: 21:30 to 07:45', () => {
    const q = { from: '21:30', until: '07:45' };
    expect(at('2026-12-13T20:29:00Z', q)).toBe('2026-12-13T20:29:00.000Z');
    expect(at('2026-12-13T20:30:00Z', q)).toBe('2026-12-14T06:45:00.000Z');
    expect(at('2026-12-14T06:44:00Z', q)).toBe('2026-12-14T06:45:00.000Z');
    expect(at('2026-12-14T06:45:00Z', q)).toBe('2026-12-14T06:45:00.000Z');
  });
});

describe('a window within one day (13:00 to 15:00)', () => {
  const siesta = { from: '13:00', until: '15:00' };

  it('lets the morning and the evening through', () => {
    expect(at('2026-12-14T11:59:00Z', siesta)).toBe('2026-12-14T11:59:00.000Z');
    expect(at('2026-12-14T14:00:00Z', siesta)).toBe('2026-12-14T14:00:00.000Z');
    expect(at('2026-12-14T22:00:00Z', siesta)).toBe('2026-12-14T22:00:00.000Z');
  });

  it('holds back 13:00 and 14:59 to 15:00 the same day', () => {
    expect(at('2026-12-14T12:00:00Z', siesta)).toBe('2026-12-14T14:00:00.000Z');
    expect(at('2026-12-14T13:59:00Z', siesta)).toBe('2026-12-14T14:00:00.000Z');
  });
});

describe('a window that starts and ends at the same minute', () => {
  it('is empty: it holds nothing back', () => {
    const none = { from: '08:00', until: '08:00' };
    expect(at('2026-12-14T07:00:00Z', none)).toBe('2026-12-14T07:00:00.000Z');
    expect(at('2026-12-14T01:00:00Z', none)).toBe('2026-12-14T01:00:00.000Z');
  });
});

describe('the Ramadan clock change', () => {
  it('ends the night at 08:00 local on either side of it: 07:00Z on 6 February 2027, 08:00Z on the 8th', () => {
    expect(at('2027-02-05T23:00:00Z', DEFAULT_QUIET_HOURS)).toBe('2027-02-06T07:00:00.000Z');
    expect(at('2027-02-08T02:00:00Z', DEFAULT_QUIET_HOURS)).toBe('2027-02-08T08:00:00.000Z');
  });
});

describe('the evening before the quiet hours', () => {
  const before = (utc: string, quiet?: QuietHours) => beforeQuietHours(new Date(utc), ZONE, quiet).toISOString();

  it('is 20:00, an hour before 21:00, for any moment of the night, before or after midnight', () => {
    expect(before('2026-12-14T06:30:00Z')).toBe('2026-12-13T19:00:00.000Z');
    expect(before('2026-12-13T20:00:00Z', DEFAULT_QUIET_HOURS)).toBe('2026-12-13T19:00:00.000Z');
    expect(before('2026-12-13T23:59:00Z', DEFAULT_QUIET_HOURS)).toBe('2026-12-13T19:00:00.000Z');
    expect(before('2026-12-14T06:59:59.999Z', DEFAULT_QUIET_HOURS)).toBe('2026-12-13T19:00:00.000Z');
  });

  it('leaves a moment outside the quiet hours unchanged, to the millisecond', () => {
    expect(before('2026-12-14T07:00:00Z', DEFAULT_QUIET_HOURS)).toBe('2026-12-14T07:00:00.000Z');
    expect(before('2026-12-14T19:59:59.999Z', DEFAULT_QUIET_HOURS)).toBe('2026-12-14T19:59:59.999Z');
    expect(before('2026-12-14T01:00:00Z', { from: '08:00', until: '08:00' })).toBe('2026-12-14T01:00:00.000Z');
  });

  it('is an hour before a window within one day begins: 12:00 for 13:00 to 15:00', () => {
    expect(before('2026-12-14T13:30:00Z', { from: '13:00', until: '15:00' })).toBe('2026-12-14T11:00:00.000Z');
  });

  it('is the end of the quiet hours before, when less than an hour lies between: 08:00 for 08:30 to 08:00', () => {
    expect(before('2026-12-14T20:00:00Z', { from: '08:30', until: '08:00' })).toBe('2026-12-14T07:00:00.000Z');
    expect(before('2026-12-15T06:00:00Z', { from: '08:30', until: '08:00' })).toBe('2026-12-14T07:00:00.000Z');
  });

  it('counts the hour in local time across the Ramadan clock change: 20:00Z on 7 February 2027', () => {
    expect(before('2027-02-08T07:30:00Z', DEFAULT_QUIET_HOURS)).toBe('2027-02-07T20:00:00.000Z');
  });
});

describe('when the clocks go forward inside the only open minute', () => {
  // Morocco leaves UTC+0 at 02:00 on 22 March 2026: that night has no 02:00, the end of these quiet hours.
  const nearlyAlwaysQuiet = { from: '02:01', until: '02:00' };
  it('sends at the end of the quiet hours of the next day', () => {
    expect(outOfQuietHours(new Date('2026-03-21T23:30:00Z'), ZONE, nearlyAlwaysQuiet).toISOString()).toBe('2026-03-23T01:00:00.000Z');
  });
  it('sends at the end of the quiet hours of the day before, when it must come earlier', () => {
    expect(beforeQuietHours(new Date('2026-03-22T23:00:00Z'), ZONE, nearlyAlwaysQuiet).toISOString()).toBe('2026-03-21T02:00:00.000Z');
  });
});
