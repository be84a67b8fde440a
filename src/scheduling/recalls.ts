// Donor recall: on the day a donor may give again, an invitation to the next blood drive near them —
// only for donors who asked for it in the chat. The drive is chosen when the recall fires, not before.
import { DateTime } from 'luxon';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { RecordedDonation } from '../domain/donors/donations.ts';
import { outOfQuietHours, type QuietHours } from './quiet-hours.ts';
import type { ScheduledNotification } from './reminders.ts';

export interface RecallSettings {
  zone: string;
  quiet: QuietHours;
  /** Local time 'HH:MM' of the invitation. */
  at: string;
}

/** How far a drive may be, and how soon, to be offered; with none, the recall looks again a week later, for three months. */
export const RECALL_RADIUS_KM = 100;
export const RECALL_HORIZON_DAYS = 60;
export const RECALL_RETRY_DAYS = 7;
export const RECALL_GIVE_UP_DAYS = 90;

/** Writes the recall of a donation when its donor opted in; returns it for its timer. */
export async function scheduleRecall(trx: Kysely<Database>, donation: RecordedDonation, settings: RecallSettings): Promise<ScheduledNotification | undefined> {
  const contact = await trx.selectFrom('contacts').select(['donor_recall_at', 'opted_out_at', 'consent_at']).where('id', '=', donation.contactId).executeTakeFirst();
  if (!contact?.donor_recall_at || contact.opted_out_at || !contact.consent_at) return undefined;
  const [h, m] = settings.at.split(':').map(Number);
  const wanted = DateTime.fromISO(donation.nextEligibleOn, { zone: settings.zone }).set({ hour: h ?? 10, minute: m ?? 0 }).toJSDate();
  const row = await trx
    .insertInto('notifications')
    .values({ kind: 'recall', contact_id: donation.contactId, donation_id: donation.donationId, label: 'recall', due_at: outOfQuietHours(wanted, settings.zone, settings.quiet) })
    .onConflict((oc) => oc.column('donation_id').where('donation_id', 'is not', null).where('status', 'in', ['pending', 'queued', 'sent']).doNothing())
    .returning(['id', 'due_at'])
    .executeTakeFirst();
  return row ? { id: row.id, dueAt: row.due_at } : undefined;
}

export interface NearbyDrive {
  campaignId: number;
  title: Record<string, string>;
  firstDay: string;
  commune: string;
  venueName: string;
  km: number;
}

/**
 * The soonest published blood drive with a free place, from `today` to the horizon, within the radius
 * of where the donor last gave (or of their province when they said it).
 */
export async function nextDriveNear(trx: Kysely<Database>, donationId: number, today: string): Promise<NearbyDrive | undefined> {
  const horizon = DateTime.fromISO(today).plus({ days: RECALL_HORIZON_DAYS }).toISODate() ?? today;
  const result = await sql<{ id: number; title: Record<string, string>; first_day: string; commune: string; venue_name: string; km: number }>`
    with origin as (
      select coalesce(p.lat, c.venue_lat) as lat, coalesce(p.lon, c.venue_lon) as lon
      from donations d
      join beneficiaries b on b.id = d.beneficiary_id
      join contacts k on k.id = b.contact_id
      left join provinces p on p.code = k.province_code
      join campaigns c on c.id = d.campaign_id
      where d.id = ${donationId}
    ), drives as (
      select c.id, c.title, c.first_day::text, c.commune, c.venue_name,
        6371 * 2 * asin(sqrt(power(sin(radians(c.venue_lat - o.lat) / 2), 2) + cos(radians(o.lat)) * cos(radians(c.venue_lat)) * power(sin(radians(c.venue_lon - o.lon) / 2), 2))) as km
      from campaigns c, origin o
      where c.kind = 'blood_drive' and c.status = 'published' and c.last_day >= ${today}::date and c.first_day <= ${horizon}::date
        and exists (select 1 from slots s where s.campaign_id = c.id and s.day >= ${today}::date and s.booked < s.capacity)
    )
    select * from drives where km <= ${RECALL_RADIUS_KM} order by first_day, km limit 1`.execute(trx);
  const d = result.rows[0];
  return d ? { campaignId: d.id, title: d.title, firstDay: d.first_day, commune: d.commune, venueName: d.venue_name, km: Math.round(d.km) } : undefined;
}
