// The end of a venue day: the booked people who did not come are marked no-show, each is offered another
// day by one message, and the waiting list of the campaign's next day moves up. Run twice, it marks
// nothing more and sends nothing more: only appointments still 'booked' change, and a no-show's message
// is one notification per appointment.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { QuietHours } from '../../scheduling/quiet-hours.ts';
import type { ScheduledNotification } from '../../scheduling/reminders.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { BookingDeps } from '../appointments/booking.ts';
import { localDay } from '../clock.ts';
import { promoteFromWaitlist } from '../appointments/waitlist.ts';
import { queueVenueMessages } from './venue-messages.ts';

export interface CloseDaySettings {
  zone: string;
  quiet: QuietHours;
  booking: BookingDeps;
}

export interface ClosedDay {
  /** The appointments marked no-show by this close. */
  noShows: number[];
  /** The offers of another day, for their timers once committed (the bulk lane sends them). */
  messages: ScheduledNotification[];
  /** Appointments the next day's waiting list got. */
  promoted: number[];
}

/**
 * Closes `day` of the organisation's campaign; undefined when the campaign is not theirs.
 *
 * @example const closed = await db.transaction().execute((trx) => closeDay(trx, actor, orgId, 12, '2026-12-14', now, settings));
 */
export async function closeDay(trx: Kysely<Database>, actor: Actor, organisationId: number, campaignId: number, day: string, now: Date, settings: CloseDaySettings): Promise<ClosedDay | undefined> {
  const campaign = await trx.selectFrom('campaigns').select('id').where('id', '=', campaignId).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!campaign) return undefined;
  // Marked in the update itself: a desk checking someone in at the same moment wins or loses cleanly.
  const marked = await trx
    .updateTable('appointments')
    .set({ status: 'no_show', updated_at: sql<Date>`now()` })
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'booked')
    .where('slot_id', 'in', (eb) => eb.selectFrom('slots').select('id').where('campaign_id', '=', campaignId).where('day', '=', day))
    .returning(['id', 'beneficiary_id'])
    .execute();
  for (const a of marked) await recordAudit(trx, { actor, action: 'appointment.no_show', entity: 'appointment', entityId: a.id, details: { closedDay: day } });
  // One kind message each offering another day, for those a message may reach.
  const messages = await queueVenueMessages(trx, 'no_show', marked.map((a) => a.id), now, settings);
  const promoted = await moveNextDayUp(trx, actor, campaignId, day, now, settings);
  if (marked.length > 0 || promoted.length > 0) {
    await recordAudit(trx, { actor, action: 'campaign.close_day', entity: 'campaign', entityId: campaignId, details: { day, noShows: marked.length, messages: messages.length, promoted: promoted.length } });
  }
  return { noShows: marked.map((a) => a.id), messages, promoted };
}

/**
 * A no-show frees nothing on the day just closed: it is over. What moves up is the waiting list of the
 * campaign's next day: each of its windows with a free place (a cancellation nobody could take then, a
 * capacity raised) is offered to the people waiting for it, as a cancellation would.
 */
async function moveNextDayUp(trx: Kysely<Database>, actor: Actor, campaignId: number, day: string, now: Date, settings: CloseDaySettings): Promise<number[]> {
  const next = await trx.selectFrom('slots').select((eb) => eb.fn.min('day').as('day')).where('campaign_id', '=', campaignId).where('day', '>', day).executeTakeFirst();
  if (!next?.day) return [];
  const free = await trx.selectFrom('slots').select('id').where('campaign_id', '=', campaignId).where('day', '=', next.day).whereRef('booked', '<', 'capacity').orderBy('starts_at').orderBy('id').execute();
  const ctx = { actor, channel: 'staff' as const, today: localDay(now, settings.zone) };
  const promoted: number[] = [];
  for (const slot of free) {
    for (;;) {
      const p = await promoteFromWaitlist(trx, ctx, slot.id, settings.booking);
      if (!p) break;
      promoted.push(p.appointment.id);
    }
  }
  return promoted;
}
