// Invariant 6: every string a villager sees exists in every locale, with the same placeholders.
import { describe, expect, it } from 'vitest';
import { LOCALES, createTranslator, formatDay, formatDayWithYear, loadResources } from '../../src/i18n/index.ts';

const resources = loadResources();

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  if (typeof value !== 'object' || value === null) return {};
  return Object.assign({}, ...Object.entries(value).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(resources[l])]));
  const allKeys = [...new Set(Object.values(flat).flatMap((f) => Object.keys(f)))].sort();

  it('have every key in every locale, none empty', () => {
    expect(allKeys.length).toBeGreaterThan(0);
    for (const locale of LOCALES) {
      const missing = allKeys.filter((k) => !flat[locale]?.[k]?.trim());
      expect(missing, `${locale} lacks`).toEqual([]);
    }
  });

  it('use the same interpolation variables in every locale', () => {
    for (const key of allKeys) {
      const reference = placeholders(flat.fr?.[key] ?? '');
      for (const locale of LOCALES) expect(placeholders(flat[locale]?.[key] ?? ''), `${locale} ${key}`).toEqual(reference);
    }
  });

  it('interpolate through i18next and never fall back to another language', () => {
    const t = createTranslator(resources);
    expect(t('fr', 'common:emergency', { samu: 141, civil: 15 })).toMatch(/141 \(SAMU\).*15 \(Protection civile\)/);
    expect(t('ary', 'common:emergency', { samu: 141, civil: 15 })).toContain('141');
    expect(t('ary', 'common:noSuchKey')).toBe('noSuchKey');
  });

  it('say days with Moroccan month names and Darija weekdays', () => {
    expect(formatDay('2026-12-14', 'ary')).toBe('التنين 14 دجنبر');
    expect(formatDay('2027-05-01', 'ar')).toBe('السبت 1 ماي');
    expect(formatDay('2027-08-01', 'ary')).toBe('الحد 1 غشت');
    expect(formatDay('2026-12-14', 'fr')).toBe('lundi 14 décembre');
    expect(formatDay('2026-12-14', 'ary-Latn')).toBe('letnin 14 décembre');
  });

  it('say the year after the day when a record may be from another year', () => {
    expect(formatDayWithYear('2025-12-14', 'fr')).toBe('dimanche 14 décembre 2025');
    expect(formatDayWithYear('2026-12-14', 'ary')).toBe('التنين 14 دجنبر 2026');
  });
});
