// A villager shares their phone on a channel that does not give it (Telegram): one person, one contact.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { WriteContext } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { normalizePhone } from './phone.ts';

/** noted: the number is now the contact's; joined: this chat now speaks for the contact who had it;
 * kept_apart: both have registered people, so a coordinator decides; invalid: not a phone number. */
export type PhoneLink = 'noted' | 'joined' | 'kept_apart' | 'invalid';

/** The audit entry of a join: the only record of the contact left with no chat, which erasure must find, so it is kept. */
export const JOIN_IDENTITY_ACTION = 'contact.join_identity';

export async function linkPhone(
  trx: Kysely<Database>,
  ctx: WriteContext,
  contactId: number,
  identity: { channel: string; externalId: string },
  rawPhone: string,
): Promise<PhoneLink> {
  const phone = normalizePhone(rawPhone);
  if (!phone.ok) return 'invalid';
  const owner = await trx.selectFrom('contacts').select('id').where('phone_e164', '=', phone.e164).executeTakeFirst();
  if (!owner || owner.id === contactId) {
    await trx.updateTable('contacts').set({ phone_e164: phone.e164, updated_at: sql<Date>`now()` }).where('id', '=', contactId).execute();
    return 'noted';
  }
  const registered = await trx.selectFrom('beneficiaries').select('id').where('contact_id', '=', contactId).executeTakeFirst();
  if (registered) return 'kept_apart';
  // Nothing registered here yet: this chat becomes another way to reach the same person.
  await trx.updateTable('contact_identities').set({ contact_id: owner.id }).where('channel', '=', identity.channel).where('external_id', '=', identity.externalId).execute();
  await recordAudit(trx, { actor: ctx.actor, action: JOIN_IDENTITY_ACTION, entity: 'contact', entityId: owner.id, details: { channel: identity.channel, from: contactId } });
  return 'joined';
}
