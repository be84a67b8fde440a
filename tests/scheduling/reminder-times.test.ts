// Reminder times and quiet hours in Africa/Casablanca, across the Ramadan clock change. Pure.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS, outOfQuietHours } from '../../src/scheduling/quiet-hours.ts';
import { DEFAULT_REMINDER_RULES, ReminderRuleSchema, ReminderRulesSchema, reminderRulesOf, reminderTimes } from '../../src/scheduling/reminder-times.ts';

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
    const afterStart = reminderTimes({ day: '2026-12-14', startsAt: '07:00' }, DEFAULT_REMINDER_RULES, now, ZONE, DEFAULT_QUIET_HOURS);
    expect(afterStart.map((r) => r.label)).toEqual(['two_days_before']);
  });
});

describe('reminder times at the edges', () => {
  const visit = { day: '2026-12-14', startsAt: '09:00' };
  const dayBefore = [{ label: 'day_before', daysBefore: 1, at: '18:00' }];

  it('leaves out a reminder due at this very instant: it is no longer ahead', () => {
    expect(reminderTimes(visit, dayBefore, new Date('2026-12-13T17:00:00Z'), ZONE, DEFAULT_QUIET_HOURS)).toEqual([]);
    expect(reminderTimes(visit, dayBefore, new Date('2026-12-13T16:59:59.999Z'), ZONE, DEFAULT_QUIET_HOURS)).toEqual([
      { label: 'day_before', dueAt: new Date('2026-12-13T17:00:00Z') },
    ]);
  });

  it('leaves out a reminder due at the very minute the visit starts', () => {
    const atStart = reminderTimes({ day: '2026-12-14', startsAt: '07:30' }, DEFAULT_REMINDER_RULES, new Date('2026-12-01T09:00:00Z'), ZONE, DEFAULT_QUIET_HOURS);
    expect(atStart.map((r) => r.label)).toEqual(['two_days_before']);
  });

  it('reads the start to the minute: seconds in the stored time do not let a reminder slip in at 09:00', () => {
    const rules = [{ label: 'at_nine', daysBefore: 0, at: '09:00' }];
    expect(reminderTimes({ day: '2026-12-14', startsAt: '09:00:30' }, rules, new Date('2026-12-01T09:00:00Z'), ZONE, DEFAULT_QUIET_HOURS)).toEqual([]);
  });

  it('counts the minutes of a rule: 18:45 two days before is 17:45Z in December', () => {
    const times = reminderTimes(visit, [{ label: 'evening', daysBefore: 2, at: '18:45' }], new Date('2026-12-01T09:00:00Z'), ZONE, DEFAULT_QUIET_HOURS);
    expect(times).toEqual([{ label: 'evening', dueAt: new Date('2026-12-12T17:45:00Z') }]);
  });
});

describe('reminder rules', () => {
  it('default to 18:00 two days before and 07:30 the morning of the visit, as seen without quiet hours', () => {
    const noQuiet = { from: '00:00', until: '00:00' };
    const times = reminderTimes({ day: '2026-12-14', startsAt: '09:00' }, DEFAULT_REMINDER_RULES, new Date('2026-12-01T09:00:00Z'), ZONE, noQuiet);
    expect(times).toEqual([
      { label: 'two_days_before', dueAt: new Date('2026-12-12T17:00:00Z') },
      { label: 'morning_of', dueAt: new Date('2026-12-14T06:30:00Z') },
    ]);
  });

  it('count days before from 0 (the day itself) to 30', () => {
    const days = (daysBefore: number) => ReminderRuleSchema.safeParse({ label: 'r', daysBefore, at: '18:00' }).success;
    expect([days(0), days(30), days(-1), days(31), days(1.5)]).toEqual([true, true, false, false, false]);
  });

  const rule = (over: Record<string, unknown>) => ReminderRuleSchema.safeParse({ label: 'two_days_before', daysBefore: 2, at: '18:00', ...over }).success;

  it('take labels of lowercase letters, digits and underscores only', () => {
    expect([rule({ label: 'two_days_before' }), rule({ label: 'j2' }), rule({ label: 'x' })]).toEqual([true, true, true]);
    expect([rule({ label: 'Two_days' }), rule({ label: 'two_Days' }), rule({ label: 'two-days' }), rule({ label: 'two days' }), rule({ label: '' })]).toEqual([
      false, false, false, false, false,
    ]);
  });

  it('take times as HH:MM from 00:00 to 23:59', () => {
    expect(['00:00', '09:05', '19:59', '20:00', '23:59'].map((at) => rule({ at }))).toEqual([true, true, true, true, true]);
    expect(['24:00', '29:00', '7:30', '07:5', '07:60', '0730', ' 07:30', '07:30 ', 'a7:30', '07:3a'].map((at) => rule({ at }))).toEqual(
      Array.from({ length: 10 }, () => false),
    );
  });

  it('allow at most 5 reminders per appointment, each with its own label', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `r${i}`, daysBefore: i, at: '18:00' }));
    expect(ReminderRulesSchema.safeParse(many(5)).success).toBe(true);
    expect(ReminderRulesSchema.safeParse(many(6)).error?.issues.map((i) => i.message)).toEqual(['at most 5 reminders per appointment']);
    const twice = [...many(1), { label: 'r0', daysBefore: 3, at: '09:00' }];
    expect(ReminderRulesSchema.safeParse(twice).error?.issues.map((i) => i.message)).toEqual(['each reminder needs its own label']);
  });

  it("read a campaign's stored rules, and fall back to the defaults when none or broken ones are stored", () => {
    const own = [{ label: 'day_before', daysBefore: 1, at: '19:00' }];
    expect(reminderRulesOf(own)).toEqual(own);
    expect(reminderRulesOf(null)).toBeUndefined();
    expect(reminderRulesOf(undefined)).toBeUndefined();
    expect(reminderRulesOf([{ label: 'day_before', daysBefore: 1, at: '7pm' }])).toBeUndefined();
  });
});

describe('a visit that starts when the quiet hours end', () => {
  const now = new Date('2026-12-01T09:00:00Z');

  it('gets its morning reminder the evening before at 20:00, since 07:30 held until 08:00 would come with the visit', () => {
    const times = reminderTimes({ day: '2026-12-14', startsAt: '08:00' }, DEFAULT_REMINDER_RULES, now, ZONE, DEFAULT_QUIET_HOURS);
    expect(times.map((r) => [r.label, iso(r.dueAt)])).toEqual([
      ['two_days_before', '2026-12-12T17:00:00.000Z'],
      ['morning_of', '2026-12-13T19:00:00.000Z'],
    ]);
  });

  it('and so does a visit at 07:45, and one at 06:00 for a reminder asked at 05:30', () => {
    const early = reminderTimes({ day: '2026-12-14', startsAt: '07:45' }, DEFAULT_REMINDER_RULES, now, ZONE, DEFAULT_QUIET_HOURS);
    expect(early.map((r) => [r.label, iso(r.dueAt)])).toEqual([
      ['two_days_before', '2026-12-12T17:00:00.000Z'],
      ['morning_of', '2026-12-13T19:00:00.000Z'],
    ]);
    const dawn = reminderTimes({ day: '2026-12-14', startsAt: '06:00' }, [{ label: 'dawn', daysBefore: 0, at: '05:30' }], now, ZONE, DEFAULT_QUIET_HOURS);
    expect(dawn).toEqual([{ label: 'dawn', dueAt: new Date('2026-12-13T19:00:00Z') }]);
  });

  it('is reminded at 20:00 the same evening when its rule asks for 22:00 the day before', () => {
    const times = reminderTimes({ day: '2026-12-14', startsAt: '08:00' }, [{ label: 'late', daysBefore: 1, at: '22:00' }], now, ZONE, DEFAULT_QUIET_HOURS);
    expect(times).toEqual([{ label: 'late', dueAt: new Date('2026-12-13T19:00:00Z') }]);
  });

  it('keeps 08:00 for a visit at 08:15: the reminder still comes before it', () => {
    const times = reminderTimes({ day: '2026-12-14', startsAt: '08:15' }, DEFAULT_REMINDER_RULES, now, ZONE, DEFAULT_QUIET_HOURS);
    expect(times.map((r) => iso(r.dueAt))).toEqual(['2026-12-12T17:00:00.000Z', '2026-12-14T07:00:00.000Z']);
  });

  it('gets no morning reminder when booked after 20:00 the evening before', () => {
    const times = reminderTimes({ day: '2026-12-14', startsAt: '08:00' }, DEFAULT_REMINDER_RULES, new Date('2026-12-13T19:00:00Z'), ZONE, DEFAULT_QUIET_HOURS);
    expect(times).toEqual([]);
    const before = reminderTimes({ day: '2026-12-14', startsAt: '08:00' }, DEFAULT_REMINDER_RULES, new Date('2026-12-13T18:59:59Z'), ZONE, DEFAULT_QUIET_HOURS);
    expect(before.map((r) => r.label)).toEqual(['morning_of']);
  });

  it('is reminded at 20:00 local across the Ramadan clock change: 20:00Z on 7 February 2027, in UTC+0', () => {
    const times = reminderTimes({ day: '2027-02-08', startsAt: '08:00' }, DEFAULT_REMINDER_RULES, now, ZONE, DEFAULT_QUIET_HOURS);
    expect(times.map((r) => iso(r.dueAt))).toEqual(['2027-02-06T17:00:00.000Z', '2027-02-07T20:00:00.000Z']);
  });
});
