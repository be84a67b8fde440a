// Reminder times and quiet hours in Africa/Casablanca, across the Ramadan clock change. Pure.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS, outOfQuietHours } from '../../src/scheduling/quiet-hours.ts';
import { DEFAULT_REMINDER_RULES, reminderTimes } from '../../src/scheduling/reminder-times.ts';

const ZONE = 'Africa/Casablanca';
const iso = (d: Date) => d.toISOString();

describe('quiet hours', () => {
  it('moves 23:00 and 02:00 to 08:00, and leaves 08:00 and 20:59 alone', () => {
    // December: Morocco is UTC+1.
    expect(iso(outOfQuietHours(new Date('2026-12-13T22:00:00Z'), ZONE, DEFAULT_QUIET_HOURS))).toBe('2026-12-14T07:00:00.000Z');
    expect(iso(outOfQuietHours(new Date('2026-12-14T01:00:00Z'), ZONE, DEFAULT_QUIET_HOURS))).toBe('2026-12-14T07:00:00.000Z');
    expect(iso(outOfQuietHours(new Date('2026-12-14T07:00:00Z'), ZONE, DEFAULT_QUIET_HOURS))).toBe('2026-12-14T07:00:00.000Z');
    expect(iso(outOfQuietHours(new Date('2026-12-14T19:59:00Z'), ZONE, DEFAULT_QUIET_HOURS))).toBe('2026-12-14T19:59:00.000Z');
  });
});

describe('reminder times', () => {
  const now = new Date('2026-12-01T09:00:00Z');
  it('schedules two days before at 18:00 and the morning of the visit at 08:00 (07:30 is within quiet hours)', () => {
    const times = reminderTimes({ day: '2026-12-14', startsAt: '09:00:00' }, DEFAULT_REMINDER_RULES, now, ZONE, DEFAULT_QUIET_HOURS);
    expect(times.map((r) => [r.label, iso(r.dueAt)])).toEqual([
      ['two_days_before', '2026-12-12T17:00:00.000Z'],
      ['morning_of', '2026-12-14T07:00:00.000Z'],
    ]);
  });

  it('follows the Ramadan clock change: UTC+1 on 6 February 2027, UTC+0 from the 7th', () => {
    const times = reminderTimes({ day: '2027-02-08', startsAt: '09:00' }, DEFAULT_REMINDER_RULES, now, ZONE, DEFAULT_QUIET_HOURS);
    expect(times.map((r) => iso(r.dueAt))).toEqual(['2027-02-06T17:00:00.000Z', '2027-02-08T08:00:00.000Z']);
  });

  it('leaves out reminders already past, and any that would come after the visit has started', () => {
    const late = reminderTimes({ day: '2026-12-14', startsAt: '09:00' }, DEFAULT_REMINDER_RULES, new Date('2026-12-13T10:00:00Z'), ZONE, DEFAULT_QUIET_HOURS);
    expect(late.map((r) => r.label)).toEqual(['morning_of']);
    const early = reminderTimes({ day: '2026-12-14', startsAt: '07:45' }, DEFAULT_REMINDER_RULES, now, ZONE, DEFAULT_QUIET_HOURS);
    expect(early.map((r) => r.label)).toEqual(['two_days_before']);
  });
});
