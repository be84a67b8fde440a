// How the inbox writes times: today's as a clock time, older ones with their day, in Morocco's time zone.
import { TIME_ZONE, type Locale } from '../../i18n/index.ts';

const intl = (locale: Locale) => (locale === 'ar' ? 'ar-MA' : 'fr-MA');

export function when(locale: Locale, iso: string): string {
  const at = new Date(iso);
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(d);
  const sameDay = day(at) === day(new Date());
  const options: Intl.DateTimeFormatOptions = sameDay ? { timeStyle: 'short', timeZone: TIME_ZONE } : { dateStyle: 'short', timeStyle: 'short', timeZone: TIME_ZONE };
  return new Intl.DateTimeFormat(intl(locale), options).format(at);
}
