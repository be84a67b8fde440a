// Donor recall: on the day a donor may give again, an invitation to the next blood drive near them —
// only for donors who asked for it in the chat. The drive is chosen when the recall fires, not before.
import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import { listUpcomingCampaigns, type UpcomingCampaign } from '../domain/campaigns/campaign-finder.ts';
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

/**
 * The soonest published blood drive with a free place, from `today` to the horizon, within the radius
 * of the donor's province when they said it, or else of where they gave.
 */
export async function nextDriveNear(trx: Kysely<Database>, donationId: number, today: string): Promise<UpcomingCampaign | undefined> {
  const origin = await trx
    .selectFrom('donations as d')
    .innerJoin('beneficiaries as b', 'b.id', 'd.beneficiary_id')
    .innerJoin('contacts as k', 'k.id', 'b.contact_id')
    .innerJoin('campaigns as c', 'c.id', 'd.campaign_id')
    .select(['k.province_code', 'c.venue_lat', 'c.venue_lon'])
    .where('d.id', '=', donationId)
    .executeTakeFirst();
  if (!origin) return undefined;
  const near = origin.province_code ? { provinceCode: origin.province_code } : { lat: origin.venue_lat, lon: origin.venue_lon };
  const horizon = DateTime.fromISO(today).plus({ days: RECALL_HORIZON_DAYS }).toISODate() ?? today;
  const drives = await listUpcomingCampaigns(trx, { today, near, kind: 'blood_drive' });
  return drives
    .filter((d) => (d.distanceKm ?? Infinity) <= RECALL_RADIUS_KM && d.firstDay <= horizon && d.services.some((o) => o.remaining > 0))
    .sort((a, b) => a.firstDay.localeCompare(b.firstDay) || (a.distanceKm ?? 0) - (b.distanceKm ?? 0))[0];
}
