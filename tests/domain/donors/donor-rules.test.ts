// An organisation's donor rules are checked before they are stored: each refusal names the field and the fix.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DONOR_RULES, DeferralRuleSchema, DonorRulesSchema } from '../../../src/domain/donors/donor-rules.ts';

const messages = (rules: unknown) => DonorRulesSchema.safeParse(rules).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
const deferralCode = (code: string) => DeferralRuleSchema.safeParse({ code, months: 4, sourceText: 'Ajournement.' }).success;

describe('the default donor rules', () => {
  it('hold the published Moroccan figures', () => {
    expect({
      age: [DEFAULT_DONOR_RULES.age.min, DEFAULT_DONOR_RULES.age.max],
      minKg: DEFAULT_DONOR_RULES.weight.minKg,
      interval: DEFAULT_DONOR_RULES.interval.monthsBySex,
      yearly: DEFAULT_DONOR_RULES.yearlyLimit.bySex,
      deferrals: DEFAULT_DONOR_RULES.deferrals.map((d) => [d.code, d.months]),
    }).toEqual({
      age: [18, 65],
      minKg: 50,
      interval: { male: 2, female: 3 },
      yearly: { male: 4, female: 3 },
      deferrals: [['tattoo', 4], ['hijama', 4], ['surgery', 4], ['dental_care', 4], ['breastfeeding', 6]],
    });
  });

  it('quote the text each figure comes from', () => {
    expect(DEFAULT_DONOR_RULES.age.sourceText).toBe('Le donneur doit avoir entre 18 et 65 ans.');
    expect(DEFAULT_DONOR_RULES.pregnancy.sourceText).toBe('Pas de don pendant la grossesse.');
    expect(DEFAULT_DONOR_RULES.deferrals.find((d) => d.code === 'breastfeeding')?.sourceText).toBe("Ajournement de 6 mois après la fin de l'allaitement.");
  });
});

describe('checking donor rules', () => {
  it('accepts the defaults, and an age range of a single year', () => {
    expect(messages(DEFAULT_DONOR_RULES)).toEqual([]);
    expect(messages({ ...DEFAULT_DONOR_RULES, age: { ...DEFAULT_DONOR_RULES.age, min: 18, max: 18 } })).toEqual([]);
  });

  it('refuses a rule without its source text, even one of spaces only', () => {
    expect(messages({ ...DEFAULT_DONOR_RULES, weight: { minKg: 50, sourceText: '   ' } })).toEqual(['weight.sourceText: every rule needs its source text']);
  });

  it('refuses a deferral listed twice, naming the second one', () => {
    const tattoo = { code: 'tattoo', months: 4, sourceText: 'Tatouage.' };
    expect(messages({ ...DEFAULT_DONOR_RULES, deferrals: [tattoo, { code: 'hijama', months: 4, sourceText: 'Hijama.' }, tattoo] })).toEqual([
      'deferrals.2.code: tattoo is listed twice',
    ]);
  });

  it('reports the rules that contradict each other as custom issues, like any other refusal the API passes on', () => {
    const tattoo = { code: 'tattoo', months: 4, sourceText: 'Tatouage.' };
    const issues = DonorRulesSchema.safeParse({ ...DEFAULT_DONOR_RULES, age: { ...DEFAULT_DONOR_RULES.age, min: 66 }, deferrals: [tattoo, tattoo] }).error?.issues;
    expect(issues?.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['custom', 'age.max'],
      ['custom', 'deferrals.1.code'],
    ]);
  });

  it('names deferrals in lowercase words joined by _', () => {
    expect(['tattoo', 'dental_care', 'a_b_c'].map(deferralCode)).toEqual([true, true, true]);
    expect(['Tattoo', 'tattoO', 'dental-care', 'dental care', 'dental_', '_dental', 'dental__care', 'tattoo2', ''].map(deferralCode)).toEqual(
      Array.from({ length: 9 }, () => false),
    );
    expect(DeferralRuleSchema.safeParse({ code: 'Dental', months: 4, sourceText: 'x' }).error?.issues.map((i) => i.message)).toEqual([
      'use lowercase words joined by _',
    ]);
  });
});
