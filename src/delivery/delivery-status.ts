// Delivery statuses from a provider (sent, delivered, read, failed) onto the message log.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

export interface StatusUpdate {
  providerId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  error?: string;
}

/**
 * Statuses arrive out of order (a "read" can beat its "delivered"): a status only moves forward,
 * and "failed" wins. Returns how many sent messages were updated; unknown ids are ignored. A message
 * is found by channel and provider id: only WhatsApp sends statuses, and its ids are unique everywhere
 * (Telegram's, counted per chat, are not, which is why the log is keyed by outbox row).
 */
export async function applyDeliveryStatuses(db: Kysely<Database>, channel: string, updates: readonly StatusUpdate[]): Promise<number> {
  let applied = 0;
  for (const u of updates) {
    const row = await db
      .updateTable('sent_messages')
      .set({ status: u.status, error: u.error ?? null, updated_at: sql<Date>`now()` })
      .where('channel', '=', channel)
      .where('provider_id', '=', u.providerId)
      .where((eb) =>
        u.status === 'failed'
          ? eb('status', '<>', 'failed')
          : eb(sql<number>`array_position(array['sent', 'delivered', 'read'], status)`, '<', sql<number>`array_position(array['sent', 'delivered', 'read'], ${u.status}::text)`),
      )
      .returning('outbox_id')
      .executeTakeFirst();
    if (!row) continue;
    applied++;
    const now = sql<Date>`now()`;
    const patch =
      u.status === 'failed'
        ? { status: 'failed' as const, error: (u.error ?? 'the provider reported a failure').slice(0, 500) }
        : u.status === 'delivered'
          ? { delivered_at: sql<Date>`coalesce(delivered_at, now())` }
          : u.status === 'read'
            ? { delivered_at: sql<Date>`coalesce(delivered_at, now())`, read_at: sql<Date>`coalesce(read_at, now())` }
            : {};
    await db.updateTable('outbox').set({ ...patch, updated_at: now }).where('id', '=', row.outbox_id).execute();
  }
  return applied;
}
