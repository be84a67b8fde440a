// Sending one outbox row through its channel: claim, render, send each part once, record.
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { PermanentSendError, type ChannelAdapter } from '../channels/channel.ts';
import { renderReply } from '../channels/render.ts';
import type { ChatPacer } from './chat-pacer.ts';
import { claimForSending, lastInboundAt, markFailed, markSent, recordPartSent, releaseForRetry } from './outbox.ts';

export interface DeliveryDeps {
  db: Kysely<Database>;
  adapter: ChannelAdapter;
  pacer: ChatPacer;
  now?: () => Date;
}

export type DeliveryResult = 'sent' | 'skipped' | 'failed';

/**
 * Sends outbox row `id`. A permanent refusal marks it failed; any other error puts it back to
 * pending and is thrown, for the queue to retry (a 429 as RetryAfterError).
 */
export async function deliverOutboxRow(deps: DeliveryDeps, id: number): Promise<DeliveryResult> {
  const message = await claimForSending(deps.db, id);
  if (!message) return 'skipped';
  const caps = deps.adapter.capabilities;
  if (caps.sessionWindowHours !== undefined) {
    // WhatsApp refuses free-form messages outside the window and may penalise the number: refuse first.
    const last = await lastInboundAt(deps.db, message.channel, message.recipient);
    const now = (deps.now ?? (() => new Date()))();
    if (!last || now.getTime() - last.getTime() > caps.sessionWindowHours * 3_600_000) {
      await markFailed(deps.db, [id], `outside the ${caps.sessionWindowHours}-hour window since the villager last wrote: only an approved template may be sent`);
      return 'failed';
    }
  }
  const parts = renderReply(message.reply, caps);
  const sent = [...message.sentParts];
  try {
    for (const part of parts.slice(sent.length)) {
      await deps.pacer.waitTurn(message.channel, message.recipient);
      sent.push(await deps.adapter.send(message.recipient, part));
      await recordPartSent(deps.db, message, sent);
    }
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (err instanceof PermanentSendError) {
      await markFailed(deps.db, [id], text);
      return 'failed';
    }
    await releaseForRetry(deps.db, id, text);
    throw err;
  }
  await markSent(deps.db, [id], sent.join(' '));
  return 'sent';
}
