// Reminder times for any visit and any rules: every rule asked for before the visit gives one reminder,
// none in the quiet hours, none once the visit has started. Pure.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DEFAULT_QUIET_HOURS, MIN_OPEN_MINUTES, openMinutes, outOfQuietHours, type QuietHours } from '../../src/scheduling/quiet-hours.ts';
import { reminderTimes, type ReminderRule } from '../../src/scheduling/reminder-times.ts';

const ZONE = 'Africa/Casablanca';
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
/** Any day of three years, Ramadan's clock changes included. */
const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => DateTime.fromISO('2026-01-01', { zone: ZONE }).plus({ days: n }).toISODate() ?? '');
const rules = fc.uniqueArray(fc.record({ daysBefore: fc.integer({ min: 0, max: 30 }), at: hhmm }), { minLength: 1, maxLength: 5, selector: (r) => `${r.daysBefore} ${r.at}` })
  .map((rs): ReminderRule[] => rs.map((r, i) => ({ label: `r${i}`, ...r })));
/** Any quiet hours the settings accept: they leave at least two hours a day to send in. */
const quiet: fc.Arbitrary<QuietHours> = fc.oneof(fc.constant(DEFAULT_QUIET_HOURS), fc.record({ from: hhmm, until: hhmm }).filter((q) => openMinutes(q) >= MIN_OPEN_MINUTES));

/** When the rule asks for its reminder, before any quiet hours. */
const asked = (visitDay: string, rule: ReminderRule) => {
  const [h, m] = rule.at.split(':').map(Number);
  return DateTime.fromISO(visitDay, { zone: ZONE }).minus({ days: rule.daysBefore }).set({ hour: h ?? 0, minute: m ?? 0 }).toMillis();
};

describe('reminder times for any visit and rules', () => {
  it('give one reminder per rule asked before the visit, none in the quiet hours, none once it started, none more than a day from when asked', () => {
    fc.assert(
      fc.property(day, hhmm, rules, quiet, (visitDay, startsAt, visitRules, q) => {
        const start = DateTime.fromISO(`${visitDay}T${startsAt}`, { zone: ZONE }).toMillis();
        // Booked well ahead: every reminder is still to come.
        const now = new Date(start - 40 * 86_400_000);
        const due = reminderTimes({ day: visitDay, startsAt }, visitRules, now, ZONE, q);
        const expected = visitRules.filter((r) => asked(visitDay, r) < start);
        expect(due.map((r) => r.label)).toEqual(expected.map((r) => r.label));
        for (const [i, r] of due.entries()) {
          expect(outOfQuietHours(r.dueAt, ZONE, q)).toEqual(r.dueAt);
          expect(r.dueAt.getTime()).toBeLessThan(start);
          expect(r.dueAt.getTime()).toBeGreaterThan(now.getTime());
          const rule = expected[i];
          if (rule) expect(Math.abs(r.dueAt.getTime() - asked(visitDay, rule))).toBeLessThan(25 * 3_600_000);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
