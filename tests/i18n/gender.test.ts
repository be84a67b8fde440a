// A villager may be a woman or a man: no string speaks to one of them only (locales/README.md, "Who is spoken to").
import { describe, expect, it } from 'vitest';
import { loadResources, type Locale } from '../../src/i18n/index.ts';
import { localeTexts } from './locale-keys.ts';

const resources = loadResources();
const textsOf = (locale: Locale) => localeTexts(resources, locale);
const word = (w: string) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'u');

/** Forms that fit a man only; a string that offers both ("نتي ... نتا") is fine. */
const MAN_ONLY: Partial<Record<Locale, Array<[RegExp, RegExp?]>>> = {
  ary: [[/ماتقدرش/], [/كتفكر/], [word('موافق')], [word('نتا'), /نتي/], [/كيداير/], [/ماقادرش/], [/كتاكل/], [word('ساكن')], [/جي صايم/], [word('راك')]],
  'ary-Latn': [[/t9derch/i], [/katfkker/i], [/mouwafi9/i], [/\bnta\b/i, /\bnti\b/i], [/kidayr/i], [/ma9adrch/i], [/katakol/i], [/\bsaken\b/i], [/\bsayem\b/i], [/\brak\b/i]],
  ar: [[/هل تشعر/], [/اعتن بنفسك/], [/تريد/], [/تعال/], [/اذهب/], [/أين تسكن/], [/هل هي امرأة/], [/ستحضر/]],
  // Tachelhit: the singular "you", "your", "to you", "at you" of a man; the polite plural (nnun, awn, darun) fits both.
  shi: [[word('nnk')], [word('kiyyi')], [word('ak')], [word('dark')], [word('ghurk')], [word('k'), /\bkwn\b/]],
};

describe.each(Object.keys(MAN_ONLY) as Locale[])('strings in %s', (locale) => {
  it.each(MAN_ONLY[locale] ?? [])('never use %s alone', (pattern, unlessWith) => {
    expect(textsOf(locale).filter((text) => pattern.test(text) && !(unlessWith?.test(text) ?? false))).toEqual([]);
  });
});
