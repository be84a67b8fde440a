// Eligibility to give blood: each rule refuses with its reason, its source and the day it ends.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DONOR_RULES, DonorAnswersSchema, DonorRulesSchema, evaluateDonorEligibility, type DonorAnswers } from '../../../src/domain/donors/index.ts';

const TODAY = '2026-11-22';
const healthy: DonorAnswers = { sex: 'male', birthYear: 1990, weightKg: 72 };
const check = (answers: Partial<DonorAnswers>, rules = DEFAULT_DONOR_RULES) => evaluateDonorEligibility(rules, { ...healthy, ...answers }, TODAY);

describe('donor eligibility', () => {
  it('accepts a healthy adult who never gave blood', () => {
    expect(check({})).toEqual({ eligible: true });
  });

  it('waits 2 months after a donation for men and 3 for women; the day it ends is eligible', () => {
    const man = check({ lastDonationOn: '2026-10-01' });
    expect(man).toMatchObject({ eligible: false, eligibleFrom: '2026-12-01', reasons: [{ code: 'interval', params: { months: 2, until: '2026-12-01' } }] });
    expect(check({ sex: 'female', lastDonationOn: '2026-10-01' })).toMatchObject({ eligibleFrom: '2027-01-01' });
    expect(check({ lastDonationOn: '2026-09-22' })).toEqual({ eligible: true });
  });

  it('refuses the too young until the year they turn 18, and the too old and underweight for good', () => {
    expect(check({ birthYear: 2010 })).toMatchObject({ eligible: false, eligibleFrom: '2028-01-01', reasons: [{ code: 'too_young' }] });
    expect(check({ birthYear: 1950 })).toMatchObject({ eligible: false, eligibleFrom: null, reasons: [{ code: 'too_old' }] });
    expect(check({ weightKg: 45 })).toMatchObject({ eligible: false, eligibleFrom: null, reasons: [{ code: 'underweight', params: { minKg: 50 } }] });
  });

  it('defers 4 months after a tattoo, hijama, surgery or dental care, quoting the rule', () => {
    for (const code of ['tattoo', 'hijama', 'surgery', 'dental_care']) {
      const r = check({ events: [{ code, on: '2026-10-15' }] });
      expect(r).toMatchObject({ eligible: false, eligibleFrom: '2027-02-15', reasons: [{ code: `deferral:${code}`, params: { months: 4 } }] });
      if (!r.eligible) expect(r.reasons[0]?.sourceText).toMatch(/4 mois/);
    }
    expect(check({ events: [{ code: 'hijama', on: '2026-07-01' }] })).toEqual({ eligible: true });
  });

  it('gives the latest day when several reasons apply, and no day when one of them has none', () => {
    const r = check({ lastDonationOn: '2026-11-01', events: [{ code: 'surgery', on: '2026-09-01' }, { code: 'tattoo', on: '2026-11-10' }] });
    expect(r).toMatchObject({ eligible: false, eligibleFrom: '2027-03-10' });
    if (!r.eligible) expect(r.reasons.map((x) => x.code)).toEqual(['interval', 'deferral:surgery', 'deferral:tattoo']);
    expect(check({ sex: 'female', pregnant: true, events: [{ code: 'tattoo', on: '2026-11-10' }] })).toMatchObject({ eligibleFrom: null });
  });

  it('defers 6 months after breastfeeding ends, and while it goes on', () => {
    expect(check({ sex: 'female', events: [{ code: 'breastfeeding', on: '2026-08-01' }] })).toMatchObject({ eligibleFrom: '2027-02-01' });
    expect(check({ sex: 'female', breastfeeding: true })).toMatchObject({ eligible: false, eligibleFrom: null, reasons: [{ code: 'breastfeeding' }] });
  });

  it('stops at the yearly limit: 4 donations for men, 3 for women', () => {
    expect(check({ donationsInLast12Months: 3 })).toEqual({ eligible: true });
    expect(check({ donationsInLast12Months: 4 })).toMatchObject({ eligible: false, reasons: [{ code: 'yearly_limit', params: { limit: 4 } }] });
    expect(check({ sex: 'female', donationsInLast12Months: 3 })).toMatchObject({ eligible: false });
  });

  it('follows an organisation that sets its own rules', () => {
    const strict = DonorRulesSchema.parse({ ...DEFAULT_DONOR_RULES, interval: { ...DEFAULT_DONOR_RULES.interval, monthsBySex: { male: 3, female: 4 } } });
    expect(check({ lastDonationOn: '2026-09-22' }, strict)).toMatchObject({ eligible: false, eligibleFrom: '2026-12-22' });
  });

  it('refuses rules that make no sense, naming the field', () => {
    const bad = DonorRulesSchema.safeParse({
      ...DEFAULT_DONOR_RULES,
      age: { ...DEFAULT_DONOR_RULES.age, min: 70, max: 65 },
      deferrals: [{ code: 'tattoo', months: -4, sourceText: 'x' }],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages).toEqual(expect.arrayContaining(['deferrals.0.months: months must be a positive whole number', 'age.max: is below age.min (70)']));
  });
});

describe('donor eligibility at the edges of each rule', () => {
  const R = DEFAULT_DONOR_RULES;

  it('counts a person as 18 from 1 January of the year they turn 18, and refuses a 17-year-old until then, quoting the rule', () => {
    expect(check({ birthYear: 2008 })).toEqual({ eligible: true });
    expect(check({ birthYear: 2009 })).toEqual({
      eligible: false,
      eligibleFrom: '2027-01-01',
      reasons: [{ code: 'too_young', params: { minAge: 18 }, until: '2027-01-01', sourceText: R.age.sourceText }],
    });
  });

  it('accepts a donor of 65 and refuses one of 66 for good', () => {
    expect(check({ birthYear: 1961 })).toEqual({ eligible: true });
    expect(check({ birthYear: 1960 })).toEqual({
      eligible: false,
      eligibleFrom: null,
      reasons: [{ code: 'too_old', params: { maxAge: 65 }, until: null, sourceText: R.age.sourceText }],
    });
  });

  it('accepts 50 kg and refuses 49.5 kg', () => {
    expect(check({ weightKg: 50 })).toEqual({ eligible: true });
    expect(check({ weightKg: 49.5 })).toEqual({
      eligible: false,
      eligibleFrom: null,
      reasons: [{ code: 'underweight', params: { minKg: 50 }, until: null, sourceText: R.weight.sourceText }],
    });
  });

  it('gives the interval with its months, its end and its source', () => {
    expect(check({ lastDonationOn: '2026-10-01' })).toEqual({
      eligible: false,
      eligibleFrom: '2026-12-01',
      reasons: [{ code: 'interval', params: { months: 2, until: '2026-12-01' }, until: '2026-12-01', sourceText: R.interval.sourceText }],
    });
  });

  it('gives the yearly limit with no end day: it depends on the days of the donations, not asked in the chat', () => {
    expect(check({ donationsInLast12Months: 4 })).toEqual({
      eligible: false,
      eligibleFrom: null,
      reasons: [{ code: 'yearly_limit', params: { limit: 4 }, until: null, sourceText: R.yearlyLimit.sourceText }],
    });
  });

  it('refuses during pregnancy and breastfeeding with no end day, quoting each rule', () => {
    expect(check({ sex: 'female', pregnant: true })).toEqual({
      eligible: false,
      eligibleFrom: null,
      reasons: [{ code: 'pregnant', params: {}, until: null, sourceText: 'Pas de don pendant la grossesse.' }],
    });
    expect(check({ sex: 'female', breastfeeding: true })).toEqual({
      eligible: false,
      eligibleFrom: null,
      reasons: [{ code: 'breastfeeding', params: { months: 6 }, until: null, sourceText: "Ajournement de 6 mois après la fin de l'allaitement." }],
    });
  });

  it('does not defer breastfeeding for an organisation whose rules leave it out', () => {
    const own = DonorRulesSchema.parse({ ...R, deferrals: R.deferrals.filter((d) => d.code !== 'breastfeeding') });
    expect(check({ sex: 'female', breastfeeding: true }, own)).toEqual({ eligible: true });
  });

  it('accepts a donor on the day a deferral ends, and gives the deferral its end and source the day before', () => {
    expect(check({ events: [{ code: 'tattoo', on: '2026-07-22' }] })).toEqual({ eligible: true });
    expect(check({ events: [{ code: 'tattoo', on: '2026-07-23' }] })).toEqual({
      eligible: false,
      eligibleFrom: '2026-11-23',
      reasons: [{ code: 'deferral:tattoo', params: { months: 4, until: '2026-11-23' }, until: '2026-11-23', sourceText: R.deferrals[0]?.sourceText }],
    });
  });

  it('ignores events the rules do not name', () => {
    expect(check({ events: [{ code: 'vaccine', on: '2026-11-20' }] })).toEqual({ eligible: true });
  });

  it('gives the latest end day whatever the order of the reasons', () => {
    const r = check({ birthYear: 2010, events: [{ code: 'tattoo', on: '2026-10-15' }, { code: 'surgery', on: '2026-11-01' }] });
    expect(r).toMatchObject({ eligible: false, eligibleFrom: '2028-01-01' });
    if (!r.eligible) expect(r.reasons.map((x) => [x.code, x.until])).toEqual([['too_young', '2028-01-01'], ['deferral:tattoo', '2027-02-15'], ['deferral:surgery', '2027-03-01']]);
  });
});

describe('donor answers', () => {
  it('count what the donor left out as "no"', () => {
    expect(DonorAnswersSchema.parse(healthy)).toEqual({ ...healthy, events: [], pregnant: false, breastfeeding: false });
  });

  it('take days as YYYY-MM-DD only', () => {
    const day = (on: string) => DonorAnswersSchema.safeParse({ ...healthy, lastDonationOn: on }).error?.issues.map((i) => i.message) ?? [];
    expect(day('2026-10-01')).toEqual([]);
    for (const bad of ['2026-10-1', '26-10-01', '01/10/2026', ' 2026-10-01', '2026-10-01 ', '2026-10-01T00:00', 'x2026-10-01', '2026-1a-01']) {
      expect(day(bad), bad).toEqual(['expected YYYY-MM-DD']);
    }
  });
});
