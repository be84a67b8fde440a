// One ticket as staff read it: the conversation (the villager's lines, the bot's and staff's answers with
// how far each went, internal notes), who the contact is, and their appointments with this organisation.
import type { Kysely } from 'kysely';
import type { Database, Locale } from '../../db/tables.ts';
import type { TicketDetail, TimelineEntry } from '../../http/console/inbox.schemas.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { maskPhone } from '../campaigns/booking-search.ts';
import { deliveryState, freeTextAllowed, inOrder } from './inbox-rules.ts';
import { openTicketChat } from './ticket-chat.ts';
import { voiceNotesOfTicket } from './voice-notes.ts';

/** The bot's messages shown before a ticket opened: what led to it. */
const BEFORE_OPENING_MS = 24 * 3_600_000;
/** At most this many of the bot's messages: a long booking dialogue is not what staff need. */
const BOT_LINES = 60;

export interface TicketViewOptions {
  now: Date;
  /** Hours after the villager's last message during which a channel takes free text (WhatsApp: 24). */
  windows: Readonly<Record<string, number>>;
  /** The approved template's words in the villager's language; null where no template is set up. */
  templateText: (locale: Locale) => string | null;
}

export async function ticketDetail(db: Kysely<Database>, organisationId: number, ticketId: number, options: TicketViewOptions): Promise<TicketDetail | undefined> {
  const chat = await openTicketChat(db, organisationId, ticketId);
  if (!chat) return undefined;
  const [lines, bot, people, appointments, assigned, voices] = await Promise.all([
    db
      .selectFrom('handoff_messages as m')
      .leftJoin('staff as s', 's.id', 'm.staff_id')
      .leftJoin('outbox as o', 'o.id', 'm.outbox_id')
      .select(['m.id', 'm.author', 'm.text', 'm.at', 's.name', 'm.outbox_id', 'o.status', 'o.delivered_at', 'o.read_at', 'o.error'])
      .where('m.ticket_id', '=', ticketId)
      .orderBy('m.id')
      .execute(),
    db
      .selectFrom('outbox as o')
      .select(['o.id', 'o.payload', 'o.created_at', 'o.status', 'o.delivered_at', 'o.read_at', 'o.error'])
      .where('o.contact_id', '=', chat.contactId)
      .where('o.created_at', '>=', new Date(chat.openedAt.getTime() - BEFORE_OPENING_MS))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('handoff_messages as m').select('m.id').whereRef('m.outbox_id', '=', 'o.id'))))
      .orderBy('o.id', 'desc')
      .limit(BOT_LINES)
      .execute(),
    db
      .selectFrom('beneficiaries')
      .select(['full_name', 'relation', 'sex', 'birth_year', 'commune'])
      .where('contact_id', '=', chat.contactId)
      .where('erased_at', 'is', null)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('appointments as a')
      .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
      .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
      .innerJoin('slots as s', 's.id', 'a.slot_id')
      .select(['a.code', 'b.full_name', 'c.title', 'a.service', 's.day', 's.starts_at', 'a.status'])
      .where('b.contact_id', '=', chat.contactId)
      .where('c.organisation_id', '=', organisationId)
      .orderBy('s.day', 'desc')
      .orderBy('s.starts_at')
      .limit(50)
      .execute(),
    chat.assignedTo === null ? undefined : db.selectFrom('staff').select(['id', 'name']).where('id', '=', chat.assignedTo).executeTakeFirst(),
    voiceNotesOfTicket(db, ticketId),
  ]);
  const timeline: TimelineEntry[] = [
    ...lines.map((m) => ({
      key: `m${m.id}`,
      author: m.author,
      text: m.text,
      at: m.at.toISOString(),
      staff: m.author === 'villager' ? null : m.name,
      delivery: m.author === 'staff' ? (m.status ? deliveryState({ status: m.status, delivered_at: m.delivered_at, read_at: m.read_at }) : 'sent') : null,
      error: m.author === 'staff' ? m.error : null,
      ...(voices.has(m.id) ? { voice: voices.get(m.id) } : {}),
    })),
    ...bot.map((o) => ({
      key: `o${o.id}`,
      author: 'bot' as const,
      text: textOf(o.payload),
      at: o.created_at.toISOString(),
      staff: null,
      delivery: deliveryState(o),
      error: o.error,
    })),
  ];
  const free = freeTextAllowed(options.windows, chat.channel, chat.lastInboundAt, options.now);
  return {
    id: chat.id,
    reason: chat.reason,
    urgent: chat.urgent,
    openedAt: chat.openedAt.toISOString(),
    assignedTo: assigned ? { id: assigned.id, name: assigned.name } : null,
    contact: {
      channel: chat.channel,
      locale: chat.locale,
      phoneMasked: chat.phone ? maskPhone(chat.phone) : null,
      optedOut: chat.optedOut,
      lastInboundAt: chat.lastInboundAt?.toISOString() ?? null,
    },
    freeTextAllowed: free,
    templateText: free ? null : options.templateText(chat.locale),
    people: people.map((p) => ({ name: p.full_name, relation: p.relation, sex: p.sex, birthYear: p.birth_year, commune: p.commune })),
    appointments: appointments.map((a) => ({ code: a.code, name: a.full_name, campaign: a.title, service: a.service, day: a.day, start: a.starts_at.slice(0, 5), status: a.status })),
    timeline: inOrder(timeline),
  };
}

/** The words of an outbox row's reply (an erased one keeps none). */
function textOf(payload: unknown): string {
  const text = typeof payload === 'object' && payload !== null ? (payload as { text?: unknown }).text : undefined;
  return typeof text === 'string' ? text : '';
}

/** The villager's number in full, for a staff member who asked to see it: audited in the same transaction. */
export async function ticketPhone(trx: Kysely<Database>, actor: Actor, organisationId: number, ticketId: number): Promise<{ phone: string | null } | undefined> {
  const row = await trx
    .selectFrom('handoff_tickets as t')
    .innerJoin('contacts as k', 'k.id', 't.contact_id')
    .select(['t.id', 'k.phone_e164'])
    .where('t.id', '=', ticketId)
    .where('t.organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row) return undefined;
  await recordAudit(trx, { actor, action: 'ticket.phone_read', entity: 'handoff_ticket', entityId: row.id });
  return { phone: row.phone_e164 };
}
