// Campaign days and time windows as villagers say them, in Africa/Casablanca.
import { DateTime } from 'luxon';
import type { Locale } from './translator.ts';

/** Darija day names (luxon weekday 1 = Monday); Intl has none for Moroccan Arabic. */
const DARIJA_WEEKDAYS = ['التنين', 'التلات', 'لاربع', 'الخميس', 'الجمعة', 'السبت', 'الحد'];
const DARIJA_LATN_WEEKDAYS = ['letnin', 'ttlat', 'larb3', 'lkhmis', 'jjem3a', 'ssebt', 'l7ed'];
/** Tachelhit speakers name the weekdays with the same loanwords as Darija, not Intl's aynas, asinas... */
const TACHELHIT_WEEKDAYS = ['ttnin', 'ttlat', 'larb3a', 'lkhmis', 'jjem3a', 'ssebt', 'l7dd'];
/**
 * ar-MA gives Morocco's month names (ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر); Arabizi writers use French ones.
 * shi-Latn gives Tachelhit's own (innayr, bṛayṛ, ɣuct, dujanbir). Intl has nothing for `ary`: asked
 * directly it answers in English, so Darija never asks it.
 */
const INTL_LOCALE: Record<Locale, string> = { ary: 'ar-MA', ar: 'ar-MA', fr: 'fr-MA', 'ary-Latn': 'fr-MA', shi: 'shi-Latn' };
/** Tachelhit's emphatic dots (bṛayṛ, maṛṣ) are left out, as on phones; ɣ stays (ɣuct). */
const withoutDotBelow = (text: string) => text.normalize('NFD').replace(/\u0323/g, '').normalize('NFC');

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
  if (locale === 'shi') return `${TACHELHIT_WEEKDAYS[d.weekday - 1] ?? ''} ${withoutDotBelow(dayMonth)}`;
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

/** "from … to …" in words: an arrow or a dash reads backwards, or not at all, right to left. */
const FROM_TO: Record<Locale, { days: [string, string]; times: [string, string] }> = {
  fr: { days: ['du', 'au'], times: ['de', 'à'] },
  ar: { days: ['من', 'حتى'], times: ['من', 'حتى'] },
  ary: { days: ['من', 'حتى'], times: ['من', 'حتى'] },
  'ary-Latn': { days: ['mn', '7ta'], times: ['mn', '7ta'] },
  shi: { days: ['zg', 'ar'], times: ['zg', 'ar'] },
};

/**
 * A window as a sentence says it (digits stay Western, as on Moroccan phones).
 *
 * @example formatWindow('08:00:00', '12:30:00', 'ar') // 'من 08:00 حتى 12:30'
 * @example formatWindow('08:00', '12:30', 'fr')       // 'de 08:00 à 12:30'
 */
export function formatWindow(startsAt: string, endsAt: string, locale: Locale): string {
  const [from, to] = FROM_TO[locale].times;
  return `${from} ${startsAt.slice(0, 5)} ${to} ${endsAt.slice(0, 5)}`;
}

/** A window on a button or a list row, where room is short: "08:00-12:30". */
export function formatWindowShort(startsAt: string, endsAt: string): string {
  return `${startsAt.slice(0, 5)}-${endsAt.slice(0, 5)}`;
}

/**
 * The days of a campaign: one day, or "from … to …".
 *
 * @example formatDayRange('2026-12-17', '2026-12-22', 'ary') // 'من الخميس 17 دجنبر حتى التلات 22 دجنبر'
 */
export function formatDayRange(first: string, last: string, locale: Locale): string {
  if (first === last) return formatDay(first, locale);
  const [from, to] = FROM_TO[locale].days;
  return `${from} ${formatDay(first, locale)} ${to} ${formatDay(last, locale)}`;
}
