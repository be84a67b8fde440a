// Whether a person may give blood today, why not, and from which day: a pure function of the rules.
import { z } from 'zod';
import { DateTime } from 'luxon';
import type { DonorRules } from './donor-rules.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** What a donor answers in the chat; what they leave out counts as "no". */
export const DonorAnswersSchema = z.object({
  sex: z.enum(['male', 'female']),
  birthYear: z.number().int().min(1900),
  weightKg: z.number().positive(),
  lastDonationOn: isoDay.optional(),
  donationsInLast12Months: z.number().int().min(0).optional(),
  /** Dated events that defer a donation: { code: 'tattoo', on: '2026-10-01' }; breastfeeding counts from its end. */
  events: z.array(z.object({ code: z.string(), on: isoDay })).default([]),
  pregnant: z.boolean().default(false),
  breastfeeding: z.boolean().default(false),
});
export type DonorAnswers = z.input<typeof DonorAnswersSchema>;

export type ReasonCode = 'too_young' | 'too_old' | 'underweight' | 'interval' | 'yearly_limit' | 'pregnant' | 'breastfeeding' | `deferral:${string}`;

export interface Reason {
  code: ReasonCode;
  /** For the message: the day it ends, the months or kilos involved. */
  params: Record<string, string | number>;
  /** The day from which this reason no longer applies; null when waiting does not help or is unknown. */
  until: string | null;
  sourceText: string;
}

export type Eligibility = { eligible: true } | { eligible: false; reasons: Reason[]; eligibleFrom: string | null };

const plusMonths = (day: string, months: number) => DateTime.fromISO(day, { zone: 'utc' }).plus({ months }).toISODate() ?? day;

/**
 * Age is taken from the birth year alone (the chat asks only that): a person counts as 18 from
 * 1 January of the year they turn 18; staff check the ID card at the venue.
 *
 * @example
 * evaluateDonorEligibility(DEFAULT_DONOR_RULES, { sex: 'female', birthYear: 1990, weightKg: 60, lastDonationOn: '2026-10-01' }, '2026-11-22')
 * // { eligible: false, eligibleFrom: '2027-01-01', reasons: [{ code: 'interval', ... }] }
 */
export function evaluateDonorEligibility(rules: DonorRules, input: DonorAnswers, today: string): Eligibility {
  const a = DonorAnswersSchema.parse(input);
  const reasons: Reason[] = [];
  const age = Number(today.slice(0, 4)) - a.birthYear;
  if (age < rules.age.min) {
    reasons.push({ code: 'too_young', params: { minAge: rules.age.min }, until: `${a.birthYear + rules.age.min}-01-01`, sourceText: rules.age.sourceText });
  }
  if (age > rules.age.max) reasons.push({ code: 'too_old', params: { maxAge: rules.age.max }, until: null, sourceText: rules.age.sourceText });
  if (a.weightKg < rules.weight.minKg) {
    reasons.push({ code: 'underweight', params: { minKg: rules.weight.minKg }, until: null, sourceText: rules.weight.sourceText });
  }
  if (a.lastDonationOn) {
    const months = rules.interval.monthsBySex[a.sex];
    const until = plusMonths(a.lastDonationOn, months);
    if (until > today) reasons.push({ code: 'interval', params: { months, until }, until, sourceText: rules.interval.sourceText });
  }
  const limit = rules.yearlyLimit.bySex[a.sex];
  if ((a.donationsInLast12Months ?? 0) >= limit) {
    reasons.push({ code: 'yearly_limit', params: { limit }, until: null, sourceText: rules.yearlyLimit.sourceText });
  }
  if (a.pregnant) reasons.push({ code: 'pregnant', params: {}, until: null, sourceText: rules.pregnancy.sourceText });
  const breastfeeding = rules.deferrals.find((d) => d.code === 'breastfeeding');
  if (a.breastfeeding && breastfeeding) {
    reasons.push({ code: 'breastfeeding', params: { months: breastfeeding.months }, until: null, sourceText: breastfeeding.sourceText });
  }
  for (const event of a.events) {
    const rule = rules.deferrals.find((d) => d.code === event.code);
    if (!rule) continue;
    const until = plusMonths(event.on, rule.months);
    if (until > today) reasons.push({ code: `deferral:${rule.code}`, params: { months: rule.months, until }, until, sourceText: rule.sourceText });
  }
  if (reasons.length === 0) return { eligible: true };
  const dated = reasons.map((r) => r.until);
  const eligibleFrom = dated.includes(null) ? null : dated.filter((d): d is string => d !== null).sort().at(-1) ?? null;
  return { eligible: false, reasons, eligibleFrom };
}
