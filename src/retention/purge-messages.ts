// Old notifications and messages: the rows go, their counts stay (message_counts), so a campaign's report
// reads the same before and after.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { oldestFirst, type Batch } from './batches.ts';

/** Notifications fired or dropped before the cutoff; a check-in's first one stays with the answers it holds. */
export function purgeNotifications(db: Kysely<Database>, cutoff: Date, rows: number): () => Promise<Batch> {
  return oldestFirst(db, {
    table: 'notifications',
    writtenAt: 'created_at',
    cutoff,
    rows,
    also: sql<boolean>`x.status in ('sent', 'cancelled', 'failed') and x.updated_at < ${cutoff}
      and not exists (select 1 from checkins c where c.notification_id = x.id)`,
  });
}

/**
 * Messages written before the cutoff, whatever became of them, with their delivery log (cascade): each
 * statement adds what it deletes to message_counts, so no count is ever lost or counted twice. A
 * broadcast's messages wait until its figures are on its row (`countFinishedBroadcasts`).
 */
export function purgeOutbox(db: Kysely<Database>, cutoff: Date, rows: number): () => Promise<Batch> {
  return oldestFirst(db, {
    table: 'outbox',
    writtenAt: 'created_at',
    cutoff,
    rows,
    also: sql<boolean>`(x.broadcast_id is null or not exists (
      select 1 from broadcasts b where b.id = x.broadcast_id and b.counted_at is null))`,
    returning: sql`x.id, x.created_at, x.organisation_id, x.campaign_id, x.channel, x.kind, x.status, x.delivered_at, x.read_at`,
    more: {
      ctes: sql`counted as (
        insert into message_counts as m (day, organisation_id, campaign_id, channel, kind, status, messages, delivered, read)
        select (created_at at time zone 'UTC')::date, organisation_id, campaign_id, channel, kind, status, count(*), count(delivered_at), count(read_at)
        from gone group by 1, 2, 3, 4, 5, 6
        on conflict (campaign_id, organisation_id, day, channel, kind, status) do update
        set messages = m.messages + excluded.messages, delivered = m.delivered + excluded.delivered, read = m.read + excluded.read
      )`,
      // Read before the cascade runs, at the end of the statement.
      counted: sql<number>`(select count(*) from sent_messages m where m.outbox_id in (select id from gone))`,
    },
  });
}
