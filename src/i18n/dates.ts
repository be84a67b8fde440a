// Campaign days and time windows as villagers say them, in Africa/Casablanca.
import { DateTime } from 'luxon';
import type { Locale } from './translator.ts';

/** Darija day names (luxon weekday 1 = Monday); Intl has none for Moroccan Arabic. */
const DARIJA_WEEKDAYS = ['التنين', 'التلات', 'لاربع', 'الخميس', 'الجمعة', 'السبت', 'الحد'];
const DARIJA_LATN_WEEKDAYS = ['letnin', 'ttlat', 'larb3', 'lkhmis', 'jjem3a', 'ssebt', 'l7ed'];
/** ar-MA gives Morocco's month names (ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر); Arabizi writers use French ones. */
const INTL_LOCALE: Record<Locale, string> = { ary: 'ar-MA', ar: 'ar-MA', fr: 'fr-MA', 'ary-Latn': 'fr-MA' };

/**
 * @example formatDay('2026-12-14', 'ary') // 'التنين 14 دجنبر'
 * @example formatDay('2026-12-14', 'fr')  // 'lundi 14 décembre'
 */
export function formatDay(isoDay: string, locale: Locale): string {
  const d = DateTime.fromISO(isoDay, { zone: 'Africa/Casablanca' }).setLocale(INTL_LOCALE[locale]).reconfigure({ numberingSystem: 'latn' });
  if (!d.isValid) throw new RangeError(`Not a day: ${isoDay}`);
  const dayMonth = d.toFormat('d LLLL');
  if (locale === 'ary') return `${DARIJA_WEEKDAYS[d.weekday - 1] ?? ''} ${dayMonth}`;
  if (locale === 'ary-Latn') return `${DARIJA_LATN_WEEKDAYS[d.weekday - 1] ?? ''} ${dayMonth}`;
  // French says the first of the month as an ordinal: "lundi 1er février".
  if (locale === 'fr' && d.day === 1) return d.toFormat("cccc d'er' LLLL");
  return d.toFormat('cccc d LLLL');
}

/**
 * A day that may lie in another year (a record of the past): the day as `formatDay` says it, and the year.
 *
 * @example formatDayWithYear('2026-12-14', 'fr') // 'lundi 14 décembre 2026'
 */
export function formatDayWithYear(isoDay: string, locale: Locale): string {
  return `${formatDay(isoDay, locale)} ${isoDay.slice(0, 4)}`;
}

/** '09:00'–'12:30' as people read a window: "09:00 - 12:30" (digits stay Western, as on Moroccan phones). */
export function formatWindow(startsAt: string, endsAt: string): string {
  return `${startsAt.slice(0, 5)} - ${endsAt.slice(0, 5)}`;
}
