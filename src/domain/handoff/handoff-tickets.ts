// Handoff tickets: a villager asked for a person, or an emergency was detected. The coordinators' inbox.
import { sql, type Kysely } from 'kysely';
import type { Database, TicketReason } from '../../db/tables.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { actorLabel, type Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';

/**
 * Opens a ticket, or joins the contact's open one (an emergency makes it urgent). Returns its id.
 *
 * @example const id = await openTicket(trx, actor, { contactId, reason: 'asked', urgent: false });
 */
export async function openTicket(
  trx: Kysely<Database>,
  actor: Actor,
  input: { contactId: number; reason: TicketReason; urgent: boolean; text?: string },
): Promise<number> {
  let id = await openTicketId(trx, input.contactId);
  if (id === undefined) {
    try {
      const row = await trx.insertInto('handoff_tickets').values({ contact_id: input.contactId, reason: input.reason, urgent: input.urgent }).returning('id').executeTakeFirstOrThrow();
      id = row.id;
      await recordAudit(trx, { actor, action: 'ticket.open', entity: 'handoff_ticket', entityId: id, details: { reason: input.reason, urgent: input.urgent } });
    } catch (err) {
      if (!isUniqueViolation(err, 'handoff_tickets_one_open')) throw err;
      id = await openTicketId(trx, input.contactId);
      if (id === undefined) throw err;
    }
  } else if (input.urgent) {
    await trx.updateTable('handoff_tickets').set({ urgent: true }).where('id', '=', id).execute();
  }
  if (input.text) await addTicketMessage(trx, id, input.text);
  return id;
}

export async function openTicketId(db: Kysely<Database>, contactId: number): Promise<number | undefined> {
  const row = await db.selectFrom('handoff_tickets').select('id').where('contact_id', '=', contactId).where('status', '=', 'open').executeTakeFirst();
  return row?.id;
}

export async function addTicketMessage(trx: Kysely<Database>, ticketId: number, text: string): Promise<void> {
  await trx.insertInto('handoff_messages').values({ ticket_id: ticketId, text: text.slice(0, 4000) }).execute();
}

/** Staff close the ticket; the bot speaks to the contact again from their next message. */
export async function closeTicket(trx: Kysely<Database>, actor: Actor, ticketId: number): Promise<boolean> {
  const closed = await trx
    .updateTable('handoff_tickets')
    .set({ status: 'closed', closed_at: sql<Date>`now()`, closed_by: actorLabel(actor) })
    .where('id', '=', ticketId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  const done = Number(closed.numUpdatedRows) === 1;
  if (done) await recordAudit(trx, { actor, action: 'ticket.close', entity: 'handoff_ticket', entityId: ticketId });
  return done;
}

export interface TicketSummary {
  id: number;
  contactId: number;
  reason: TicketReason;
  urgent: boolean;
  openedAt: Date;
  messages: number;
}

/** Open tickets, urgent first, then oldest first: what a coordinator handles next. */
export async function listOpenTickets(db: Kysely<Database>): Promise<TicketSummary[]> {
  const rows = await db
    .selectFrom('handoff_tickets as t')
    .leftJoin('handoff_messages as m', 'm.ticket_id', 't.id')
    .select((eb) => ['t.id', 't.contact_id', 't.reason', 't.urgent', 't.opened_at', eb.fn.count<number>('m.id').as('messages')])
    .where('t.status', '=', 'open')
    .groupBy('t.id')
    .orderBy('t.urgent', 'desc')
    .orderBy('t.opened_at')
    .execute();
  return rows.map((r) => ({ id: r.id, contactId: r.contact_id, reason: r.reason, urgent: r.urgent, openedAt: r.opened_at, messages: Number(r.messages) }));
}
