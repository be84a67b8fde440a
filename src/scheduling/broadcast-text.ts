// What each language reads of a broadcast: its own text or the nearest one given, with the line telling
// how to stop; the template (WhatsApp after 24 hours of silence) carries the bare text. Pure.
import type { Locale } from '../db/tables.ts';

/** The text each locale reads, falling back within the same script first, then to any text given. */
const FALLBACK: Record<Locale, readonly Locale[]> = {
  ary: ['ary', 'ar', 'fr', 'ary-Latn', 'shi'],
  ar: ['ar', 'ary', 'fr', 'ary-Latn', 'shi'],
  'ary-Latn': ['ary-Latn', 'fr', 'ary', 'ar', 'shi'],
  fr: ['fr', 'ary-Latn', 'ar', 'ary', 'shi'],
  // Tachelhit speakers read Darija in Latin letters more often than French; the others rarely read Tachelhit.
  shi: ['shi', 'ary-Latn', 'fr', 'ary', 'ar'],
};

export function textFor(texts: Partial<Record<Locale, string>>, locale: Locale): string {
  for (const l of FALLBACK[locale]) {
    const text = texts[l];
    if (text) return text;
  }
  return '';
}

/** The outbox payload of a broadcast for one language: `footer` is the STOP line in that language. */
export function broadcastMessage(texts: Partial<Record<Locale, string>>, locale: Locale, footer: string): { text: string; template: { params: [string] } } {
  const text = textFor(texts, locale);
  return { text: `${text}\n${footer}`, template: { params: [text] } };
}
