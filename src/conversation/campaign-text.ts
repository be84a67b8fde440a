// How a campaign, a service and a time window read in a message, in each locale.
import type { LocalizedText } from '../db/tables.ts';
import type { UpcomingCampaign } from '../domain/campaigns/campaign-finder.ts';
import { PROVINCES, REGIONS } from '../domain/geo/morocco-territory.data.ts';
import { formatDayRange } from '../i18n/dates.ts';
import { isolateIn } from '../i18n/bidi.ts';
import type { Locale } from '../i18n/translator.ts';
import type { Say } from './say.ts';

const ARABIC_SCRIPT: ReadonlySet<Locale> = new Set(['ary', 'ar']);

/** A campaign's own words in the villager's locale, falling back to the same script, then French. */
export function localized(text: LocalizedText, locale: Locale): string {
  const sameScript = ARABIC_SCRIPT.has(locale) ? (text.ar ?? text.ary) : text['ary-Latn'];
  return text[locale] ?? sameScript ?? text.fr;
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

/** Where a campaign is, as a line of a message: its venue and commune, each isolated where Latin in Arabic script. */
export function placeOf(c: Pick<UpcomingCampaign, 'venue' | 'commune'>, locale: Locale): string {
  return `${isolateIn(locale, c.venue.name)}, ${isolateIn(locale, c.commune)}`;
}

/** One campaign as a short block: title, dates, place, and places left per service. */
export function describeCampaign(s: Say, c: UpcomingCampaign): string {
  const distance = c.distanceKm !== undefined ? ` (${s.t('campaigns:distance', { km: Math.round(c.distanceKm) })})` : '';
  const services = c.services.map((o) =>
    `• ${serviceName(s, o.service)}: ${o.remaining > 0 ? s.t('campaigns:placesLeft', { count: o.remaining }) : s.t('campaigns:full')}`,
  );
  return [
    `🏥 ${localized(c.title, s.locale)}`,
    `📅 ${formatDayRange(c.firstDay, c.lastDay, s.locale)}`,
    `📍 ${placeOf(c, s.locale)}${distance}`,
    ...services,
  ].join('\n');
}
