// Upcoming published campaigns a villager can go to, nearest first, with what each still offers.
import { sql, type Kysely } from 'kysely';
import type { CampaignKind, Database, LocalizedText } from '../../db/tables.ts';
import { distanceKm, EARTH_RADIUS_KM } from '../geo/distance.ts';
import { AudienceSchema, audienceOf, type Audience } from './service-audience.ts';

export type Near = { provinceCode: string } | { lat: number; lon: number };

export interface ServiceOffer {
  service: string;
  requiresFasting: boolean;
  /** Who may be booked for it (the campaign's choice, or the service's default). */
  audience: Audience;
  capacity: number;
  remaining: number;
}

export interface UpcomingCampaign {
  id: number;
  slug: string;
  kind: CampaignKind;
  organisationName: string;
  title: LocalizedText;
  provinceCode: string;
  commune: string;
  venue: { name: string; lat: number; lon: number };
  /** The venue's and commune's names per locale, when the campaign file gave them. */
  names?: { venue?: LocalizedText; commune?: LocalizedText };
  firstDay: string;
  lastDay: string;
  donorTarget: number | null;
  /** Distance from the point asked about; undefined when no point was given. */
  distanceKm?: number;
  services: ServiceOffer[];
}

export interface CampaignQuery {
  today: string;
  near?: Near;
  kind?: CampaignKind;
  /** Only this campaign (still upcoming and published). */
  id?: number;
  limit?: number;
}

/**
 * @example
 * const list = await listUpcomingCampaigns(db, { today: '2026-12-01', near: { provinceCode: 'tinghir' } });
 * list[0].services; // [{ service: 'surgery', remaining: 112, ... }]
 */
export async function listUpcomingCampaigns(db: Kysely<Database>, query: CampaignQuery): Promise<UpcomingCampaign[]> {
  const origin = query.near ? await resolvePoint(db, query.near) : undefined;
  // Nearest first when a point is given, soonest first otherwise; sorted and cut in SQL, so a country's
  // worth of campaigns is never loaded to show the ten nearest.
  const distance = origin
    ? sql<number>`2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(power(sin(radians(campaigns.venue_lat - ${origin.lat}) / 2), 2) + cos(radians(${origin.lat})) * cos(radians(campaigns.venue_lat)) * power(sin(radians(campaigns.venue_lon - ${origin.lon}) / 2), 2))))`
    : undefined;
  const campaigns = await db
    .selectFrom('campaigns')
    .innerJoin('organisations', 'organisations.id', 'campaigns.organisation_id')
    .selectAll('campaigns')
    .select('organisations.name as organisation_name')
    .where('campaigns.status', '=', 'published')
    .where('campaigns.last_day', '>=', query.today)
    .$if(query.kind !== undefined, (q) => q.where('campaigns.kind', '=', query.kind ?? 'caravan'))
    .$if(query.id !== undefined, (q) => q.where('campaigns.id', '=', query.id ?? 0))
    .$if(distance !== undefined, (q) => q.orderBy(sql`${distance}`))
    .orderBy('campaigns.first_day')
    .orderBy('campaigns.id')
    .$if(query.limit !== undefined, (q) => q.limit(query.limit ?? 0))
    .execute();
  if (campaigns.length === 0) return [];

  const offers = await listOffers(db, campaigns.map((c) => c.id), query.today);
  return campaigns.map((c): UpcomingCampaign => {
    const venue = { name: c.venue_name, lat: c.venue_lat, lon: c.venue_lon };
    return {
      id: c.id,
      slug: c.slug,
      kind: c.kind,
      organisationName: c.organisation_name,
      title: c.title,
      provinceCode: c.province_code,
      commune: c.commune,
      venue,
      ...(c.venue_names || c.commune_names ? { names: { ...(c.venue_names ? { venue: c.venue_names } : {}), ...(c.commune_names ? { commune: c.commune_names } : {}) } } : {}),
      firstDay: c.first_day,
      lastDay: c.last_day,
      donorTarget: c.donor_target,
      ...(origin ? { distanceKm: Math.round(distanceKm(origin, venue) * 10) / 10 } : {}),
      services: offers.get(c.id) ?? [],
    };
  });
}

async function listOffers(db: Kysely<Database>, campaignIds: number[], today: string): Promise<Map<number, ServiceOffer[]>> {
  const rows = await db
    .selectFrom('campaign_services as cs')
    .leftJoin('slots', (join) =>
      join
        .onRef('slots.campaign_id', '=', 'cs.campaign_id')
        .onRef('slots.service', '=', 'cs.service')
        .on('slots.day', '>=', today),
    )
    .select((eb) => [
      'cs.campaign_id',
      'cs.service',
      'cs.requires_fasting',
      'cs.audience',
      eb.fn.coalesce(eb.fn.sum<number>('slots.capacity'), eb.lit(0)).as('capacity'),
      eb.fn.coalesce(eb.fn.sum<number>(eb('slots.capacity', '-', eb.ref('slots.booked'))), eb.lit(0)).as('remaining'),
    ])
    .where('cs.campaign_id', 'in', campaignIds)
    .groupBy(['cs.campaign_id', 'cs.service', 'cs.requires_fasting', 'cs.audience'])
    .orderBy('cs.campaign_id')
    .orderBy('cs.service')
    .execute();
  const byCampaign = new Map<number, ServiceOffer[]>();
  for (const r of rows) {
    const list = byCampaign.get(r.campaign_id) ?? [];
    const chosen = AudienceSchema.safeParse(r.audience);
    list.push({ service: r.service, requiresFasting: r.requires_fasting, audience: audienceOf(r.service, chosen.success ? chosen.data : null), capacity: Number(r.capacity), remaining: Number(r.remaining) });
    byCampaign.set(r.campaign_id, list);
  }
  return byCampaign;
}

async function resolvePoint(db: Kysely<Database>, near: Near): Promise<{ lat: number; lon: number }> {
  if ('lat' in near) return near;
  const province = await db
    .selectFrom('provinces')
    .select(['lat', 'lon'])
    .where('code', '=', near.provinceCode)
    .executeTakeFirst();
  if (!province) throw new RangeError(`Unknown province code ${JSON.stringify(near.provinceCode)}`);
  return province;
}
