// Recording a blood donation at a drive: the appointment counts as attended, the blood group is kept
// for appeals, and the day the donor may give again is computed from the organisation's rules.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { BLOOD_GROUPS, type Database } from '../../db/tables.ts';
import type { Actor } from '../actor.ts';
import { actorLabel } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { InvalidInput, NotFound } from '../errors.ts';
import { donorRulesFor } from './organisation-rules.ts';
import { nextEligibleDay } from './next-eligible.ts';

export const RecordDonationSchema = z.object({
  /** The donor's appointment at the drive. */
  appointmentId: z.number().int().positive(),
  /** Defaults to the day of the appointment. */
  donatedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD').optional(),
  bloodGroup: z.enum(BLOOD_GROUPS).optional(),
});
export type RecordDonation = z.infer<typeof RecordDonationSchema>;

export interface RecordedDonation {
  donationId: number;
  contactId: number;
  donatedOn: string;
  nextEligibleOn: string;
}

/**
 * Throws NotFound for an appointment that is not the organisation's, InvalidInput when it is not a blood
 * donation or was cancelled; recording twice returns the first record.
 */
export async function recordDonation(trx: Kysely<Database>, actor: Actor, organisationId: number, input: RecordDonation): Promise<RecordedDonation> {
  const a = await trx
    .selectFrom('appointments as a')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .select(['a.id', 'a.status', 'a.service', 'a.beneficiary_id', 'a.campaign_id', 's.day', 'c.organisation_id', 'b.contact_id', 'b.sex'])
    .where('a.id', '=', input.appointmentId)
    .where('c.organisation_id', '=', organisationId)
    .forUpdate('a')
    .executeTakeFirst();
  // Another organisation's appointment is answered as one that does not exist.
  if (!a) throw new NotFound(`no appointment ${input.appointmentId}`);
  if (a.service !== 'blood_donation') throw new InvalidInput([`appointmentId: appointment ${a.id} is for ${a.service}, not a blood donation`]);
  if (a.status === 'cancelled') throw new InvalidInput([`appointmentId: appointment ${a.id} was cancelled`]);
  const existing = await trx.selectFrom('donations').select(['id', 'donated_on', 'next_eligible_on']).where('appointment_id', '=', a.id).executeTakeFirst();
  if (existing) return { donationId: existing.id, contactId: a.contact_id, donatedOn: existing.donated_on, nextEligibleOn: existing.next_eligible_on };

  const donatedOn = input.donatedOn ?? a.day;
  const earlier = await trx.selectFrom('donations').select('donated_on').where('beneficiary_id', '=', a.beneficiary_id).execute();
  const rules = await donorRulesFor(trx, a.organisation_id);
  const nextEligibleOn = nextEligibleDay(rules, a.sex, [...earlier.map((d) => d.donated_on), donatedOn]);
  const donation = await trx
    .insertInto('donations')
    .values({
      beneficiary_id: a.beneficiary_id,
      organisation_id: a.organisation_id,
      campaign_id: a.campaign_id,
      appointment_id: a.id,
      donated_on: donatedOn,
      blood_group: input.bloodGroup ?? null,
      next_eligible_on: nextEligibleOn,
      recorded_by: actorLabel(actor),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.updateTable('appointments').set({ status: 'attended', updated_at: sql<Date>`now()` }).where('id', '=', a.id).execute();
  if (input.bloodGroup) await trx.updateTable('beneficiaries').set({ blood_group: input.bloodGroup }).where('id', '=', a.beneficiary_id).execute();
  await recordAudit(trx, { actor, action: 'donation.record', entity: 'donation', entityId: donation.id, details: { appointmentId: a.id, donatedOn, nextEligibleOn, bloodGroup: input.bloodGroup ?? null } });
  return { donationId: donation.id, contactId: a.contact_id, donatedOn, nextEligibleOn };
}
