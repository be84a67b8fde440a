// The inbox's pure rules: how far a message went, whether free text may go to a chat now, and the
// ticket's conversation put in order from its two sources (the ticket's lines and the outbox).
import type { OutboxStatus } from '../../db/tables.ts';
import type { DeliveryState, TimelineEntry } from '../../http/console/inbox.schemas.ts';

/** What staff see of an outbox row: the furthest step the channel reported. */
export function deliveryState(row: { status: OutboxStatus; delivered_at: Date | null; read_at: Date | null }): DeliveryState {
  if (row.status === 'failed' || row.status === 'cancelled') return 'failed';
  if (row.read_at) return 'read';
  if (row.delivered_at) return 'delivered';
  return row.status === 'sent' ? 'sent' : 'queued';
}

/**
 * Free text may go unless the channel answers only within a window since the villager last wrote
 * (WhatsApp Cloud: 24 hours) and that window is over; a villager who never wrote there has no window.
 *
 * @example freeTextAllowed({ whatsapp: 24 }, 'whatsapp', lastInboundAt, now)
 */
export function freeTextAllowed(windows: Readonly<Record<string, number>>, channel: string | null, lastInboundAt: Date | null, now: Date): boolean {
  const hours = channel === null ? undefined : windows[channel];
  if (hours === undefined) return true;
  return lastInboundAt !== null && now.getTime() - lastInboundAt.getTime() <= hours * 3_600_000;
}

/** Oldest first; at the same instant, what the villager wrote before what answered it. */
export function inOrder(entries: readonly TimelineEntry[]): TimelineEntry[] {
  const rank = (e: TimelineEntry) => (e.author === 'villager' ? 0 : 1);
  return [...entries].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || rank(a) - rank(b) || a.key.localeCompare(b.key));
}
