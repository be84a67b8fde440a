// The organisation's audit log as its coordinators read it: newest first, narrowed to one staff member,
// one kind of action or one day (in the campaigns' time zone), a page at a time.
import { DateTime } from 'luxon';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/tables.ts';
import type { AuditEntryView, AuditFilters, AuditQuery } from '../../http/console/audit.schemas.ts';
import { decodeCursor, pageOf, type Page } from '../pagination.ts';

const AuditCursor = z.string().regex(/^\d{1,19}$/);

/** The instants a local day starts and ends at: a day of the clock change is 23 or 25 hours long. Pure. */
export function dayBounds(day: string, zone: string): { from: Date; to: Date } {
  const start = DateTime.fromISO(day, { zone }).startOf('day');
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate() };
}

export async function searchAuditLog(db: Kysely<Database>, organisationId: number, zone: string, query: AuditQuery): Promise<Page<AuditEntryView>> {
  const after = decodeCursor(query.cursor, AuditCursor);
  const day = query.day === undefined ? undefined : dayBounds(query.day, zone);
  const rows = await db
    .selectFrom('audit_log as l')
    .leftJoin('staff as s', (join) => join.on(sql<boolean>`l.actor = 'staff:' || s.id`))
    .select(['l.id', 'l.at', 'l.actor', 'l.action', 'l.entity', 'l.entity_id', 'l.details', 's.name'])
    .where('l.organisation_id', '=', organisationId)
    .$if(query.staff !== undefined, (q) => q.where('l.actor', '=', `staff:${query.staff ?? 0}`))
    .$if(query.kind !== undefined, (q) => q.where('l.action', '=', query.kind ?? ''))
    .$if(day !== undefined, (q) => q.where('l.at', '>=', day?.from ?? new Date(0)).where('l.at', '<', day?.to ?? new Date(0)))
    .$if(after !== undefined, (q) => q.where(sql<boolean>`l.id < ${after ?? '0'}::bigint`))
    .orderBy('l.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const entries = rows.map((r) => ({ id: String(r.id), at: r.at.toISOString(), staff: r.name, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, details: r.details }));
  return pageOf(entries, query.limit, (e) => e.id);
}

/** The organisation's staff members (past ones too: their entries stay) and the kinds of action its log holds. */
export async function auditFilters(db: Kysely<Database>, organisationId: number): Promise<AuditFilters> {
  const staff = await db.selectFrom('staff').select(['id', 'name']).where('organisation_id', '=', organisationId).orderBy('name').orderBy('id').execute();
  const kinds = await db.selectFrom('audit_log').select('action').distinct().where('organisation_id', '=', organisationId).orderBy('action').execute();
  return { staff, kinds: kinds.map((k) => k.action) };
}
