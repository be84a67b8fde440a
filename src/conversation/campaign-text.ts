// How a campaign, a service and a time window read in a message, in each locale.
import type { LocalizedText } from '../db/tables.ts';
import type { UpcomingCampaign } from '../domain/campaigns/campaign-finder.ts';
import { inLocale } from '../domain/campaigns/localized-text.ts';
import { PROVINCES, REGIONS } from '../domain/geo/morocco-territory.data.ts';
import { formatDayRange } from '../i18n/dates.ts';
import { isolateIn, isRightToLeft } from '../i18n/bidi.ts';
import { ARABIC_SCRIPT_LOCALES as ARABIC_SCRIPT, type Locale } from '../i18n/locales.ts';
import type { Say } from './say.ts';

/** A campaign's own words in the villager's locale, falling back to the same script, then French, then Arabic. */
export function localized(text: LocalizedText, locale: Locale): string {
  return inLocale(text, locale);
}

export function provinceName(code: string, locale: Locale): string {
  const p = PROVINCES.find((x) => x.code === code);
  if (!p) return code;
  return ARABIC_SCRIPT.has(locale) ? p.nameAr : p.nameFr;
}

export function regionName(code: string, locale: Locale): string {
  const r = REGIONS.find((x) => x.code === code);
  if (!r) return code;
  return ARABIC_SCRIPT.has(locale) ? r.nameAr : r.nameFr;
}

export function serviceName(s: Say, service: string): string {
  return s.t(`services:${service}`);
}

type Named = Pick<UpcomingCampaign, 'venue' | 'commune' | 'names'>;

/** The venue's name in the locale when the campaign file gave one, else its only name; isolated where Latin in Arabic script. */
export function venueName(c: Named, locale: Locale): string {
  return isolateIn(locale, c.names?.venue ? localized(c.names.venue, locale) : c.venue.name);
}

/** Where a campaign is, as a line of a message: its venue and commune in the locale, each isolated where Latin in Arabic script. */
export function placeOf(c: Named, locale: Locale): string {
  const commune = c.names?.commune ? localized(c.names.commune, locale) : c.commune;
  return `${venueName(c, locale)}${isRightToLeft(locale) ? '، ' : ', '}${isolateIn(locale, commune)}`;
}

/** Farther than this from the place asked about, a campaign is not "near" it: the list says how far the nearest is. */
export const NEAR_KM = 60;

/** "à 538 km", or nothing when the distance is not known. */
export function distanceText(s: Say, c: Pick<UpcomingCampaign, 'distanceKm'>): string | undefined {
  return c.distanceKm === undefined ? undefined : s.t('campaigns:distance', { km: Math.round(c.distanceKm) });
}

/**
 * One campaign in three lines: title, dates, place and how far. Its services come once it is chosen,
 * so a list of five campaigns stays short enough to read on a phone.
 */
export function describeCampaign(s: Say, c: UpcomingCampaign): string {
  const distance = distanceText(s, c);
  return [
    `🏥 ${localized(c.title, s.locale)}`,
    `📅 ${formatDayRange(c.firstDay, c.lastDay, s.locale)}`,
    `📍 ${placeOf(c, s.locale)}${distance ? ` (${distance})` : ''}`,
  ].join('\n');
}

/**
 * The line above a list of campaigns, nearest first: near the place, or honestly how far the nearest
 * one is. A campaign in the province asked about is near it, however large the province.
 */
export function campaignsHeader(s: Say, list: readonly UpcomingCampaign[], place: string, provinceCode?: string): string {
  const nearest = list[0];
  const far = nearest?.distanceKm !== undefined && nearest.distanceKm > NEAR_KM && nearest.provinceCode !== provinceCode;
  return far ? s.t('campaigns:headerFar', { place, km: Math.round(nearest.distanceKm ?? 0) }) : s.t('campaigns:header', { place });
}
