// Blood donation rules as data of each organisation. Published Moroccan figures disagree, so these
// are only defaults; every rule carries the text it comes from, shown to coordinators.
import { z } from 'zod';

const sourceText = z.string().trim().min(1, 'every rule needs its source text');
const bySex = <T extends z.ZodType>(value: T) => z.object({ male: value, female: value });

export const DeferralRuleSchema = z.object({
  /** What happened: tattoo, hijama, surgery, dental_care, breastfeeding (counted from its end)... */
  code: z.string().regex(/^[a-z]+(_[a-z]+)*$/, 'use lowercase words joined by _'),
  months: z.number().int().positive('months must be a positive whole number'),
  sourceText,
});

export const DonorRulesSchema = z
  .object({
    age: z.object({ min: z.number().int().min(16), max: z.number().int().max(80), sourceText }),
    weight: z.object({ minKg: z.number().positive(), sourceText }),
    interval: z.object({ monthsBySex: bySex(z.number().int().positive()), sourceText }),
    yearlyLimit: z.object({ bySex: bySex(z.number().int().positive()), sourceText }),
    pregnancy: z.object({ sourceText }),
    deferrals: z.array(DeferralRuleSchema),
  })
  .superRefine((r, ctx) => {
    if (r.age.min > r.age.max) ctx.addIssue({ code: 'custom', path: ['age', 'max'], message: `is below age.min (${r.age.min})` });
    const codes = r.deferrals.map((d) => d.code);
    codes.forEach((c, i) => {
      if (codes.indexOf(c) !== i) ctx.addIssue({ code: 'custom', path: ['deferrals', i, 'code'], message: `${c} is listed twice` });
    });
  });

export type DonorRules = z.infer<typeof DonorRulesSchema>;
export type DeferralRule = z.infer<typeof DeferralRuleSchema>;

export const DEFAULT_DONOR_RULES: DonorRules = DonorRulesSchema.parse({
  age: { min: 18, max: 65, sourceText: 'Le donneur doit avoir entre 18 et 65 ans.' },
  weight: { minKg: 50, sourceText: 'Le donneur doit peser au moins 50 kg.' },
  interval: {
    monthsBySex: { male: 2, female: 3 },
    sourceText: 'Intervalle minimal entre deux dons de sang total : 2 mois pour les hommes, 3 mois pour les femmes.',
  },
  yearlyLimit: {
    bySex: { male: 4, female: 3 },
    sourceText: 'Au plus 4 dons par an pour les hommes et 3 pour les femmes (certaines sources indiquent 5 pour les hommes).',
  },
  pregnancy: { sourceText: 'Pas de don pendant la grossesse.' },
  deferrals: [
    { code: 'tattoo', months: 4, sourceText: 'Ajournement de 4 mois après un tatouage ou un piercing.' },
    { code: 'hijama', months: 4, sourceText: 'Ajournement de 4 mois après une hijama (ventouses scarifiées).' },
    { code: 'surgery', months: 4, sourceText: 'Ajournement de 4 mois après une intervention chirurgicale.' },
    { code: 'dental_care', months: 4, sourceText: 'Ajournement de 4 mois après des soins dentaires.' },
    { code: 'breastfeeding', months: 6, sourceText: "Ajournement de 6 mois après la fin de l'allaitement." },
  ],
});
