// Counted strings take the form their language asks for: "1 place", "3 أماكن", "11 مكانا", "100 مكان", "3 بلايص".
import { describe, expect, it } from 'vitest';
// Latin values sit in isolates inside Arabic-script messages (src/i18n/bidi.ts).
import { isolateIn } from '../../src/i18n/bidi.ts';
import { LOCALES, PLURAL_RULES_LOCALE, createTranslator, loadResources, type Locale } from '../../src/i18n/index.ts';
import { allLocaleKeys } from './locale-keys.ts';

const resources = loadResources();
const t = createTranslator(resources);
const keys = allLocaleKeys(resources);
const COUNTS = [0, 1, 2, 3, 11, 100];
const VARS = { until: 'UNTIL', event: 'EVENT' };

/** What some counts must read as, for one counted string, in each language. */
const EXPECTED: Record<Locale, Record<number, string>> = {
  fr: { 0: '0 place', 1: '1 place', 2: '2 places', 3: '3 places', 11: '11 places', 100: '100 places' },
  ar: { 1: 'مكان واحد', 2: 'مكانان', 3: '3 أماكن', 11: '11 مكانا', 100: '100 مكان' },
  ary: { 1: 'بلاصة وحدة', 2: 'جوج بلايص', 3: '3 بلايص', 11: '11 بلاصة', 100: '100 بلاصة' },
  'ary-Latn': { 1: 'blasa wa7da', 2: 'jouj blayes', 3: '3 blayes', 11: '11 blasa', 100: '100 blasa' },
  // Tachelhit (CLDR `shi`): one for 0 and 1, few for 2 to 10, other from 11; the noun is plural from 2.
  shi: { 0: '0 lblasa', 1: '1 lblasa', 2: '2 lblayss', 3: '3 lblayss', 10: '10 lblayss', 11: '11 lblayss', 100: '100 lblayss' },
};

describe.each(LOCALES)('counted strings in %s', (locale) => {
  const counted = Object.keys(keys[locale].counted);
  const rules = new Intl.PluralRules(PLURAL_RULES_LOCALE[locale]);

  it('say places left the way the language counts them', () => {
    for (const [n, text] of Object.entries(EXPECTED[locale])) expect(t(locale, 'campaigns:placesLeft', { count: Number(n) })).toBe(text);
  });

  it.each(COUNTS)('render every counted string for %i with the form of its plural category, number included when it is not said in words', (n) => {
    expect(counted.length).toBeGreaterThanOrEqual(10);
    const category = rules.select(n);
    for (const key of counted) {
      const form = keys[locale].counted[key]?.[category] ?? '';
      const text = t(locale, key, { ...VARS, count: n });
      expect(text, `${key} ${n}`).toBe(form.replaceAll('{{count}}', String(n)).replaceAll('{{until}}', isolateIn(locale, 'UNTIL')).replaceAll('{{event}}', isolateIn(locale, 'EVENT')));
      expect(text, `${key} ${n}`).not.toMatch(/\{\{|_(one|other|few|many)$/);
      // From three on the number is written in digits in every language.
      if (n >= 3) expect(text, `${key} ${n}`).toContain(String(n));
    }
  });

  it('never says a plural word after 1, nor a lone singular after 3 to 10 in Arabic and Darija', () => {
    const one = counted.map((key) => t(locale, key, { ...VARS, count: 1 }));
    const three = counted.map((key) => t(locale, key, { ...VARS, count: 3 }));
    if (locale === 'fr') expect(one.filter((s) => /\b1 (places|dons|ans)\b/.test(s))).toEqual([]);
    if (locale === 'ar') expect(three.filter((s) => /3 (مكان|شهر|موعد|تبرع|سنة)(?![\p{L}])/u.test(s))).toEqual([]);
    if (locale === 'ary') expect(three.filter((s) => /3 (بلاصة|شهر|موعد|تبرع|عام)(?![\p{L}])/u.test(s))).toEqual([]);
    if (locale === 'ary-Latn') expect(three.filter((s) => /\b3 (blasa|chhar|maw3id|tberre3|3am)\b/.test(s))).toEqual([]);
    if (locale === 'shi') expect(three.filter((s) => /\b3 (lblasa|usggas|wayyur|lmaw3id|usfk)\b/.test(s))).toEqual([]);
  });
});

describe('Tachelhit counting', () => {
  it('follows the CLDR rules Node ships for shi: 0 and 1 are one, 2 to 10 few, 11 and more other', () => {
    const rules = new Intl.PluralRules(PLURAL_RULES_LOCALE.shi);
    expect(rules.resolvedOptions().locale).toBe('shi');
    expect([0, 1, 2, 10, 11, 100].map((n) => rules.select(n))).toEqual(['one', 'one', 'few', 'few', 'other', 'other']);
  });
});
