// Latin words, codes and phone numbers inside a right-to-left message: wrapped in Unicode isolates
// (FSI … PDI) so that "Hôpital de Kelâat M'Gouna" or "9WY-YX6" keep their own order and do not
// reorder the Arabic around them. Pure.
import { ARABIC_SCRIPT_LOCALES, type Locale } from './locales.ts';

export const FSI = '\u2068';
export const PDI = '\u2069';

const RIGHT_TO_LEFT = ARABIC_SCRIPT_LOCALES;
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
/** A phone number or another run of digits with signs between them ("+212 6 12 34 56 78"). */
const PHONE_LIKE = /^\+?[\d\s().-]{6,}$/u;

export function isRightToLeft(locale: Locale): boolean {
  return RIGHT_TO_LEFT.has(locale);
}

/**
 * `text` as it should sit inside a message in `locale`: isolated when the message runs right to left
 * and the text is Latin (a name, a venue, a code) or a phone number; unchanged otherwise, and when it
 * holds Arabic letters (a composed line, isolated piece by piece already).
 *
 * @example isolateIn('ar', 'Tinghir') // '\u2068Tinghir\u2069'
 * @example isolateIn('fr', 'Tinghir') // 'Tinghir'
 */
export function isolateIn(locale: Locale, text: string): string {
  if (!RIGHT_TO_LEFT.has(locale) || text.includes(FSI) || ARABIC_LETTER.test(text)) return text;
  return LATIN_LETTER.test(text) || PHONE_LIKE.test(text.trim()) ? `${FSI}${text}${PDI}` : text;
}
