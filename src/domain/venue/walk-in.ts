// A person without a booking, registered at the desk and checked in at once: into a window with a place
// left (the window's `booked` counts them, so capacity figures stay true), or, when the coordinator allows
// it, over capacity as a walk-in that the window's places leave out. A family at the desk shares one
// contact by its phone. No message is sent from here: the bot greets a walk-in in the chat only once they
// consented there, as for anyone else.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { WalkInOutcomeSchema, type WalkInBody, type WalkInOutcome } from '../../http/console/desk.schemas.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { insertAppointment, takePlace, type BookingDeps } from '../appointments/booking.ts';
import { addBeneficiary } from '../contacts/contact-registry.ts';
import { normalizePhone } from '../contacts/phone.ts';
import { BookingRefused, InvalidInput } from '../errors.ts';
import { ageOn } from './check-in-decision.ts';
import type { DeskActor, DeskTime } from './check-in.ts';
import { arrivalTime } from './desk-clock.ts';
import { keepAnswer, keptAnswer } from './desk-answers.ts';
import { pickWindow, type DayWindow } from './walk-in-window.ts';

export type WalkInInput = Omit<WalkInBody, 'at'> & { campaignId: number; at?: Date };

/**
 * The walk-in's appointment (its code to give them), `full` when no window has a place and over capacity
 * was not allowed, or undefined when the campaign is not the organisation's (404).
 *
 * @example await inTransaction(db, (trx) => registerWalkIn(trx, actor, orgId, { clientId, campaignId, day, service: 'dental', person, overCapacity: false }, { now, zone }, deps));
 */
export async function registerWalkIn(trx: Kysely<Database>, actor: DeskActor, organisationId: number, input: WalkInInput, time: DeskTime, deps: BookingDeps): Promise<WalkInOutcome | undefined> {
  const campaign = await trx.selectFrom('campaigns').select('id').where('id', '=', input.campaignId).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!campaign) return undefined;
  const at = arrivalTime(input.at ?? time.now, { now: time.now, day: input.day, zone: time.zone });
  // The same walk-in sent twice at once: the second waits here, then finds the first's answer.
  await sql`select pg_advisory_xact_lock(hashtextextended(${input.clientId}, 0))`.execute(trx);
  const kept = await keptAnswer(trx, organisationId, input.clientId, 'walk_in');
  if (kept !== undefined) return WalkInOutcomeSchema.parse(kept);

  const windows = await dayWindows(trx, input);
  if (windows.length === 0) throw new InvalidInput([`service: ${input.service} has no window on ${input.day} in this campaign`]);
  if (input.slotId !== undefined && !windows.some((w) => w.slotId === input.slotId)) throw new InvalidInput([`slotId: ${input.slotId} is not a window of ${input.service} on ${input.day}`]);
  const slot = input.overCapacity ? pickWindow(windows, { slotId: input.slotId, at, zone: time.zone }) : await takeAnyPlace(trx, windows, { slotId: input.slotId, at, zone: time.zone });
  if (!slot) return { kind: 'full', windows: windows.map(({ fasting: _fasting, ...w }) => w) };

  const ctx = { actor, channel: 'staff' as const, today: input.day };
  const contact = await deskContact(trx, input.person, time.now);
  const birthYear = input.person.birthYear ?? Number(input.day.slice(0, 4)) - (input.person.age ?? 0);
  const person = { fullName: input.person.name, sex: input.person.sex, birthYear, commune: input.person.commune };
  const beneficiary = await addBeneficiary(trx, ctx, contact.id, { relation: contact.created ? 'self' : 'other', ...person });
  const booked = await insertAppointment(trx, ctx, beneficiary.id, { id: slot.slotId, campaign_id: input.campaignId, service: input.service }, deps);
  await trx
    .updateTable('appointments')
    .set({ status: 'attended', walk_in: input.overCapacity, arrived_at: at, arrived_by: actor.id, arrival_client_id: input.clientId })
    .where('id', '=', booked.id)
    .execute();
  await recordAudit(trx, { actor, action: 'appointment.walk_in', entity: 'appointment', entityId: booked.id, details: { slotId: slot.slotId, overCapacity: input.overCapacity, clientId: input.clientId } });

  const outcome: WalkInOutcome = {
    kind: 'walked_in',
    appointmentId: booked.id,
    code: booked.code,
    person: { name: person.fullName, age: ageOn(input.day, birthYear), sex: person.sex, commune: person.commune },
    service: input.service,
    window: { start: slot.start, end: slot.end },
    fasting: slot.fasting,
    arrivedAt: at.toISOString(),
    overCapacity: input.overCapacity,
  };
  const record = { clientId: input.clientId, kind: 'walk_in' as const, organisationId, campaignId: input.campaignId, appointmentId: booked.id, staffId: actor.id, at };
  await keepAnswer(trx, { ...record, outcome: outcome.kind, answer: outcome });
  return outcome;
}

async function dayWindows(trx: Kysely<Database>, input: WalkInInput): Promise<DayWindow[]> {
  const rows = await trx
    .selectFrom('slots as s')
    .leftJoin('campaign_services as cs', (join) => join.onRef('cs.campaign_id', '=', 's.campaign_id').onRef('cs.service', '=', 's.service'))
    .select(['s.id', 's.starts_at', 's.ends_at', 's.booked', 's.capacity', 'cs.requires_fasting'])
    .where('s.campaign_id', '=', input.campaignId)
    .where('s.service', '=', input.service)
    .where('s.day', '=', input.day)
    .orderBy('s.starts_at')
    .execute();
  return rows.map((r) => ({ slotId: r.id, start: r.starts_at.slice(0, 5), end: r.ends_at.slice(0, 5), booked: r.booked, capacity: r.capacity, fasting: r.requires_fasting ?? false }));
}

/** Takes a place in the chosen window, or else in the windows nearest to now that have one; undefined when all are full. */
async function takeAnyPlace(trx: Kysely<Database>, windows: DayWindow[], choice: { slotId: number | undefined; at: Date; zone: string }): Promise<DayWindow | undefined> {
  const first = pickWindow(windows, choice);
  const order = choice.slotId !== undefined ? windows.filter((w) => w.slotId === choice.slotId) : [first, ...windows.filter((w) => w !== first)];
  for (const window of order) {
    if (!window) continue;
    try {
      await takePlace(trx, window.slotId);
      return window;
    } catch (err) {
      if (!(err instanceof BookingRefused)) throw err;
    }
  }
  return undefined;
}

/** The contact of the phone given (a family's, from the first of them), or a new one without a phone. */
async function deskContact(trx: Kysely<Database>, person: WalkInBody['person'], now: Date): Promise<{ id: number; created: boolean }> {
  const consentAt = person.consent ? now : null;
  if (person.phone === undefined || person.phone.trim() === '') {
    const row = await trx.insertInto('contacts').values({ phone_e164: null, locale: null, province_code: null, consent_at: consentAt, opted_out_at: null }).returning('id').executeTakeFirstOrThrow();
    return { id: row.id, created: true };
  }
  const phone = normalizePhone(person.phone);
  if (!phone.ok) throw new InvalidInput([`person.phone: ${phone.error}`]);
  const created = await trx
    .insertInto('contacts')
    .values({ phone_e164: phone.e164, locale: null, province_code: null, consent_at: consentAt, opted_out_at: null })
    .onConflict((oc) => oc.column('phone_e164').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (created) return { id: created.id, created: true };
  const existing = await trx.selectFrom('contacts').select(['id', 'consent_at']).where('phone_e164', '=', phone.e164).executeTakeFirstOrThrow();
  if (person.consent && existing.consent_at === null) await trx.updateTable('contacts').set({ consent_at: now, updated_at: sql<Date>`now()` }).where('id', '=', existing.id).execute();
  return { id: existing.id, created: false };
}
