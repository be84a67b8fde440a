// What each language reads of a broadcast: its own text or the nearest one given, with the line telling
// how to stop; the template (WhatsApp after 24 hours of silence) carries the bare text. Pure.
import type { Locale } from '../db/tables.ts';

/** The text each locale reads, falling back within the same script first, then to any text given. */
const FALLBACK: Record<Locale, readonly Locale[]> = { ary: ['ary', 'ar', 'fr', 'ary-Latn'], ar: ['ar', 'ary', 'fr', 'ary-Latn'], 'ary-Latn': ['ary-Latn', 'fr', 'ary', 'ar'], fr: ['fr', 'ary-Latn', 'ar', 'ary'] };

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
