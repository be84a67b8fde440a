// Checking a person in at the desk by their code: the campaign must be the organisation's, the answer is
// kept under the desk's client id, and the appointment's row lock makes two desks scanning one code at
// once take turns, so one appointment never gets two "checked in".
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { CheckinOutcomeSchema, type CheckinOutcome } from '../../http/console/desk.schemas.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { normalizeConfirmationCode } from '../appointments/confirmation-code.ts';
import { inLocale } from '../campaigns/localized-text.ts';
import { arrivalDetails, decideCheckIn, type FoundAppointment } from './check-in-decision.ts';
import { arrivalTime } from './desk-clock.ts';
import { keepAnswer, keptAnswer, replaceAnswer } from './desk-answers.ts';

export interface DeskActor {
  kind: 'staff';
  id: number;
}

export interface DeskTime {
  now: Date;
  /** The campaigns' time zone: a day starts at its midnight. */
  zone: string;
}

export interface ScanInput {
  campaignId: number;
  day: string;
  code: string;
  clientId: string;
  at: Date;
}

/**
 * The outcome of a scan, or undefined when the campaign is not the organisation's (404).
 *
 * @example await inTransaction(db, (trx) => checkIn(trx, { kind: 'staff', id: 7 }, orgId, { campaignId, day, code: 'k7f-3qx', clientId, at }, { now, zone }));
 */
export async function checkIn(trx: Kysely<Database>, actor: DeskActor, organisationId: number, input: ScanInput, time: DeskTime): Promise<CheckinOutcome | undefined> {
  const campaign = await trx.selectFrom('campaigns').select('id').where('id', '=', input.campaignId).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!campaign) return undefined;
  const at = arrivalTime(input.at, { now: time.now, day: input.day, zone: time.zone });
  const kept = await keptAnswer(trx, organisationId, input.clientId, 'checkin');
  if (kept !== undefined) return CheckinOutcomeSchema.parse(kept);

  const code = normalizeConfirmationCode(input.code);
  const found = code === undefined ? undefined : await findForUpdate(trx, code);

  const decision = decideCheckIn(found, { organisationId, campaignId: input.campaignId, day: input.day, clientId: input.clientId, at });
  const ours = found && found.organisationId === organisationId ? found : undefined;
  if (decision.arrive && ours) {
    await trx
      .updateTable('appointments')
      .set({ status: 'attended', arrived_at: at, arrived_by: actor.id, arrival_client_id: input.clientId, updated_at: sql<Date>`now()` })
      .where('id', '=', ours.id)
      .execute();
    await recordAudit(trx, { actor, action: 'appointment.attended', entity: 'appointment', entityId: ours.id, details: { clientId: input.clientId, at: at.toISOString() } });
    if (decision.displaces) {
      // The arrival this one replaces (a later one that reached the server first, or one before a
      // no-show mark): its desk is told on its next send.
      const by = await trx.selectFrom('staff').select('name').where('id', '=', actor.id).executeTakeFirst();
      const already: CheckinOutcome = { kind: 'already', ...arrivalDetails(ours), at: at.toISOString(), by: by?.name ?? null, firstClientId: input.clientId };
      await replaceAnswer(trx, decision.displaces, 'already', already);
    }
  }
  const record = { clientId: input.clientId, kind: 'checkin' as const, organisationId, campaignId: input.campaignId, appointmentId: ours?.id ?? null, staffId: actor.id, at };
  if (await keepAnswer(trx, { ...record, outcome: decision.outcome.kind, answer: decision.outcome })) return decision.outcome;
  // The same scan sent twice at once: the twin kept its answer first (this one, after waiting for the
  // appointment's lock, found its own arrival and changed nothing), and that answer is the one.
  return CheckinOutcomeSchema.parse(await keptAnswer(trx, organisationId, input.clientId, 'checkin'));
}

/**
 * The appointment of `code` in any organisation (the decision hides another's), locked until commit. A
 * desk that waited for the lock reads the row as the other desk left it: the arrival and the name of
 * who made it (a subquery of the locked row, so it is read again with it).
 */
async function findForUpdate(trx: Kysely<Database>, code: string): Promise<FoundAppointment | undefined> {
  const row = await trx
    .selectFrom('appointments as a')
    .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .select((eb) => [
      'a.id',
      'a.code',
      'c.organisation_id',
      'a.campaign_id',
      'c.title',
      'a.status',
      's.day',
      'a.service',
      's.starts_at',
      's.ends_at',
      eb.selectFrom('campaign_services as cs').select('cs.requires_fasting').whereRef('cs.campaign_id', '=', 'a.campaign_id').whereRef('cs.service', '=', 'a.service').as('requires_fasting'),
      'b.full_name',
      'b.sex',
      'b.birth_year',
      'b.commune',
      'a.arrived_at',
      eb.selectFrom('staff as st').select('st.name').whereRef('st.id', '=', 'a.arrived_by').as('arrived_by'),
      'a.arrival_client_id',
      'a.updated_at',
    ])
    .where('a.code', '=', code)
    .forUpdate('a')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    code: row.code,
    organisationId: row.organisation_id,
    campaignId: row.campaign_id,
    // Said to the desk in the console's words: French, or Arabic when the campaign has no French title.
    campaignTitle: inLocale(row.title, 'fr'),
    status: row.status,
    day: row.day,
    service: row.service,
    start: row.starts_at.slice(0, 5),
    end: row.ends_at.slice(0, 5),
    fasting: row.requires_fasting ?? false,
    name: row.full_name,
    sex: row.sex,
    birthYear: row.birth_year,
    commune: row.commune,
    arrivedAt: row.arrived_at,
    arrivedBy: row.arrived_by,
    arrivalClientId: row.arrival_client_id,
    updatedAt: row.updated_at,
  };
}
