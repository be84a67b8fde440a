// The day a donor may give blood again, from the organisation's rules: the interval after the last
// donation, and the yearly limit over the twelve months before the new one. Pure.
import { DateTime } from 'luxon';
import type { Sex } from '../../db/tables.ts';
import type { DonorRules } from './donor-rules.ts';

const plusMonths = (day: string, months: number) => DateTime.fromISO(day, { zone: 'utc' }).plus({ months }).toISODate() ?? day;

/**
 * `donations` are the days this person gave (the new one included). When the sex is not recorded,
 * the stricter of the two rules applies: staff can correct it, a donor sent too early cannot.
 *
 * @example
 * nextEligibleDay(DEFAULT_DONOR_RULES, 'male', ['2026-12-10']) // '2027-02-10'
 * nextEligibleDay(DEFAULT_DONOR_RULES, 'female', ['2026-01-05', '2026-05-05', '2026-09-05']) // '2027-01-05' (3 a year)
 */
export function nextEligibleDay(rules: DonorRules, sex: Sex | null, donations: readonly string[]): string {
  const days = [...donations].sort();
  const last = days.at(-1);
  if (last === undefined) throw new Error('nextEligibleDay needs at least one donation');
  const months = sex ? rules.interval.monthsBySex[sex] : Math.max(rules.interval.monthsBySex.male, rules.interval.monthsBySex.female);
  const limit = sex ? rules.yearlyLimit.bySex[sex] : Math.min(rules.yearlyLimit.bySex.male, rules.yearlyLimit.bySex.female);
  let candidate = plusMonths(last, months);
  // A donation on `candidate` must leave fewer than `limit` in the twelve months before it.
  for (;;) {
    const yearBefore = plusMonths(candidate, -12);
    const inYear = days.filter((d) => d > yearBefore && d <= candidate);
    if (inYear.length < limit) return candidate;
    candidate = plusMonths(inYear[0] ?? candidate, 12);
  }
}
