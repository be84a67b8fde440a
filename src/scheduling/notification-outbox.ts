// Handing a fired notification's message to the outbox, and marking it sent, in the firing transaction.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { Reply } from '../conversation/reply.ts';
import { returningState } from '../conversation/state.ts';
import type { FireResult, FireTarget } from './fire-notification.ts';

/**
 * The message to the outbox, the notification marked sent and the conversation put where the answer
 * belongs (a reminder's 1/2, a check-in question), in one statement of the firing transaction.
 */
export async function queueNotification(trx: Kysely<Database>, notificationId: number, target: FireTarget, reply: Reply, conversation: Record<string, unknown>): Promise<FireResult> {
  const result = await sql<{ id: number }>`
    with ob as (
      insert into outbox (contact_id, organisation_id, campaign_id, channel, recipient, kind, payload)
      -- Whose message it is and about which campaign: the appointment's, or the blood centre's and drive of a recalled donation.
      select ${target.contactId}, coalesce(c.organisation_id, d.organisation_id), coalesce(a.campaign_id, d.campaign_id),
        ${target.channel}, ${target.recipient}, 'notification', ${JSON.stringify(reply)}::jsonb
      from notifications n
      left join appointments a on a.id = n.appointment_id left join campaigns c on c.id = a.campaign_id
      left join donations d on d.id = n.donation_id where n.id = ${notificationId}
      returning id
    ), fired as (
      update notifications set status = 'sent', outbox_id = (select id from ob), attempts = attempts + 1, updated_at = now()
      where id = ${notificationId}
    ), talk as (
      -- A conversation let go after long silence (the retention job) starts again here, so the answer is understood.
      insert into conversations (contact_id, state) values (${target.contactId}, ${JSON.stringify({ ...returningState(target.locale), ...conversation })}::jsonb)
      -- The newest notification is the one a "1" answers: an earlier reminder or recall left unanswered no longer is.
      on conflict (contact_id) do update set state = (conversations.state - 'reminder' - 'recall') || ${JSON.stringify(conversation)}::jsonb
    )
    select id from ob`.execute(trx);
  const outboxId = Number(result.rows[0]?.id);
  return { kind: 'sent', outboxId, channel: target.channel };
}

export async function markFired(trx: Kysely<Database>, notificationId: number, outboxId: number | null, reason?: string): Promise<void> {
  await trx
    .updateTable('notifications')
    .set({ status: 'sent', outbox_id: outboxId, attempts: sql<number>`attempts + 1`, updated_at: sql<Date>`now()`, ...(reason ? { reason } : {}) })
    .where('id', '=', notificationId)
    .execute();
}
