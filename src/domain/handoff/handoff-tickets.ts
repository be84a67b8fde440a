// Handoff tickets: a villager asked for a person, or an emergency was detected. The coordinators' inbox.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Database, TicketReason } from '../../db/tables.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { actorLabel, type Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { decodeCursor, pageOf, type Page, type PageQuery } from '../pagination.ts';
import { storeVoiceNote, type VoiceNoteInput } from './voice-notes.ts';

/**
 * Opens a ticket, or joins the contact's open one (an emergency makes it urgent). Returns its id.
 *
 * @example const id = await openTicket(trx, actor, { contactId, reason: 'asked', urgent: false });
 */
export async function openTicket(
  trx: Kysely<Database>,
  actor: Actor,
  input: { contactId: number; reason: TicketReason; urgent: boolean; text?: string; voice?: VoiceNoteInput },
): Promise<number> {
  let id = await openTicketId(trx, input.contactId);
  if (id === undefined) {
    try {
      const row = await trx
        .insertInto('handoff_tickets')
        .values({ contact_id: input.contactId, organisation_id: contactOrganisation(input.contactId), reason: input.reason, urgent: input.urgent })
        .returning('id')
        .executeTakeFirstOrThrow();
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
  if (input.text) {
    const messageId = await addTicketMessage(trx, id, input.text);
    if (input.voice) await storeVoiceNote(trx, { ticketId: id, messageId, contactId: input.contactId }, input.voice);
  }
  return id;
}

/**
 * Whose staff answer: the organisation of the contact's latest booking or waiting list, else of their
 * latest donation, else the latest published campaign in their province or a province they follow,
 * else the only organisation there is. Null when none fits: the platform admin routes it. Voice prompts
 * of a reply in the chat are this organisation's too. `contactId` may be a column (`sql`c.id``).
 */
export function contactOrganisation(contactId: number | RawBuilder<number>) {
  return sql<number | null>`(select coalesce(
    (select c.organisation_id from (
       select a.campaign_id, a.created_at, a.id from appointments a join beneficiaries b on b.id = a.beneficiary_id where b.contact_id = ${contactId}
       union all
       select w.campaign_id, w.created_at, w.id from waitlist_entries w join beneficiaries b on b.id = w.beneficiary_id where b.contact_id = ${contactId}
     ) dealt join campaigns c on c.id = dealt.campaign_id order by dealt.created_at desc, dealt.id desc limit 1),
    (select d.organisation_id from donations d join beneficiaries b on b.id = d.beneficiary_id where b.contact_id = ${contactId} order by d.donated_on desc, d.id desc limit 1),
    (select c.organisation_id from campaigns c where c.status = 'published' and c.province_code in (
       select province_code from contacts where id = ${contactId} and province_code is not null
       union select province_code from alert_subscriptions where contact_id = ${contactId}
     ) order by c.first_day desc, c.id desc limit 1),
    (select min(id) from organisations having count(*) = 1)
  ))`;
}

export async function openTicketId(db: Kysely<Database>, contactId: number): Promise<number | undefined> {
  const row = await db.selectFrom('handoff_tickets').select('id').where('contact_id', '=', contactId).where('status', '=', 'open').executeTakeFirst();
  return row?.id;
}

/** Adds the villager's line to a ticket; returns its id (a voice note hangs on it). */
export async function addTicketMessage(trx: Kysely<Database>, ticketId: number, text: string): Promise<number> {
  const row = await trx.insertInto('handoff_messages').values({ ticket_id: ticketId, text: text.slice(0, 4000) }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Staff close their organisation's ticket; the bot speaks to the contact again from their next message. */
export async function closeTicket(trx: Kysely<Database>, actor: Actor, organisationId: number, ticketId: number): Promise<boolean> {
  const closed = await trx
    .updateTable('handoff_tickets')
    .set({ status: 'closed', closed_at: sql<Date>`now()`, closed_by: actorLabel(actor) })
    .where('id', '=', ticketId)
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  const done = Number(closed.numUpdatedRows) === 1;
  if (done) await recordAudit(trx, { actor, action: 'ticket.close', entity: 'handoff_ticket', entityId: ticketId });
  return done;
}

/** The platform admin gives a ticket no organisation could be found for to one. */
export async function routeTicket(trx: Kysely<Database>, actor: Actor, ticketId: number, organisationId: number): Promise<boolean> {
  const routed = await trx
    .updateTable('handoff_tickets')
    .set({ organisation_id: organisationId })
    .where('id', '=', ticketId)
    .where('organisation_id', 'is', null)
    .where('status', '=', 'open')
    .executeTakeFirst();
  const done = Number(routed.numUpdatedRows) === 1;
  // Its voice notes go with it: they are the organisation's to listen to now.
  if (done) await trx.updateTable('voice_notes').set({ organisation_id: organisationId }).where('ticket_id', '=', ticketId).execute();
  if (done) await recordAudit(trx, { actor, action: 'ticket.route', entity: 'handoff_ticket', entityId: ticketId, details: { organisationId } });
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

const TicketCursor = z.tuple([z.number().int().min(0).max(1), z.number().int()]);

/**
 * Open tickets of one organisation (null: the ones nobody's yet), urgent first, then oldest first:
 * what a coordinator handles next.
 */
export async function listOpenTickets(db: Kysely<Database>, organisationId: number | null, page: PageQuery): Promise<Page<TicketSummary>> {
  const after = decodeCursor(page.cursor, TicketCursor);
  // Urgent first as rank 0; ids grow with the time a ticket opened.
  const rank = sql<number>`(case when t.urgent then 0 else 1 end)`;
  const rows = await db
    .selectFrom('handoff_tickets as t')
    .select((eb) => ['t.id', 't.contact_id', 't.reason', 't.urgent', 't.opened_at', eb.selectFrom('handoff_messages as m').select(eb.fn.countAll<string>().as('n')).whereRef('m.ticket_id', '=', 't.id').as('messages')])
    .where('t.status', '=', 'open')
    .where((eb) => (organisationId === null ? eb('t.organisation_id', 'is', null) : eb('t.organisation_id', '=', organisationId)))
    .$if(after !== undefined, (q) => q.where(sql<boolean>`(${rank}, t.id) > (${after?.[0] ?? 0}, ${after?.[1] ?? 0})`))
    .orderBy(rank)
    .orderBy('t.id')
    .limit(page.limit + 1)
    .execute();
  const tickets = rows.map((r) => ({ id: r.id, contactId: r.contact_id, reason: r.reason, urgent: r.urgent, openedAt: r.opened_at, messages: Number(r.messages ?? 0) }));
  return pageOf(tickets, page.limit, (t) => [t.urgent ? 0 : 1, t.id]);
}
