// Arabic script as it is printed: no tatweel stretching a letter before a space or a name.
import { describe, expect, it } from 'vitest';
import { loadResources } from '../../src/i18n/index.ts';
import { localeTexts } from './locale-keys.ts';

const resources = loadResources();
const textsOf = (locale: 'ar' | 'ary') => localeTexts(resources, locale);

describe('Arabic script', () => {
  it('has no tatweel stretching a letter before a space or a name ("بـ 141", "بـالعربية")', () => {
    const stray = (['ar', 'ary'] as const).flatMap((locale) => textsOf(locale).filter((text) => text.includes('\u0640')));
    expect(stray).toEqual([]);
  });
});
