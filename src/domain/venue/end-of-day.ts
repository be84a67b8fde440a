// The end of a venue day: the booked people who did not come are marked no-show, each is offered another
// day by one message, and the waiting list of the campaign's next day moves up. Run twice, it marks
// nothing more and sends nothing more: only appointments still 'booked' change, and a no-show's message
// is one notification per appointment.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { outOfQuietHours, type QuietHours } from '../../scheduling/quiet-hours.ts';
import type { ScheduledNotification } from '../../scheduling/reminders.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { BookingDeps } from '../appointments/booking.ts';
import { localDay } from '../clock.ts';
import { promoteFromWaitlist } from '../appointments/waitlist.ts';

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

/** The label of a no-show's offer: one per appointment, whatever the number of closes. */
export const NO_SHOW_LABEL = 'no_show';

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
  const messages = await offerAnotherDay(trx, marked.map((a) => a.id), now, settings);
  const promoted = await moveNextDayUp(trx, actor, campaignId, day, now, settings);
  if (marked.length > 0 || promoted.length > 0) {
    await recordAudit(trx, { actor, action: 'campaign.close_day', entity: 'campaign', entityId: campaignId, details: { day, noShows: marked.length, messages: messages.length, promoted: promoted.length } });
  }
  return { noShows: marked.map((a) => a.id), messages, promoted };
}

/**
 * One notification per no-show, due now or at the end of the quiet hours, for those a message may reach:
 * consent given, not opted out, not erased. Its firing checks all this again and writes the outbox row
 * in the person's language at that time.
 */
async function offerAnotherDay(trx: Kysely<Database>, appointmentIds: number[], now: Date, settings: CloseDaySettings): Promise<ScheduledNotification[]> {
  if (appointmentIds.length === 0) return [];
  const dueAt = outOfQuietHours(now, settings.zone, settings.quiet);
  const rows = await trx
    .insertInto('notifications')
    .columns(['kind', 'contact_id', 'appointment_id', 'label', 'due_at'])
    .expression((eb) =>
      eb
        .selectFrom('appointments as a')
        .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
        .innerJoin('contacts as k', 'k.id', 'b.contact_id')
        .select([sql.lit('no_show').as('kind'), 'k.id', 'a.id', sql.lit(NO_SHOW_LABEL).as('label'), sql<Date>`${dueAt}::timestamptz`.as('due_at')])
        .where('a.id', 'in', appointmentIds)
        .where('b.erased_at', 'is', null)
        .where('k.consent_at', 'is not', null)
        .where('k.opted_out_at', 'is', null),
    )
    .onConflict((oc) => oc.columns(['appointment_id', 'label']).where('status', 'in', ['pending', 'queued', 'sent']).doNothing())
    .returning(['id', 'due_at'])
    .execute();
  return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
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
