// Contacts and the beneficiaries they register (themselves or a relative).
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Beneficiary, Contact, Database } from '../../db/tables.ts';
import type { WriteContext } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';

/**
 * The contact behind a chat identity, created on first sight. The identity is the only thing
 * stored before consent (law 09-08).
 *
 * @example
 * const contact = await contactForIdentity(trx, { channel: 'telegram', externalId: '123456' });
 */
export async function contactForIdentity(
  trx: Kysely<Database>,
  identity: { channel: string; externalId: string },
): Promise<Contact> {
  const existing = await trx
    .selectFrom('contact_identities')
    .innerJoin('contacts', 'contacts.id', 'contact_identities.contact_id')
    .selectAll('contacts')
    .where('contact_identities.channel', '=', identity.channel)
    .where('contact_identities.external_id', '=', identity.externalId)
    .executeTakeFirst();
  if (existing) return existing;
  const contact = await trx.insertInto('contacts').defaultValues().returningAll().executeTakeFirstOrThrow();
  const linked = await trx
    .insertInto('contact_identities')
    .values({ channel: identity.channel, external_id: identity.externalId, contact_id: contact.id })
    .onConflict((oc) => oc.columns(['channel', 'external_id']).doNothing())
    .returning('contact_id')
    .executeTakeFirst();
  if (linked) return contact;
  // Another request created the same identity meanwhile: use theirs, drop ours.
  await trx.deleteFrom('contacts').where('id', '=', contact.id).execute();
  return contactForIdentity(trx, identity);
}

export const NewBeneficiarySchema = z.object({
  relation: z.enum(['self', 'child', 'parent', 'spouse', 'sibling', 'other']),
  fullName: z.string().trim().min(1, 'name is empty').max(120, 'name is longer than 120 characters'),
  sex: z.enum(['female', 'male']),
  birthYear: z.number().int().min(1900, 'birth year before 1900'),
  commune: z.string().trim().min(1).max(120).optional(),
});
export type NewBeneficiary = z.infer<typeof NewBeneficiarySchema>;

/** Registers a person under a contact. Input is parsed, so callers may pass what a chat produced. */
export async function addBeneficiary(
  trx: Kysely<Database>,
  ctx: WriteContext,
  contactId: number,
  input: NewBeneficiary,
): Promise<Beneficiary> {
  // "The future" is judged from the context's day, so tests and the service agree on what today is.
  const b = NewBeneficiarySchema.refine((x) => x.birthYear <= Number(ctx.today.slice(0, 4)), {
    path: ['birthYear'],
    message: 'birth year in the future',
  }).parse(input);
  const row = await trx
    .insertInto('beneficiaries')
    .values({
      contact_id: contactId,
      relation: b.relation,
      full_name: b.fullName,
      sex: b.sex,
      birth_year: b.birthYear,
      commune: b.commune ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, { actor: ctx.actor, action: 'beneficiary.add', entity: 'beneficiary', entityId: row.id, details: { contactId } });
  return row;
}
