// Applies a step's effects through the domain services, inside the message's transaction.
// Each effect runs under a savepoint: a refused booking undoes only itself, and the dialogue goes on.
import { setVoicePrompts } from '../domain/voice/voice-preference.ts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { WriteContext } from '../domain/actor.ts';
import { bookAppointment, type BookingDeps } from '../domain/appointments/booking.ts';
import { cancelAppointment } from '../domain/appointments/cancellation.ts';
import { rescheduleAppointment } from '../domain/appointments/reschedule.ts';
import { joinWaitlist } from '../domain/appointments/waitlist.ts';
import { recordConsent, optIn, optOut, setContactLocale, setContactProvince, subscribeToProvince } from '../domain/contacts/consent.ts';
import { correctPerson } from '../domain/contacts/beneficiary-correction.ts';
import { addBeneficiary } from '../domain/contacts/contact-registry.ts';
import { eraseContact } from '../domain/contacts/erasure.ts';
import { linkPhone } from '../domain/contacts/phone-link.ts';
import { raiseStaffAlert } from '../scheduling/staff-alerts.ts';
import { cancelReminders, scheduleReminders, type ReminderSettings, type ScheduledNotification } from '../scheduling/reminders.ts';
import { BookingRefused } from '../domain/errors.ts';
import { recordAudit } from '../domain/audit/audit-log.ts';
import { addTicketMessage, openTicket, openTicketId } from '../domain/handoff/handoff-tickets.ts';
import { storeVoiceNote, type VoiceNoteInput } from '../domain/handoff/voice-notes.ts';
import type { BeneficiaryRef, Effect, Outcome } from './effects.ts';

export interface EffectScope {
  trx: Kysely<Database>;
  ctx: WriteContext;
  contactId: number;
  /** The phone the channel gave, stored only with consent. */
  phone?: string;
  identity: { channel: string; externalId: string };
  now: Date;
  /** How reminders are timed; absent, none are written. */
  reminders?: ReminderSettings;
  /** Notifications written by these effects, for the caller to start their timers after the commit. */
  scheduled: ScheduledNotification[];
  deps: BookingDeps;
  /** The voice note the channel fetched with this message, for the ticket line that keeps it. */
  voice?: VoiceNoteInput;
}

/** Effects the rules may refuse; only these need a savepoint. */
const REFUSABLE: ReadonlySet<Effect['kind']> = new Set(['book', 'waitlist', 'cancel', 'reschedule', 'confirm_attendance']);

export async function applyEffects(scope: EffectScope, effects: readonly Effect[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const effect of effects) {
    if (!REFUSABLE.has(effect.kind)) {
      outcomes.push(await applyEffect(scope, effect));
      continue;
    }
    await sql`savepoint effect`.execute(scope.trx);
    try {
      // Not released: commit releases it, and a round trip less keeps a booked slot's row lock short.
      outcomes.push(await applyEffect(scope, effect));
    } catch (err) {
      await sql`rollback to savepoint effect`.execute(scope.trx);
      if (!(err instanceof BookingRefused)) throw err;
      outcomes.push({ ok: false, reason: err.reason, ...err.details });
    }
  }
  return outcomes;
}

async function beneficiaryId(scope: EffectScope, ref: BeneficiaryRef): Promise<number> {
  if ('new' in ref) return (await addBeneficiary(scope.trx, scope.ctx, scope.contactId, ref.new)).id;
  const mine = await scope.trx.selectFrom('beneficiaries').select('id').where('id', '=', ref.id).where('contact_id', '=', scope.contactId).executeTakeFirst();
  if (!mine) throw new BookingRefused('beneficiary_not_found', `Beneficiary ${ref.id} is not registered by contact ${scope.contactId}`);
  return mine.id;
}

/** Appointments are only ever touched by the contact who booked them. */
async function assertOwnAppointment(scope: EffectScope, appointmentId: number): Promise<void> {
  const own = await scope.trx
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .select('a.id')
    .where('a.id', '=', appointmentId)
    .where('b.contact_id', '=', scope.contactId)
    .executeTakeFirst();
  if (!own) throw new BookingRefused('appointment_not_found', `Appointment ${appointmentId} is not this contact's`);
}

/** Reminders follow the appointment: written on booking, moved with it, dropped on cancel. */
async function remind(scope: EffectScope, appointmentIds: readonly number[]): Promise<void> {
  if (!scope.reminders) return;
  for (const id of appointmentIds) scope.scheduled.push(...(await scheduleReminders(scope.trx, id, scope.now, scope.reminders)));
}

async function applyEffect(scope: EffectScope, effect: Effect): Promise<Outcome> {
  const { trx, ctx, contactId } = scope;
  switch (effect.kind) {
    case 'consent':
      await recordConsent(trx, ctx, contactId, { locale: effect.locale, ...(scope.phone ? { phone: scope.phone } : {}) });
      return { ok: true };
    case 'set_locale':
      await setContactLocale(trx, contactId, effect.locale);
      return { ok: true };
    case 'set_voice':
      await setVoicePrompts(trx, contactId, effect.on);
      return { ok: true };
    case 'set_province':
      await setContactProvince(trx, contactId, effect.provinceCode);
      return { ok: true };
    case 'book': {
      const id = await beneficiaryId(scope, effect.beneficiary);
      const appointment = await bookAppointment(trx, ctx, { beneficiaryId: id, slotId: effect.slotId }, scope.deps);
      await remind(scope, [appointment.id]);
      return { ok: true, appointmentId: appointment.id, code: appointment.code, beneficiaryId: id };
    }
    case 'waitlist': {
      const id = await beneficiaryId(scope, effect.beneficiary);
      await joinWaitlist(trx, ctx, { beneficiaryId: id, campaignId: effect.campaignId, service: effect.service, ...(effect.day ? { day: effect.day } : {}) }, scope.deps);
      return { ok: true, beneficiaryId: id };
    }
    case 'cancel': {
      await assertOwnAppointment(scope, effect.appointmentId);
      const { promoted } = await cancelAppointment(trx, ctx, effect.appointmentId, scope.deps);
      await cancelReminders(trx, [effect.appointmentId], 'appointment cancelled');
      // The freed place went to the waiting list: that person's reminders start now.
      await remind(scope, promoted ? [promoted.appointment.id] : []);
      return { ok: true, appointmentId: effect.appointmentId };
    }
    case 'reschedule': {
      await assertOwnAppointment(scope, effect.appointmentId);
      const { promoted } = await rescheduleAppointment(trx, ctx, { appointmentId: effect.appointmentId, toSlotId: effect.toSlotId }, scope.deps);
      await cancelReminders(trx, [effect.appointmentId], 'appointment moved');
      await remind(scope, [effect.appointmentId, ...(promoted ? [promoted.appointment.id] : [])]);
      return { ok: true, appointmentId: effect.appointmentId };
    }
    case 'subscribe':
      await subscribeToProvince(trx, contactId, effect.provinceCode);
      return { ok: true };
    case 'opt_out':
      await optOut(trx, ctx, contactId);
      return { ok: true };
    case 'opt_in':
      await optIn(trx, ctx, contactId);
      return { ok: true };
    case 'open_ticket': {
      const voice = effect.voice ? scope.voice : undefined;
      await openTicket(trx, ctx.actor, { contactId, reason: effect.reason, urgent: effect.urgent, ...(effect.text ? { text: effect.text } : {}), ...(voice ? { voice } : {}) });
      return { ok: true };
    }
    case 'ticket_message': {
      const ticketId = await openTicketId(trx, contactId);
      if (ticketId === undefined) return { ok: true };
      const messageId = await addTicketMessage(trx, ticketId, effect.text);
      if (effect.voice && scope.voice) await storeVoiceNote(trx, { ticketId, messageId, contactId }, scope.voice);
      return { ok: true };
    }
    case 'erase': {
      const { promotedAppointmentIds } = await eraseContact(trx, ctx, contactId, scope.deps);
      // The places freed went to the waiting list: those people's reminders start now.
      await remind(scope, promotedAppointmentIds);
      return { ok: true };
    }
    case 'donor_recall':
      await trx.updateTable('contacts').set({ donor_recall_at: effect.on ? scope.now : null, updated_at: scope.now }).where('id', '=', contactId).execute();
      if (!effect.on) {
        await trx.updateTable('notifications').set({ status: 'cancelled', reason: 'donor stopped recalls', updated_at: scope.now }).where('contact_id', '=', contactId).where('kind', '=', 'recall').where('status', 'in', ['pending', 'queued']).execute();
      }
      await recordAudit(trx, { actor: ctx.actor, action: effect.on ? 'donor.recall_on' : 'donor.recall_off', entity: 'contact', entityId: contactId });
      return { ok: true };
    case 'confirm_attendance': {
      await assertOwnAppointment(scope, effect.appointmentId);
      const done = await trx.updateTable('appointments').set({ confirmed_at: scope.now }).where('id', '=', effect.appointmentId).where('status', '=', 'booked').executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) return { ok: false, reason: 'appointment_not_active' };
      await recordAudit(trx, { actor: ctx.actor, action: 'appointment.confirm', entity: 'appointment', entityId: effect.appointmentId });
      return { ok: true, appointmentId: effect.appointmentId };
    }
    case 'checkin_answer': {
      const row = await trx
        .updateTable('checkins')
        .set({
          answers: sql`answers || jsonb_build_object(${effect.question}::text, ${JSON.stringify(effect.value)}::jsonb)`,
          ...(effect.redFlag ? { red_flags: sql`array_append(red_flags, ${effect.question}::text)` } : {}),
          ...(effect.last ? { completed_at: scope.now } : {}),
        })
        .where('notification_id', '=', effect.notificationId)
        .where('appointment_id', 'in', (eb) => eb.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select('a.id').where('b.contact_id', '=', contactId))
        .returning('appointment_id')
        .executeTakeFirst();
      if (row && effect.redFlag) await raiseStaffAlert(trx, 'red_flag', row.appointment_id, { question: effect.question, answer: effect.value });
      return { ok: true };
    }
    case 'correct_person': {
      const result = await correctPerson(trx, ctx, contactId, effect.beneficiaryId, effect.correction);
      if (result === 'corrected') return { ok: true, beneficiaryId: effect.beneficiaryId };
      return { ok: false, reason: result === 'erased' ? 'person_erased' : 'not_yours' };
    }
    case 'link_phone': {
      const linked = await linkPhone(trx, ctx, contactId, scope.identity, effect.phone);
      return linked === 'invalid' ? { ok: false, reason: 'not_yours' } : { ok: true, linked };
    }
  }
}
