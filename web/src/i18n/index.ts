// The console's two languages: their dictionaries, their direction, and Intl formats in Morocco's time zone.
import { ar } from './ar.ts';
import { fr, type Messages } from './fr.ts';

export type Locale = 'fr' | 'ar';
export type { Messages };

export const LOCALES: readonly Locale[] = ['fr', 'ar'];
export const TIME_ZONE = 'Africa/Casablanca';

const dictionaries: Record<Locale, Messages> = { fr, ar };

export function messagesFor(locale: Locale): Messages {
  return dictionaries[locale];
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}


const intlLocale = (locale: Locale) => (locale === 'ar' ? 'ar-MA' : 'fr-MA');

/** A calendar day ("2026-12-14") as the staff member reads it; noon UTC is the same day in Casablanca. */
export function formatDay(locale: Locale, day: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

export function formatShortDay(locale: Locale, day: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

export function formatNumber(locale: Locale, n: number): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

/** An instant's time of day ("14:05") in Morocco's time zone. */
export function formatTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

/** A value inside a sentence of the other direction (a Latin name in Arabic) keeps its own order. */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
