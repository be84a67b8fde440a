// One inbound message, handled in one transaction: lock the contact's conversation, step, apply the
// effects, save the new state and put the replies in the outbox. A crash anywhere leaves nothing half done.
import { sql, type Kysely, type QueryCreator, type Transaction } from 'kysely';
import type { Contact, Database } from '../db/tables.ts';
import { inTransaction } from '../db/transaction.ts';
import type { BookingDeps } from '../domain/appointments/booking.ts';
import { localDay, type Clock } from '../domain/clock.ts';
import { contactForIdentity } from '../domain/contacts/contact-registry.ts';
import { openTicketId } from '../domain/handoff/handoff-tickets.ts';
import type { Translate } from '../i18n/translator.ts';
import { understand } from '../understanding/understand.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { defaultReminderSettings, type ReminderSettings, type ScheduledNotification } from '../scheduling/reminders.ts';
import { applyEffects } from './apply-effects.ts';
import { countOutcomes } from './conversation-metrics.ts';
import type { SafetyNumbers } from './context.ts';
import { databaseReader } from './conversation-reader.ts';
import type { Effect, Outcome } from './effects.ts';
import { conversationStep } from './engine.ts';
import { InboundSchema, type Inbound } from './inbound.ts';
import type { Reply } from './reply.ts';
import { initialState, parseState, returningState, type ConversationState } from './state.ts';

/** Channels whose chat ids are not phone numbers, but where the villager can share theirs. */
const PHONE_SHARING_CHANNELS: ReadonlySet<string> = new Set(['telegram']);

export interface ConversationDeps {
  db: Kysely<Database>;
  clock: Clock;
  timeZone: string;
  t: Translate;
  safety: SafetyNumbers;
  booking: BookingDeps;
  /** When reminders go out; the defaults (two days before at 18:00, the morning of) when absent. */
  reminders?: ReminderSettings;
  /** Counts bookings, refusals and emergencies; nothing is counted without it. */
  metrics?: Metrics;
}

export interface OutboxReply {
  outboxId: number;
  reply: Reply;
}

export interface HandledMessage {
  /** null for a duplicate, which is not looked at. */
  contactId: number | null;
  channel: string;
  recipient: string;
  replies: OutboxReply[];
  /** The provider had already delivered this message id: nothing was done. */
  duplicate: boolean;
  /** Reminders written by this message, to be timed once committed. */
  scheduled: ScheduledNotification[];
}

/**
 * @example
 * const { replies } = await handleInbound(deps, { channel: 'terminal', from: '+212600000001', text: 'salam' });
 */
export async function handleInbound(deps: ConversationDeps, input: Inbound): Promise<HandledMessage> {
  const inbound = InboundSchema.parse(input);
  const understanding = understand(inbound.text ?? '');
  const { handled, effects, outcomes } = await inTransaction(deps.db, async (trx): Promise<{ handled: HandledMessage; effects: readonly Effect[]; outcomes: readonly Outcome[] }> => {
    // A provider that retries (Meta, Telegram) sends the same id again: the first one wins, in this
    // transaction, so a crash before the commit leaves the message unhandled rather than lost.
    if (inbound.providerId !== undefined && !(await firstReceipt(trx, inbound.channel, inbound.providerId))) {
      return { handled: { contactId: null, channel: inbound.channel, recipient: inbound.from, replies: [], duplicate: true, scheduled: [] }, effects: [], outcomes: [] };
    }
    const now = deps.clock.now();
    const today = localDay(now, deps.timeZone);
    const { contact, state, hasOpenTicket } = await openConversation(trx, { channel: inbound.channel, externalId: inbound.from });
    const base = {
      now,
      today,
      t: deps.t,
      safety: deps.safety,
      reader: databaseReader(trx, deps.timeZone),
      canAskPhone: PHONE_SHARING_CHANNELS.has(inbound.channel) && contact.phone_e164 === null,
      contact: { id: contact.id, consented: contact.consent_at !== null, optedOut: contact.opted_out_at !== null, provinceCode: contact.province_code, hasOpenTicket, hasPhone: contact.phone_e164 !== null, donorRecall: contact.donor_recall_at !== null, voicePrompts: contact.voice_prompts },
    };
    const stepped = await conversationStep(state, inbound, understanding, base);
    const scope = { trx, ctx: { actor: { kind: 'contact' as const, id: contact.id }, channel: inbound.channel, today }, contactId: contact.id, deps: deps.booking, identity: { channel: inbound.channel, externalId: inbound.from }, now, reminders: deps.reminders ?? defaultReminderSettings(deps.timeZone), scheduled: [] as ScheduledNotification[], ...(inbound.phone ? { phone: inbound.phone } : {}), ...(inbound.voice ? { voice: { channel: inbound.channel, ...inbound.voice } } : {}) };
    const outcomes = await applyEffects(scope, stepped.effects);
    let finalState = stepped.state;
    let replies = stepped.replies;
    if (stepped.after) {
      const after = await stepped.after(outcomes);
      finalState = { ...after.state, misses: 0, lastAt: stepped.state.lastAt };
      replies = [...replies, ...after.replies];
    }
    const erased = stepped.effects.some((e) => e.kind === 'erase');
    const to = { contactId: contact.id, channel: inbound.channel, recipient: inbound.from, at: now, providerId: inbound.providerId, erased };
    const saved = await saveStateAndQueue(trx, to, finalState, replies);
    return { handled: { contactId: contact.id, channel: inbound.channel, recipient: inbound.from, replies: saved, duplicate: false, scheduled: scope.scheduled }, effects: stepped.effects, outcomes };
  });
  if (deps.metrics) countOutcomes(deps.metrics, inbound.channel, effects, outcomes);
  return handled;
}

async function firstReceipt(trx: Transaction<Database>, channel: string, providerId: string): Promise<boolean> {
  const row = await trx.insertInto('inbound_receipts').values({ channel, provider_id: providerId }).onConflict((oc) => oc.doNothing()).returning('channel').executeTakeFirst();
  return row !== undefined;
}

interface OpenedConversation {
  contact: Contact;
  state: ConversationState;
  hasOpenTicket: boolean;
}

/**
 * The contact, its saved state under a row lock (two messages of one contact are handled one after
 * the other) and whether a person is handling it — in one query for a contact already known.
 */
async function openConversation(trx: Transaction<Database>, identity: { channel: string; externalId: string }): Promise<OpenedConversation> {
  const known = await trx
    .selectFrom('contact_identities as i')
    .innerJoin('contacts', 'contacts.id', 'i.contact_id')
    .innerJoin('conversations as v', 'v.contact_id', 'contacts.id')
    .selectAll('contacts')
    .select((eb) => [
      'v.state',
      eb.exists(eb.selectFrom('handoff_tickets as h').select('h.id').whereRef('h.contact_id', '=', 'contacts.id').where('h.status', '=', 'open')).as('has_open_ticket'),
    ])
    .where('i.channel', '=', identity.channel)
    .where('i.external_id', '=', identity.externalId)
    .forUpdate('v')
    .executeTakeFirst();
  if (known) {
    const { state, has_open_ticket, ...contact } = known;
    return { contact, state: parseState(state), hasOpenTicket: Boolean(has_open_ticket) };
  }
  // First message: create the contact and its conversation, then read them as above. A contact who
  // consented long ago and whose conversation the retention job let go is not a stranger.
  const contact = await contactForIdentity(trx, identity);
  await trx
    .insertInto('conversations')
    .values({ contact_id: contact.id, state: JSON.stringify(contact.consent_at ? returningState(contact.locale) : initialState()) })
    .onConflict((oc) => oc.column('contact_id').doNothing())
    .execute();
  const row = await trx.selectFrom('conversations').select('state').where('contact_id', '=', contact.id).forUpdate().executeTakeFirstOrThrow();
  return { contact, state: parseState(row.state), hasOpenTicket: (await openTicketId(trx, contact.id)) !== undefined };
}

interface ReplyTarget {
  contactId: number;
  channel: string;
  recipient: string;
  at: Date;
  /** The provider's id of the message answered, whose receipt is noted as this contact's. */
  providerId: string | undefined;
  /** The message erased the contact: the chat and the conversation are gone, and so goes its receipt. */
  erased: boolean;
}

/**
 * Saves the new state, notes when the identity last wrote (WhatsApp's window) and whose the message's
 * receipt is, and queues the replies, in one statement. After an erasure the state and the identity
 * have no row left to update, the receipt is dropped, and the replies are blanked once they have gone.
 */
async function saveStateAndQueue(trx: Transaction<Database>, to: ReplyTarget, state: ConversationState, replies: readonly Reply[]): Promise<OutboxReply[]> {
  // Terminal and simulator messages have no provider id: nothing to match.
  const providerId = to.providerId ?? '';
  const known = sql<boolean>`${to.providerId !== undefined}`;
  const receipt = (q: QueryCreator<Database>) =>
    to.erased
      ? q.deleteFrom('inbound_receipts').where('channel', '=', to.channel).where('provider_id', '=', providerId).where(known).returning('channel')
      : q.updateTable('inbound_receipts').set({ contact_id: to.contactId }).where('channel', '=', to.channel).where('provider_id', '=', providerId).where(known).returning('channel');
  const withSaved = trx
    .with('receipt', receipt)
    .with('saved', (q) => q.updateTable('conversations').set({ state: JSON.stringify(state), updated_at: sql<Date>`now()` }).where('contact_id', '=', to.contactId).returning('contact_id'))
    // Writing again also undoes a block: the person is back.
    .with('seen', (q) => q.updateTable('contact_identities').set({ last_inbound_at: to.at, blocked_at: null }).where('channel', '=', to.channel).where('external_id', '=', to.recipient).returning('contact_id'));
  if (replies.length === 0) {
    await withSaved.selectFrom('saved').select('contact_id').execute();
    return [];
  }
  const rows = await withSaved
    .insertInto('outbox')
    .values(replies.map((reply) => ({ contact_id: to.contactId, channel: to.channel, recipient: to.recipient, payload: JSON.stringify(reply), forget_after_send: to.erased })))
    .returning('id')
    .execute();
  return rows.map((row, i) => ({ outboxId: row.id, reply: replies[i] ?? { text: '' } }));
}
