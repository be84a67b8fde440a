// Handing a fired notification's message to the outbox, and marking it sent, in the firing transaction.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { Reply } from '../conversation/reply.ts';
import type { FireResult, FireTarget } from './fire-notification.ts';

export async function queueNotification(trx: Kysely<Database>, notificationId: number, target: FireTarget, reply: Reply): Promise<FireResult> {
  const outbox = await trx
    .insertInto('outbox')
    .values({ contact_id: target.contactId, channel: target.channel, recipient: target.recipient, kind: 'notification', payload: JSON.stringify(reply) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await markFired(trx, notificationId, outbox.id);
  return { kind: 'sent', outboxId: outbox.id, channel: target.channel };
}

export async function markFired(trx: Kysely<Database>, notificationId: number, outboxId: number | null, reason?: string): Promise<void> {
  await trx
    .updateTable('notifications')
    .set({ status: 'sent', outbox_id: outboxId, attempts: sql<number>`attempts + 1`, updated_at: sql<Date>`now()`, ...(reason ? { reason } : {}) })
    .where('id', '=', notificationId)
    .execute();
}

/** Puts the contact's conversation where the next answer belongs (a reminder's 1/2, a check-in question). */
export async function setConversation(trx: Kysely<Database>, contactId: number, patch: Record<string, unknown>): Promise<void> {
  await trx
    .updateTable('conversations')
    .set({ state: sql`state || ${JSON.stringify(patch)}::jsonb` })
    .where('contact_id', '=', contactId)
    .execute();
}
