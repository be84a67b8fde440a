// Erasing a contact's personal data on request, keeping only anonymous counts.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { WriteContext } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { BookingDeps } from '../appointments/booking.ts';
import { cancelAppointment } from '../appointments/cancellation.ts';

export interface ErasureResult {
  beneficiaries: number;
  cancelledAppointments: number;
}

/**
 * Blanks the phone, consent, language and province of the contact, the names, sex, birth year and
 * commune of every person they registered; cancels their upcoming appointments (freeing the places)
 * and drops their subscriptions, waiting notifications and handoff messages. Appointment rows stay, with no personal field,
 * so a campaign's counts do not change. The chat identity stays, so the person can still write.
 */
export async function eraseContact(trx: Kysely<Database>, ctx: WriteContext, contactId: number, deps: BookingDeps): Promise<ErasureResult> {
  const upcoming = await trx
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .select('a.id')
    .where('b.contact_id', '=', contactId)
    .where('a.status', '=', 'booked')
    .where('s.day', '>=', ctx.today)
    .execute();
  for (const a of upcoming) await cancelAppointment(trx, ctx, a.id, deps);
  await trx
    .updateTable('waitlist_entries')
    .set({ status: 'cancelled', updated_at: sql<Date>`now()` })
    .where('status', '=', 'waiting')
    .where('beneficiary_id', 'in', (eb) => eb.selectFrom('beneficiaries').select('id').where('contact_id', '=', contactId))
    .execute();
  const erased = await trx
    .updateTable('beneficiaries')
    .set({ full_name: null, sex: null, birth_year: null, commune: null, blood_group: null, erased_at: sql<Date>`now()` })
    .where('contact_id', '=', contactId)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  await trx
    .updateTable('contacts')
    .set({ phone_e164: null, locale: null, province_code: null, consent_at: null, donor_recall_at: null, updated_at: sql<Date>`now()` })
    .where('id', '=', contactId)
    .execute();
  // The blood centre keeps its own records; Qafila keeps the days (for counts), not the blood group.
  await trx
    .updateTable('donations')
    .set({ blood_group: null })
    .where('beneficiary_id', 'in', (eb) => eb.selectFrom('beneficiaries').select('id').where('contact_id', '=', contactId))
    .execute();
  await trx.deleteFrom('alert_subscriptions').where('contact_id', '=', contactId).execute();
  // Nothing more is said to them unasked: reminders and check-ins waiting to go are dropped.
  await trx.updateTable('notifications').set({ status: 'cancelled', reason: 'data erased', updated_at: sql<Date>`now()` }).where('contact_id', '=', contactId).where('status', 'in', ['pending', 'queued']).execute();
  await trx
    .deleteFrom('handoff_messages')
    .where('ticket_id', 'in', (eb) => eb.selectFrom('handoff_tickets').select('id').where('contact_id', '=', contactId))
    .execute();
  const result = { beneficiaries: Number(erased.numUpdatedRows), cancelledAppointments: upcoming.length };
  await recordAudit(trx, { actor: ctx.actor, action: 'contact.erase', entity: 'contact', entityId: contactId, details: { ...result } });
  return result;
}
