// What staff do with an open ticket of their organisation: answer in the villager's chat (through the
// outbox, like any reply), send the approved template when the chat's window is over, give the ticket to
// someone, write a note for colleagues, close it (the villager is told, and the bot answers again), and
// mark it read. Every change is audited in its transaction; the caller queues the outbox row it returns.
import { sql, type Kysely } from 'kysely';
import type { Database, Locale } from '../../db/tables.ts';
import type { Reply } from '../../conversation/reply.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { closeTicket } from './handoff-tickets.ts';
import { freeTextAllowed } from './inbox-rules.ts';
import { openTicketChat, type TicketChat } from './ticket-chat.ts';

export interface ChatRules {
  now: Date;
  /** Hours after the villager's last message during which a channel takes free text (WhatsApp: 24). */
  windows: Readonly<Record<string, number>>;
  /** The approved template's words in that language; null where none is set up. */
  templateText: (locale: Locale) => string | null;
}

/** Why nothing was sent: the chat's window is over (only the template may go), no chat, or the villager said STOP. */
export type ReplyRefusal = 'window_closed' | 'no_template' | 'no_chat' | 'opted_out';
export type ReplyOutcome = { outboxId: number; channel: string } | { refused: ReplyRefusal };

type StaffActor = Actor & { kind: 'staff'; id: number };

/**
 * Staff answer in the chat: refused after the window (WhatsApp's 24 hours), else written to the outbox
 * for the contact's chat and kept on the ticket. undefined when the ticket is not open in the organisation.
 */
export async function answerTicket(trx: Kysely<Database>, actor: StaffActor, organisationId: number, ticketId: number, text: string, rules: ChatRules): Promise<ReplyOutcome | undefined> {
  const chat = await openTicketChat(trx, organisationId, ticketId);
  if (!chat) return undefined;
  const refused = refusal(chat);
  if (refused) return { refused };
  if (!freeTextAllowed(rules.windows, chat.channel, chat.lastInboundAt, rules.now)) return { refused: 'window_closed' };
  return send(trx, actor, chat, { text }, text, false);
}

/** The approved template in the villager's language, which asks them to write back (and so opens the window again). */
export async function sendTicketTemplate(trx: Kysely<Database>, actor: StaffActor, organisationId: number, ticketId: number, rules: ChatRules): Promise<ReplyOutcome | undefined> {
  const chat = await openTicketChat(trx, organisationId, ticketId);
  if (!chat) return undefined;
  const refused = refusal(chat);
  if (refused) return { refused };
  const text = rules.templateText(chat.locale);
  if (text === null) return { refused: 'no_template' };
  return send(trx, actor, chat, { text, template: { params: [text] } }, text, true);
}

function refusal(chat: TicketChat): ReplyRefusal | undefined {
  if (chat.optedOut) return 'opted_out';
  if (chat.channel === null || chat.externalId === null) return 'no_chat';
  return undefined;
}

async function send(trx: Kysely<Database>, actor: StaffActor, chat: TicketChat, reply: Reply, text: string, template: boolean): Promise<ReplyOutcome> {
  const channel = chat.channel ?? '';
  const row = await trx
    .insertInto('outbox')
    .values({ contact_id: chat.contactId, organisation_id: chat.organisationId, channel, recipient: chat.externalId ?? '', kind: 'reply', payload: JSON.stringify(reply) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('handoff_messages').values({ ticket_id: chat.id, text: text.slice(0, 4000), author: 'staff', staff_id: actor.id, outbox_id: row.id }).execute();
  await recordAudit(trx, { actor, action: template ? 'ticket.template' : 'ticket.reply', entity: 'handoff_ticket', entityId: chat.id, details: { outboxId: row.id } });
  return { outboxId: row.id, channel };
}

/** A note only staff read. false when the ticket is not open in the organisation. */
export async function noteTicket(trx: Kysely<Database>, actor: StaffActor, organisationId: number, ticketId: number, text: string): Promise<boolean> {
  const added = await trx
    .insertInto('handoff_messages')
    .columns(['ticket_id', 'text', 'author', 'staff_id'])
    .expression((eb) =>
      eb
        .selectFrom('handoff_tickets')
        .select([sql<number>`id`.as('ticket_id'), sql<string>`${text.slice(0, 4000)}`.as('text'), sql<'note'>`'note'`.as('author'), sql<number>`${actor.id}::int`.as('staff_id')])
        .where('id', '=', ticketId)
        .where('organisation_id', '=', organisationId)
        .where('status', '=', 'open'),
    )
    .executeTakeFirst();
  const done = Number(added.numInsertedOrUpdatedRows ?? 0) === 1;
  if (done) await recordAudit(trx, { actor, action: 'ticket.note', entity: 'handoff_ticket', entityId: ticketId });
  return done;
}

/**
 * Gives the ticket to a colleague (an active coordinator or medical member of the same organisation), to
 * oneself, or to nobody (null). false when the ticket or the colleague is not there.
 */
export async function assignTicket(trx: Kysely<Database>, actor: StaffActor, organisationId: number, ticketId: number, staffId: number | null): Promise<boolean> {
  const colleague = sql<number | null>`(select id from staff where id = ${staffId} and organisation_id = ${organisationId} and disabled_at is null and role in ('coordinator', 'medical'))`;
  const updated = await trx
    .updateTable('handoff_tickets')
    .set({ assigned_to: staffId === null ? null : colleague })
    .where('id', '=', ticketId)
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'open')
    .$if(staffId !== null, (q) => q.where(sql<boolean>`${colleague} is not null`))
    .executeTakeFirst();
  const done = Number(updated.numUpdatedRows) === 1;
  if (done) await recordAudit(trx, { actor, action: 'ticket.assign', entity: 'handoff_ticket', entityId: ticketId, details: { staffId } });
  return done;
}

/**
 * Closes the ticket and tells the villager, in their language, that the bot answers again; their
 * conversation leaves the "a person answers" step, so their next message is answered as usual. A villager
 * who said STOP is told nothing. The outbox id of the notice, for the caller to queue; false when there was
 * no open ticket.
 */
export async function closeTicketTelling(trx: Kysely<Database>, actor: StaffActor, organisationId: number, ticketId: number, notice: (locale: Locale) => string): Promise<{ outboxId: number | undefined; channel: string | undefined } | false> {
  const chat = await openTicketChat(trx, organisationId, ticketId);
  if (!chat || !(await closeTicket(trx, actor, organisationId, ticketId))) return false;
  await trx
    .updateTable('conversations')
    .set({ state: sql<string>`jsonb_set(jsonb_set(state, '{step}', '"menu"'), '{draft}', '{}'::jsonb)`, updated_at: sql<Date>`now()` })
    .where('contact_id', '=', chat.contactId)
    .where(sql<boolean>`state->>'step' = 'handoff'`)
    .execute();
  if (refusal(chat)) return { outboxId: undefined, channel: undefined };
  const text = notice(chat.locale);
  // Sent unasked: after WhatsApp's 24 hours it goes as the template, with its words as the parameter.
  const row = await trx
    .insertInto('outbox')
    .values({ contact_id: chat.contactId, organisation_id: organisationId, channel: chat.channel ?? '', recipient: chat.externalId ?? '', kind: 'reply', payload: JSON.stringify({ text, template: { params: [text] } } satisfies Reply) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { outboxId: row.id, channel: chat.channel ?? undefined };
}

/**
 * The staff member opened the ticket: what came before now is read for them. A marker of what one person
 * has seen, not a change to the ticket, so it is not audited. false when the ticket is not the organisation's.
 */
export async function markTicketRead(db: Kysely<Database>, staffId: number, organisationId: number, ticketId: number): Promise<boolean> {
  const result = await sql`
    insert into handoff_reads (ticket_id, staff_id, read_at)
    select id, ${staffId}, now() from handoff_tickets where id = ${ticketId} and organisation_id = ${organisationId}
    on conflict (ticket_id, staff_id) do update set read_at = excluded.read_at`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}
