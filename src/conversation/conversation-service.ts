// One inbound message, handled in one transaction: lock the contact's conversation, step, apply the
// effects, save the new state and put the replies in the outbox. A crash anywhere leaves nothing half done.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import type { BookingDeps } from '../domain/appointments/booking.ts';
import { localDay, type Clock } from '../domain/clock.ts';
import { contactForIdentity } from '../domain/contacts/contact-registry.ts';
import { openTicketId } from '../domain/handoff/handoff-tickets.ts';
import type { Translate } from '../i18n/translator.ts';
import { understand } from '../understanding/understand.ts';
import { applyEffects } from './apply-effects.ts';
import type { SafetyNumbers } from './context.ts';
import { databaseReader } from './conversation-reader.ts';
import { conversationStep } from './engine.ts';
import { InboundSchema, type Inbound } from './inbound.ts';
import type { Reply } from './reply.ts';
import { initialState, parseState, type ConversationState } from './state.ts';

export interface ConversationDeps {
  db: Kysely<Database>;
  clock: Clock;
  timeZone: string;
  t: Translate;
  safety: SafetyNumbers;
  booking: BookingDeps;
}

export interface OutboxReply {
  outboxId: number;
  reply: Reply;
}

export interface HandledMessage {
  contactId: number;
  channel: string;
  recipient: string;
  replies: OutboxReply[];
}

/**
 * @example
 * const { replies } = await handleInbound(deps, { channel: 'terminal', from: '+212600000001', text: 'salam' });
 */
export async function handleInbound(deps: ConversationDeps, input: Inbound): Promise<HandledMessage> {
  const inbound = InboundSchema.parse(input);
  const understanding = understand(inbound.text ?? '');
  return inTransaction(deps.db, async (trx) => {
    const now = deps.clock.now();
    const today = localDay(now, deps.timeZone);
    const contact = await contactForIdentity(trx, { channel: inbound.channel, externalId: inbound.from });
    const state = await lockState(trx, contact.id);
    const hasOpenTicket = (await openTicketId(trx, contact.id)) !== undefined;
    const base = {
      now,
      today,
      t: deps.t,
      safety: deps.safety,
      reader: databaseReader(trx),
      contact: { id: contact.id, consented: contact.consent_at !== null, optedOut: contact.opted_out_at !== null, provinceCode: contact.province_code, hasOpenTicket },
    };
    const stepped = await conversationStep(state, inbound, understanding, base);
    const scope = { trx, ctx: { actor: { kind: 'contact' as const, id: contact.id }, channel: inbound.channel, today }, contactId: contact.id, deps: deps.booking, ...(inbound.phone ? { phone: inbound.phone } : {}) };
    const outcomes = await applyEffects(scope, stepped.effects);
    let finalState = stepped.state;
    let replies = stepped.replies;
    if (stepped.after) {
      const after = await stepped.after(outcomes);
      finalState = { ...after.state, misses: 0, lastAt: stepped.state.lastAt };
      replies = [...replies, ...after.replies];
    }
    await saveState(trx, contact.id, finalState);
    const saved = await queueReplies(trx, { contactId: contact.id, channel: inbound.channel, recipient: inbound.from }, replies);
    return { contactId: contact.id, channel: inbound.channel, recipient: inbound.from, replies: saved };
  });
}

/** Reads the state under a row lock, so two messages of one contact are handled one after the other. */
async function lockState(trx: Transaction<Database>, contactId: number): Promise<ConversationState> {
  await trx
    .insertInto('conversations')
    .values({ contact_id: contactId, state: JSON.stringify(initialState()) })
    .onConflict((oc) => oc.column('contact_id').doNothing())
    .execute();
  const row = await trx.selectFrom('conversations').select('state').where('contact_id', '=', contactId).forUpdate().executeTakeFirstOrThrow();
  return parseState(row.state);
}

async function saveState(trx: Transaction<Database>, contactId: number, state: ConversationState): Promise<void> {
  await trx.updateTable('conversations').set({ state: JSON.stringify(state), updated_at: sql<Date>`now()` }).where('contact_id', '=', contactId).execute();
}

async function queueReplies(trx: Transaction<Database>, to: { contactId: number; channel: string; recipient: string }, replies: readonly Reply[]): Promise<OutboxReply[]> {
  if (replies.length === 0) return [];
  const rows = await trx
    .insertInto('outbox')
    .values(replies.map((reply) => ({ contact_id: to.contactId, channel: to.channel, recipient: to.recipient, payload: JSON.stringify(reply) })))
    .returning('id')
    .execute();
  return rows.map((row, i) => ({ outboxId: row.id, reply: replies[i] ?? { text: '' } }));
}
