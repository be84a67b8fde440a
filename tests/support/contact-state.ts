// Reading what a conversation left in Postgres, by the villager's chat id: opt-out and the saved step.
import type { Db } from '../../src/db/connection.ts';
import { parseState, type ConversationState } from '../../src/conversation/state.ts';

const contactOf = (db: Db, externalId: string) =>
  db
    .selectFrom('contacts as c')
    .innerJoin('contact_identities as i', 'i.contact_id', 'c.id')
    .select(['c.id', 'c.opted_out_at', 'c.consent_at'])
    .where('i.external_id', '=', externalId)
    .executeTakeFirstOrThrow();

/** Whether the contact behind this chat said STOP (and has not started again). */
export async function isOptedOut(db: Db, externalId: string): Promise<boolean> {
  return (await contactOf(db, externalId)).opted_out_at !== null;
}

/** The conversation state saved for this chat. */
export async function savedState(db: Db, externalId: string): Promise<ConversationState> {
  const { id } = await contactOf(db, externalId);
  const row = await db.selectFrom('conversations').select('state').where('contact_id', '=', id).executeTakeFirstOrThrow();
  return parseState(row.state);
}
