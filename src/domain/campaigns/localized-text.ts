// Reads a campaign's own words (its title, its venue's names) in a reader's locale, or the closest one it has.
import type { Locale, LocalizedText } from '../../db/tables.ts';
import { ARABIC_SCRIPT_LOCALES, LOCALES } from '../../i18n/locales.ts';

/**
 * The locale of `text` nearest to `locale`: itself, another in the same script, then French, then Arabic
 * (a title may have either alone), then whatever is left; undefined only for text with no words at all.
 *
 * @example closestLocale({ ar: 'قافلة تنغير' }, 'fr') // 'ar'
 */
export function closestLocale(text: LocalizedText, locale: Locale): Locale | undefined {
  // A Tachelhit reader reads Darija in Latin letters before French; Tachelhit itself comes last to the others.
  const sameScript: Locale[] = ARABIC_SCRIPT_LOCALES.has(locale) ? ['ar', 'ary'] : ['ary-Latn'];
  const order: Locale[] = [locale, ...sameScript, 'fr', 'ar', 'ary', ...LOCALES];
  return order.find((l) => text[l] !== undefined && text[l] !== '');
}

/**
 * The text in `locale` or the closest one present: an Arabic-only title reads in Arabic to a French reader
 * rather than as nothing.
 *
 * @example inLocale({ fr: 'Caravane de Tinghir', ar: 'قافلة تنغير' }, 'ary') // 'قافلة تنغير'
 */
export function inLocale(text: LocalizedText, locale: Locale): string {
  const found = closestLocale(text, locale);
  return found === undefined ? '' : text[found] ?? '';
}
