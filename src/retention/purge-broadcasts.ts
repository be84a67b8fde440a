// Finished broadcasts: their figures are written on their rows, so their messages can go with the others.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

/**
 * Writes targeted's companions — queued, sent, delivered, read, failed (by error), cancelled, as the progress route counts them —
 * on each broadcast that finished (done or cancelled) before the cutoff; returns how many.
 */
export async function countFinishedBroadcasts(db: Kysely<Database>, cutoff: Date): Promise<number> {
  const due = await db.selectFrom('broadcasts').select('id').where('status', 'in', ['done', 'cancelled']).where('updated_at', '<', cutoff).where('counted_at', 'is', null).orderBy('id').execute();
  // One broadcast per statement: a hundred thousand messages counted at once is a fraction of a second.
  for (const { id } of due) {
    await sql`
      update broadcasts b set counted_at = now(), queued = c.queued, sent = c.sent, failed = c.failed, cancelled = c.cancelled,
        delivered = c.delivered, read = c.read, failed_by_error = coalesce(e.errors, '{}'::jsonb)
      from (
        select count(*)::int as queued, count(*) filter (where o.status = 'sent')::int as sent,
          count(*) filter (where o.status = 'failed')::int as failed, count(*) filter (where o.status = 'cancelled')::int as cancelled,
          count(o.delivered_at)::int as delivered, count(o.read_at)::int as read
        from outbox o where o.broadcast_id = ${id}
      ) c, (
        select jsonb_object_agg(coalesce(error, ''), n) as errors from (
          select o.error, count(*)::int as n from outbox o
          where o.broadcast_id = ${id} and o.status = 'failed' group by o.error
        ) f
      ) e
      where b.id = ${id} and b.counted_at is null`.execute(db);
  }
  return due.length;
}
