// A WhatsApp villager changed their number (WhatsApp tells us in a system message): their chat, their
// phone and the replies still waiting move to the new number, so they are not a stranger there.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { recordAudit } from '../audit/audit-log.ts';

/**
 * moved: done; unknown: no chat with the old number; taken: the new number already has its own chat
 * (the person wrote from it first), and two contacts are never merged without a coordinator.
 */
export type NumberChange = 'moved' | 'unknown' | 'taken';

export async function moveToNewNumber(trx: Kysely<Database>, change: { channel: string; from: string; to: string }): Promise<NumberChange> {
  const identity = await trx.selectFrom('contact_identities').select('contact_id').where('channel', '=', change.channel).where('external_id', '=', change.from).forUpdate().executeTakeFirst();
  if (!identity) return 'unknown';
  const taken = await trx.selectFrom('contact_identities').select('contact_id').where('channel', '=', change.channel).where('external_id', '=', change.to).executeTakeFirst();
  if (taken) return 'taken';
  await trx.updateTable('contact_identities').set({ external_id: change.to }).where('channel', '=', change.channel).where('external_id', '=', change.from).execute();
  // The phone only when it was this number: a Telegram villager's shared phone is theirs to change.
  await trx.updateTable('contacts').set({ phone_e164: `+${change.to}`, updated_at: sql<Date>`now()` }).where('id', '=', identity.contact_id).where('phone_e164', '=', `+${change.from}`).execute();
  await trx.updateTable('outbox').set({ recipient: change.to }).where('contact_id', '=', identity.contact_id).where('channel', '=', change.channel).where('recipient', '=', change.from).where('status', '=', 'pending').execute();
  await recordAudit(trx, { actor: { kind: 'system', id: change.channel }, action: 'contact.number_change', entity: 'contact', entityId: identity.contact_id, details: { channel: change.channel } });
  return 'moved';
}
