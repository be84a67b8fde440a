// The day a donor may give again, recorded with each donation: the interval, then the yearly limit. Pure.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DONOR_RULES, DonorRulesSchema } from '../../../src/domain/donors/donor-rules.ts';
import { nextEligibleDay } from '../../../src/domain/donors/next-eligible.ts';

describe('the day a donor may give again', () => {
  it('is 2 months after the last donation for a man, 3 for a woman', () => {
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, 'male', ['2026-12-10'])).toBe('2027-02-10');
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, 'female', ['2026-12-10'])).toBe('2027-03-10');
  });

  it('counts from the latest donation, in whatever order the days come', () => {
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, 'male', ['2026-06-01', '2026-10-01', '2026-02-01'])).toBe('2026-12-01');
  });

  it('waits until a woman who gave 3 times in a year has the first of them a year behind her', () => {
    // On 2027-01-05 the donation of 2026-01-05 is exactly a year old: out of the window, two remain.
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, 'female', ['2026-01-05', '2026-05-05', '2026-09-05'])).toBe('2027-01-05');
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, 'female', ['2026-09-05', '2026-01-05', '2026-05-05'])).toBe('2027-01-05');
  });

  it('lets a woman with 2 donations in the year come back after the interval alone', () => {
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, 'female', ['2026-05-05', '2026-09-05'])).toBe('2026-12-05');
  });

  it('waits until a man who gave 4 times in a year has the first of them a year behind him', () => {
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, 'male', ['2026-01-01', '2026-03-01', '2026-05-01', '2026-07-01'])).toBe('2027-01-01');
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, 'male', ['2026-03-01', '2026-05-01', '2026-07-01'])).toBe('2026-09-01');
  });

  it('moves on donation by donation when the year is still full after the first one leaves it', () => {
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, 'female', ['2026-01-05', '2026-01-20', '2026-05-05', '2026-09-05'])).toBe('2027-01-20');
  });

  it('applies the stricter rule when the sex is not recorded: the longer interval and the lower yearly limit', () => {
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, null, ['2026-12-10'])).toBe('2027-03-10');
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, null, ['2026-01-10', '2026-04-10', '2026-07-10'])).toBe('2027-01-10');
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, 'male', ['2026-01-10', '2026-04-10', '2026-07-10'])).toBe('2026-09-10');
  });

  it("takes the stricter of an organisation's own figures when they are the other way round", () => {
    const own = DonorRulesSchema.parse({
      ...DEFAULT_DONOR_RULES,
      interval: { ...DEFAULT_DONOR_RULES.interval, monthsBySex: { male: 4, female: 1 } },
      yearlyLimit: { ...DEFAULT_DONOR_RULES.yearlyLimit, bySex: { male: 1, female: 5 } },
    });
    expect(nextEligibleDay(own, null, ['2026-12-10'])).toBe('2027-12-10');
    expect(nextEligibleDay(own, 'female', ['2026-12-10'])).toBe('2027-01-10');
  });

  it('ends a month on the last day of a shorter month', () => {
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, 'male', ['2026-12-31'])).toBe('2027-02-28');
  });

  it('needs at least one donation', () => {
    expect(() => nextEligibleDay(DEFAULT_DONOR_RULES, 'male', [])).toThrow('nextEligibleDay needs at least one donation');
  });
});
