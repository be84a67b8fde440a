// The inbox's list: an organisation's open tickets, urgent first then oldest, each with who it is, who
// holds it, the villager's last words and whether the reader has seen them; and the short "pulse" the
// header's badge and the live stream read (unread count, and a version that moves with any change).
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/tables.ts';
import type { InboxPulse, InboxTicket } from '../../http/console/inbox.schemas.ts';
import { decodeCursor, pageOf, type Page, type PageQuery } from '../pagination.ts';

const TicketCursor = z.tuple([z.number().int().min(0).max(1), z.number().int()]);

/** A ticket is unread for a staff member who never opened it, or when the villager wrote after they did. */
const unreadFor = (staffId: number) => sql<boolean>`(
  not exists (select 1 from handoff_reads r where r.ticket_id = t.id and r.staff_id = ${staffId})
  or exists (select 1 from handoff_messages m join handoff_reads r on r.ticket_id = m.ticket_id and r.staff_id = ${staffId}
             where m.ticket_id = t.id and m.author = 'villager' and m.at > r.read_at))`;

export async function listInbox(db: Kysely<Database>, organisationId: number, staffId: number, page: PageQuery): Promise<Page<InboxTicket>> {
  const after = decodeCursor(page.cursor, TicketCursor);
  const rank = sql<number>`(case when t.urgent then 0 else 1 end)`;
  const rows = await db
    .selectFrom('handoff_tickets as t')
    .leftJoin('staff as s', 's.id', 't.assigned_to')
    .select([
      't.id', 't.reason', 't.urgent', 't.opened_at', 't.assigned_to', 's.name as assigned_name',
      sql<string | null>`(select b.full_name from beneficiaries b where b.contact_id = t.contact_id and b.erased_at is null order by (b.relation = 'self') desc, b.id limit 1)`.as('name'),
      sql<string | null>`(select i.channel from contact_identities i where i.contact_id = t.contact_id order by i.last_inbound_at desc nulls last limit 1)`.as('channel'),
      sql<string | null>`(select m.text from handoff_messages m where m.ticket_id = t.id and m.author = 'villager' order by m.id desc limit 1)`.as('last_text'),
      sql<Date | null>`(select max(m.at) from handoff_messages m where m.ticket_id = t.id and m.author = 'villager')`.as('last_at'),
      unreadFor(staffId).as('unread'),
    ])
    .where('t.status', '=', 'open')
    .where('t.organisation_id', '=', organisationId)
    .$if(after !== undefined, (q) => q.where(sql<boolean>`(${rank}, t.id) > (${after?.[0] ?? 0}, ${after?.[1] ?? 0})`))
    .orderBy(rank)
    .orderBy('t.id')
    .limit(page.limit + 1)
    .execute();
  const tickets = rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    urgent: r.urgent,
    openedAt: r.opened_at.toISOString(),
    name: r.name,
    channel: r.channel,
    assignedTo: r.assigned_to !== null ? { id: r.assigned_to, name: r.assigned_name ?? '' } : null,
    lastText: r.last_text,
    lastAt: r.last_at ? new Date(r.last_at).toISOString() : null,
    unread: Boolean(r.unread),
  }));
  return pageOf(tickets, page.limit, (t) => [t.urgent ? 0 : 1, t.id]);
}

/**
 * The unread and open counts for one staff member, and a version digest of everything the inbox shows
 * (tickets, lines, assignments, delivery statuses): a page compares one short string to know when to reload.
 * Also the post-operative alerts nobody has taken yet: the header, which shows both badges, listens to
 * this one stream.
 */
export async function inboxPulse(db: Kysely<Database>, organisationId: number, staffId: number): Promise<InboxPulse> {
  const row = await sql<{ open: number; unread: number; alerts: number; tickets: string; lines: string; outbox: string }>`
    select count(*)::int as open,
      (select count(*) from staff_alerts a join campaigns c on c.id = a.campaign_id
        where c.organisation_id = ${organisationId} and a.resolved_at is null and a.acknowledged_at is null)::int as alerts,
      (count(*) filter (where ${unreadFor(staffId)}))::int as unread,
      coalesce(string_agg(t.id || ':' || t.urgent || ':' || coalesce(t.assigned_to, 0), ',' order by t.id), '') as tickets,
      coalesce((select max(m.id) from handoff_messages m join handoff_tickets h on h.id = m.ticket_id where h.organisation_id = ${organisationId}), 0)::text as lines,
      coalesce((select max(o.updated_at) from outbox o where o.contact_id in
        (select h.contact_id from handoff_tickets h where h.organisation_id = ${organisationId} and h.status = 'open'))::text, '') as outbox
    from handoff_tickets t
    where t.organisation_id = ${organisationId} and t.status = 'open'`.execute(db);
  const figures = row.rows[0] ?? { open: 0, unread: 0, alerts: 0, tickets: '', lines: '0', outbox: '' };
  const version = createHash('sha1').update(`${figures.tickets}|${figures.lines}|${figures.outbox}|${figures.unread}`).digest('base64url').slice(0, 16);
  return { open: figures.open, unread: figures.unread, alerts: figures.alerts, version };
}

/** Who a ticket can be given to: the organisation's active coordinators and medical staff. */
export async function inboxColleagues(db: Kysely<Database>, organisationId: number): Promise<Array<{ id: number; name: string; role: string }>> {
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'role'])
    .where('organisation_id', '=', organisationId)
    .where('disabled_at', 'is', null)
    .where('role', 'in', ['coordinator', 'medical'])
    .orderBy('name')
    .execute();
}
