// A service's queue on a venue day: the people checked in for it, in the order they are called, and the
// "seen" mark its staff give (the first mark kept, audited, only on the organisation's own appointments).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { Seen, ServiceQueue } from '../../http/console/queue.schemas.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { DeskActor } from './check-in.ts';
import { ageOn } from './check-in-decision.ts';
import { isWaiting, queueOrder } from './queue-order.ts';

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

/**
 * The checked-in people of a day and service; undefined when the campaign is not the organisation's (404).
 *
 * @example const queue = await serviceQueue(db, orgId, 7, '2026-12-14', 'surgery'); queue?.waiting // 3
 */
export async function serviceQueue(db: Kysely<Database>, organisationId: number, campaignId: number, day: string, service: string): Promise<ServiceQueue | undefined> {
  const campaign = await db.selectFrom('campaigns').select('id').where('id', '=', campaignId).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!campaign) return undefined;
  const rows = await db
    .selectFrom('appointments as a')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .select(['a.id', 'a.code', 'b.full_name', 'b.birth_year', 'b.sex', 'b.commune', 's.starts_at', 's.ends_at', 'a.arrived_at', 'a.seen_at', 'a.procedure_done_at', 'a.walk_in'])
    .where('a.campaign_id', '=', campaignId)
    .where('s.day', '=', day)
    .where('a.service', '=', service)
    .where('a.status', '=', 'attended')
    // An erased person is gone from every screen.
    .where('b.erased_at', 'is', null)
    .execute();
  const people = queueOrder(
    rows.map((r) => ({
      appointmentId: r.id,
      code: r.code,
      name: r.full_name,
      age: ageOn(day, r.birth_year),
      sex: r.sex,
      commune: r.commune,
      window: { start: r.starts_at.slice(0, 5), end: r.ends_at.slice(0, 5) },
      arrivedAt: iso(r.arrived_at),
      seenAt: iso(r.seen_at),
      procedureDoneAt: iso(r.procedure_done_at),
      walkIn: r.walk_in,
    })),
  );
  return { campaignId, day, service, waiting: people.filter(isWaiting).length, people };
}

/**
 * Marks a checked-in person seen at `at`; marked again, the first mark stands and nothing is audited twice.
 * undefined when no checked-in appointment of the organisation has that id (404).
 *
 * @example await inTransaction(db, (trx) => markSeen(trx, { kind: 'staff', id: 9 }, orgId, 812, clock.now()));
 */
export async function markSeen(trx: Kysely<Database>, actor: DeskActor, organisationId: number, appointmentId: number, at: Date): Promise<Seen | undefined> {
  const marked = await trx
    .updateTable('appointments')
    .set({ seen_at: at, seen_by: actor.id, updated_at: sql<Date>`now()` })
    .where('id', '=', appointmentId)
    .where('campaign_id', 'in', (eb) => eb.selectFrom('campaigns').select('id').where('organisation_id', '=', organisationId))
    .where('status', '=', 'attended')
    .where('seen_at', 'is', null)
    .returning(['id', 'seen_at'])
    .executeTakeFirst();
  if (marked?.seen_at) {
    await recordAudit(trx, { actor, action: 'appointment.seen', entity: 'appointment', entityId: marked.id, details: { at: marked.seen_at.toISOString() } });
    return { appointmentId: marked.id, seenAt: marked.seen_at.toISOString() };
  }
  const before = await trx
    .selectFrom('appointments')
    .select(['id', 'seen_at'])
    .where('id', '=', appointmentId)
    .where('campaign_id', 'in', (eb) => eb.selectFrom('campaigns').select('id').where('organisation_id', '=', organisationId))
    .where('status', '=', 'attended')
    .executeTakeFirst();
  return before?.seen_at ? { appointmentId: before.id, seenAt: before.seen_at.toISOString() } : undefined;
}
