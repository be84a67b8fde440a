// Reads a campaign's own words (its title, its venue's names) in a reader's locale, or the closest one it has.
import type { Locale, LocalizedText } from '../../db/tables.ts';

const ARABIC_SCRIPT: ReadonlySet<Locale> = new Set(['ary', 'ar']);

/**
 * The locale of `text` nearest to `locale`: itself, another in the same script, then French, then Arabic
 * (a title may have either alone), then whatever is left; undefined only for text with no words at all.
 *
 * @example closestLocale({ ar: 'قافلة تنغير' }, 'fr') // 'ar'
 */
export function closestLocale(text: LocalizedText, locale: Locale): Locale | undefined {
  const sameScript: Locale[] = ARABIC_SCRIPT.has(locale) ? ['ar', 'ary'] : ['ary-Latn'];
  const order: Locale[] = [locale, ...sameScript, 'fr', 'ar', 'ary', 'ary-Latn'];
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
