// Whether a villager gets the recorded prompts beside the text: chosen in the language menu, or switched
// on for someone who only ever sends voice notes.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';

/**
 * Switches voice prompts on or off for a contact; true when the contact exists.
 *
 * @example await setVoicePrompts(trx, contactId, true) // a villager who sent only voice notes
 */
export async function setVoicePrompts(db: Kysely<Database>, contactId: number, on: boolean): Promise<boolean> {
  const result = await db.updateTable('contacts').set({ voice_prompts: on }).where('id', '=', contactId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
