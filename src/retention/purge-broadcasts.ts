// Finished broadcasts: their figures are written on their rows, then the list of who got one goes.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { Batch } from './batches.ts';

/**
 * Writes targeted's companions — queued, sent, delivered, read, failed (by error), cancelled, as the progress route counts them —
 * on each broadcast that finished (done or cancelled) before the cutoff; returns how many.
 */
export async function countFinishedBroadcasts(db: Kysely<Database>, cutoff: Date): Promise<number> {
  const due = await db.selectFrom('broadcasts').select('id').where('status', 'in', ['done', 'cancelled']).where('updated_at', '<', cutoff).where('counted_at', 'is', null).orderBy('id').execute();
  // One broadcast per statement: a hundred thousand deliveries counted at once is a fraction of a second.
  for (const { id } of due) {
    await sql`
      update broadcasts b set counted_at = now(), queued = c.queued, sent = c.sent, failed = c.failed, cancelled = c.cancelled,
        delivered = c.delivered, read = c.read, failed_by_error = coalesce(e.errors, '{}'::jsonb)
      from (
        select count(*)::int as queued, count(*) filter (where o.status = 'sent')::int as sent,
          count(*) filter (where o.status = 'failed')::int as failed, count(*) filter (where o.status = 'cancelled')::int as cancelled,
          count(o.delivered_at)::int as delivered, count(o.read_at)::int as read
        from broadcast_deliveries d join outbox o on o.id = d.outbox_id where d.broadcast_id = ${id}
      ) c, (
        select jsonb_object_agg(coalesce(error, ''), n) as errors from (
          select o.error, count(*)::int as n from broadcast_deliveries d join outbox o on o.id = d.outbox_id
          where d.broadcast_id = ${id} and o.status = 'failed' group by o.error
        ) f
      ) e
      where b.id = ${id} and b.counted_at is null`.execute(db);
  }
  return due.length;
}

/** Deliveries of the broadcasts whose figures are on their rows. */
export function purgeBroadcastDeliveries(db: Kysely<Database>, rows: number): () => Promise<Batch> {
  return async () => {
    const result = await sql<{ removed: number }>`
      with gone as (
        delete from broadcast_deliveries where (broadcast_id, contact_id) in (
          select d.broadcast_id, d.contact_id from broadcasts b join broadcast_deliveries d on d.broadcast_id = b.id
          where b.counted_at is not null limit ${rows})
        returning 1
      )
      select count(*)::int as removed from gone`.execute(db);
    const removed = result.rows[0]?.removed ?? 0;
    return { removed, more: removed === rows };
  };
}
