// The campaigns a desk can work at: the organisation's published ones that have not ended, soonest
// first, so the desk picks one (and its day, today by default) without reading the coordinators' list.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { DeskCampaign } from '../../http/console/desk.schemas.ts';

/** At most this many: an organisation runs a few campaigns at a time. */
const MAX_DESK_CAMPAIGNS = 50;

export async function deskCampaigns(db: Kysely<Database>, organisationId: number, today: string): Promise<DeskCampaign[]> {
  const rows = await db
    .selectFrom('campaigns')
    .select(['id', 'title', 'first_day', 'last_day', 'venue_name', 'commune'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'published')
    .where('last_day', '>=', today)
    .orderBy('first_day')
    .orderBy('id')
    .limit(MAX_DESK_CAMPAIGNS)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, firstDay: r.first_day, lastDay: r.last_day, venue: r.venue_name, commune: r.commune }));
}
