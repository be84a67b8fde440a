// Sending one outbox row through its channel: claim, render, send each part once, record.
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { PermanentSendError, type ChannelAdapter } from '../channels/channel.ts';
import { renderReply } from '../channels/render.ts';
import type { ChatPacer } from './chat-pacer.ts';
import { claimForSending, markFailed, markSent, recordPartSent, releaseForRetry } from './outbox.ts';

export interface DeliveryDeps {
  db: Kysely<Database>;
  adapter: ChannelAdapter;
  pacer: ChatPacer;
}

export type DeliveryResult = 'sent' | 'skipped' | 'failed';

/**
 * Sends outbox row `id`. A permanent refusal marks it failed; any other error puts it back to
 * pending and is thrown, for the queue to retry (a 429 as RetryAfterError).
 */
export async function deliverOutboxRow(deps: DeliveryDeps, id: number): Promise<DeliveryResult> {
  const message = await claimForSending(deps.db, id);
  if (!message) return 'skipped';
  const parts = renderReply(message.reply, deps.adapter.capabilities);
  const sent = [...message.sentParts];
  try {
    for (const part of parts.slice(sent.length)) {
      await deps.pacer.waitTurn(message.channel, message.recipient);
      sent.push(await deps.adapter.send(message.recipient, part));
      if (sent.length < parts.length) await recordPartSent(deps.db, id, sent);
    }
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (err instanceof PermanentSendError) {
      await markFailed(deps.db, [id], text);
      return 'failed';
    }
    if (sent.length > message.sentParts.length) await recordPartSent(deps.db, id, sent);
    await releaseForRetry(deps.db, id, text);
    throw err;
  }
  await markSent(deps.db, [id], sent.join(' '));
  return 'sent';
}
