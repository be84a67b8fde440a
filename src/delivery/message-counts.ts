// How many messages a campaign sent, by kind and status: the outbox rows still kept, plus the counts the
// retention job wrote when it deleted older ones, so a report reads the same before and after a purge.
import { sql, type Kysely } from 'kysely';
import type { Database, OutboxKind, OutboxStatus } from '../db/tables.ts';

export interface MessageCount {
  kind: OutboxKind;
  status: OutboxStatus;
  messages: number;
  /** Of those, the ones the provider said were delivered, and read (WhatsApp tells both). */
  delivered: number;
  read: number;
}

/**
 * The messages about a campaign of the organisation (reminders, check-ins, recalls, broadcasts, staff
 * alerts); undefined when the campaign is not theirs.
 *
 * @example
 * const counts = await campaignMessageCounts(db, organisationId, campaignId);
 * counts?.find((c) => c.kind === 'notification' && c.status === 'sent')?.messages;
 */
export async function campaignMessageCounts(db: Kysely<Database>, organisationId: number, campaignId: number): Promise<MessageCount[] | undefined> {
  const own = await db.selectFrom('campaigns').select('id').where('id', '=', campaignId).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!own) return undefined;
  // One statement, so one snapshot: a purge committing meanwhile moves rows into the counts all at once.
  const rows = await sql<MessageCount>`
    select kind, status, sum(messages)::int as messages, sum(delivered)::int as delivered, sum(read)::int as read
    from (
      select kind, status, count(*) as messages, count(delivered_at) as delivered, count(read_at) as read
      from outbox where campaign_id = ${campaignId} group by kind, status
      union all
      select kind, status, sum(messages), sum(delivered), sum(read)
      from message_counts where campaign_id = ${campaignId} group by kind, status
    ) c
    group by kind, status
    order by kind, status`.execute(db);
  return rows.rows;
}
