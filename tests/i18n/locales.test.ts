// Invariant 6: every string a villager sees exists in every locale, with the same placeholders.
import { describe, expect, it } from 'vitest';
import { LOCALES, createTranslator, formatDay, formatDayWithYear, loadResources } from '../../src/i18n/index.ts';
import { allLocaleKeys, placeholders, pluralCategories } from './locale-keys.ts';

const resources = loadResources();

describe('locales', () => {
  const keys = allLocaleKeys(resources);
  const allPlain = [...new Set(LOCALES.flatMap((l) => Object.keys(keys[l].plain)))].sort();
  const allCounted = [...new Set(LOCALES.flatMap((l) => Object.keys(keys[l].counted)))].sort();

  it('have every key in every locale, none empty', () => {
    expect(allPlain.length).toBeGreaterThan(0);
    for (const locale of LOCALES) {
      const missing = allPlain.filter((k) => !keys[locale].plain[k]?.trim());
      expect(missing, `${locale} lacks`).toEqual([]);
    }
  });

  it('give every counted string exactly the plural forms its language has (six in Arabic and Darija, French one, many, other)', () => {
    expect(allCounted).toContain('campaigns:placesLeft');
    for (const locale of LOCALES) {
      for (const key of allCounted) {
        const forms = keys[locale].counted[key] ?? {};
        expect(Object.keys(forms).sort(), `${locale} ${key}`).toEqual([...pluralCategories(locale)].sort());
        expect(Object.values(forms).every((text) => text.trim() !== ''), `${locale} ${key}`).toBe(true);
      }
    }
  });

  it('use the same interpolation variables in every locale', () => {
    for (const key of allPlain) {
      const reference = placeholders(keys.fr.plain[key] ?? '');
      for (const locale of LOCALES) expect(placeholders(keys[locale].plain[key] ?? ''), `${locale} ${key}`).toEqual(reference);
    }
    // A form may say its number in words ("مكان واحد"): only the other variables must match.
    const others = (forms: Record<string, string>) => [...new Set(Object.values(forms).flatMap(placeholders))].filter((p) => p !== 'count').sort();
    for (const key of allCounted) {
      const reference = others(keys.fr.counted[key] ?? {});
      for (const locale of LOCALES) expect(others(keys[locale].counted[key] ?? {}), `${locale} ${key}`).toEqual(reference);
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
    expect(formatDay('2026-12-15', 'ary-Latn')).toBe('ttlat 15 décembre');
    expect(formatDay('2027-02-01', 'fr')).toBe('lundi 1er février');
    expect(formatDay('2027-02-02', 'fr')).toBe('mardi 2 février');
  });

  it('say days in Tachelhit with its own month names and the weekdays villagers use', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatDay(`2027-${String(i + 1).padStart(2, '0')}-10`, 'shi').split(' ')[2]);
    expect(months).toEqual(['innayr', 'brayr', 'mars', 'ibrir', 'mayyu', 'yunyu', 'yulyuz', 'ɣuct', 'cutanbir', 'ktubr', 'nuwanbir', 'dujanbir']);
    expect(formatDay('2026-12-14', 'shi')).toBe('ttnin 14 dujanbir');
    expect(formatDay('2026-12-15', 'shi')).toBe('ttlat 15 dujanbir');
  });

  it('never give English month or day names in Darija or Tachelhit, though Intl knows no `ary`', () => {
    const english = /\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
    for (const locale of ['ary', 'ary-Latn', 'shi'] as const) {
      for (let month = 1; month <= 12; month++) {
        for (const day of ['03', '04', '05', '06', '07', '08', '09']) {
          const text = formatDay(`2027-${String(month).padStart(2, '0')}-${day}`, locale);
          expect(text, `${locale} ${month}/${day}`).not.toMatch(english);
        }
      }
    }
  });

  it('say the year after the day when a record may be from another year', () => {
    expect(formatDayWithYear('2025-12-14', 'fr')).toBe('dimanche 14 décembre 2025');
    expect(formatDayWithYear('2026-12-14', 'ary')).toBe('التنين 14 دجنبر 2026');
  });
});
