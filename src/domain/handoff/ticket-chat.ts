// The open ticket of an organisation with the chat it is answered in: the contact's most recent chat
// identity, their language and when they last wrote. What reading, answering and closing a ticket share.
import { sql, type Kysely } from 'kysely';
import type { Database, Locale } from '../../db/tables.ts';
import { LOCALES } from '../../i18n/translator.ts';

export interface TicketChat {
  id: number;
  contactId: number;
  organisationId: number;
  reason: Database['handoff_tickets']['reason'];
  urgent: boolean;
  openedAt: Date;
  assignedTo: number | null;
  phone: string | null;
  optedOut: boolean;
  locale: Locale;
  /** null when the contact has no chat left (erased identity): nothing can be sent. */
  channel: string | null;
  externalId: string | null;
  lastInboundAt: Date | null;
}

/** undefined when the ticket is not open in this organisation: the caller answers 404. */
export async function openTicketChat(db: Kysely<Database>, organisationId: number, ticketId: number): Promise<TicketChat | undefined> {
  const row = await db
    .selectFrom('handoff_tickets as t')
    .innerJoin('contacts as k', 'k.id', 't.contact_id')
    .leftJoin('conversations as v', 'v.contact_id', 't.contact_id')
    .leftJoinLateral(
      (eb) => eb.selectFrom('contact_identities as i').select(['i.channel', 'i.external_id', 'i.last_inbound_at']).whereRef('i.contact_id', '=', 't.contact_id').orderBy(sql`i.last_inbound_at desc nulls last`).limit(1).as('i'),
      (join) => join.onTrue(),
    )
    .select(['t.id', 't.contact_id', 't.organisation_id', 't.reason', 't.urgent', 't.opened_at', 't.assigned_to', 'k.phone_e164', 'k.opted_out_at', 'k.locale', sql<string | null>`v.state->>'locale'`.as('state_locale'), 'i.channel', 'i.external_id', 'i.last_inbound_at'])
    .where('t.id', '=', ticketId)
    .where('t.organisation_id', '=', organisationId)
    .where('t.status', '=', 'open')
    .executeTakeFirst();
  if (!row) return undefined;
  // The saved state is jsonb: a locale it does not hold falls back to the contact's, then French.
  const locale = LOCALES.find((l) => l === row.state_locale) ?? row.locale ?? 'fr';
  return {
    id: row.id,
    contactId: row.contact_id,
    organisationId,
    reason: row.reason,
    urgent: row.urgent,
    openedAt: row.opened_at,
    assignedTo: row.assigned_to,
    phone: row.phone_e164,
    optedOut: row.opted_out_at !== null,
    locale,
    channel: row.channel,
    externalId: row.external_id,
    lastInboundAt: row.last_inbound_at,
  };
}
