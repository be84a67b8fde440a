// Correcting a registered person's name, birth year or commune on the villager's request (law 09-08).
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { WriteContext } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { NewBeneficiarySchema } from './contact-registry.ts';

/** The fields a villager may correct, each checked as at registration. */
export const PersonCorrectionSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('fullName'), value: NewBeneficiarySchema.shape.fullName }),
  z.object({ field: z.literal('birthYear'), value: NewBeneficiarySchema.shape.birthYear }),
  z.object({ field: z.literal('commune'), value: NewBeneficiarySchema.shape.commune.unwrap() }),
]);
export type PersonCorrection = z.infer<typeof PersonCorrectionSchema>;
export type CorrectableField = PersonCorrection['field'];

/** What came of a correction: a person erased or registered by someone else is left alone. */
export type CorrectionResult = 'corrected' | 'erased' | 'not_found';

/** The column a correction writes, with its value: one field at a time. */
function columnOf(c: PersonCorrection): { full_name: string } | { birth_year: number } | { commune: string } {
  if (c.field === 'fullName') return { full_name: c.value };
  if (c.field === 'birthYear') return { birth_year: c.value };
  return { commune: c.value };
}

/**
 * Writes one corrected field of a person the contact registered, with an audit row that names the
 * field only: the old and new values are personal data and stay out of the log.
 *
 * @example
 * await correctPerson(trx, ctx, contactId, beneficiaryId, { field: 'fullName', value: 'Khadija Alami' }); // 'corrected'
 */
export async function correctPerson(
  trx: Kysely<Database>,
  ctx: WriteContext,
  contactId: number,
  beneficiaryId: number,
  input: PersonCorrection,
): Promise<CorrectionResult> {
  const correction = PersonCorrectionSchema.refine((c) => c.field !== 'birthYear' || c.value <= Number(ctx.today.slice(0, 4)), {
    path: ['value'],
    message: 'birth year in the future',
  }).parse(input);
  const change = columnOf(correction);
  const row = await trx
    .updateTable('beneficiaries')
    .set(change)
    .where('id', '=', beneficiaryId)
    .where('contact_id', '=', contactId)
    .where('erased_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    const found = await trx.selectFrom('beneficiaries').select('erased_at').where('id', '=', beneficiaryId).where('contact_id', '=', contactId).executeTakeFirst();
    return found?.erased_at ? 'erased' : 'not_found';
  }
  await recordAudit(trx, { actor: ctx.actor, action: 'beneficiary.correct', entity: 'beneficiary', entityId: beneficiaryId, details: { field: Object.keys(change)[0] } });
  return 'corrected';
}
