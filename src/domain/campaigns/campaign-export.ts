// A campaign as the file that would import it again: what the console's form opens to edit a campaign.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { CampaignFileInput } from './campaign-file.ts';

type ServiceInput = CampaignFileInput['services'][number];

/** One window per slot, on its own day: the form regroups them; importing the result changes nothing. */
export async function campaignFileOf(db: Kysely<Database>, organisationId: number, campaignId: number): Promise<CampaignFileInput | undefined> {
  const c = await db.selectFrom('campaigns').selectAll().where('id', '=', campaignId).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!c) return undefined;
  const services = await db.selectFrom('campaign_services').selectAll().where('campaign_id', '=', campaignId).orderBy('service').execute();
  const slots = await db.selectFrom('slots').select(['service', 'day', 'starts_at', 'ends_at', 'capacity']).where('campaign_id', '=', campaignId).orderBy('service').orderBy('day').orderBy('starts_at').execute();
  const reminders = Array.isArray(c.reminder_rules) ? (c.reminder_rules as Array<{ daysBefore: number; at: string }>).map(({ daysBefore, at }) => ({ daysBefore, at })) : undefined;
  return {
    slug: c.slug,
    kind: c.kind,
    title: c.title,
    description: c.description,
    province: c.province_code,
    commune: c.commune_names ?? c.commune,
    venue: { name: c.venue_names ?? c.venue_name, lat: c.venue_lat, lon: c.venue_lon },
    firstDay: c.first_day,
    lastDay: c.last_day,
    status: c.status,
    donorTarget: c.donor_target,
    ...(c.staff_telegram_chat ? { staffTelegramChat: c.staff_telegram_chat } : {}),
    ...(reminders ? { reminders } : {}),
    services: services.map((s): ServiceInput => ({
      code: s.service as ServiceInput['code'],
      requiresFasting: s.requires_fasting,
      ...(s.audience ? { audience: s.audience as ServiceInput['audience'] } : {}),
      ...(Array.isArray(s.checkin_days) ? { checkinDays: s.checkin_days as number[] } : {}),
      windows: slots
        .filter((slot) => slot.service === s.service)
        .map((slot) => ({ days: [slot.day], start: slot.starts_at.slice(0, 5), end: slot.ends_at.slice(0, 5), capacity: slot.capacity })),
    })),
  };
}
