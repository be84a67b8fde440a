// Sending one outbox row through its channel: claim, render, send each part once, record.
import type { Kysely } from 'kysely';
import type { Database, Locale } from '../db/tables.ts';
import { PermanentSendError, type ChannelAdapter } from '../channels/channel.ts';
import { renderReply } from '../channels/render.ts';
import type { ChatPacer } from './chat-pacer.ts';
import { claimForSending, finishSent, lastInboundAt, markFailed, recordPartSent, releaseForRetry } from './outbox.ts';

/** An approved template by locale: its name and WhatsApp language code. */
export type TemplateFor = (locale: Locale) => { name: string; language: string } | undefined;

export interface DeliveryDeps {
  db: Kysely<Database>;
  adapter: ChannelAdapter;
  pacer: ChatPacer;
  now?: () => Date;
  templates?: TemplateFor;
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
  let parts = renderReply(message.reply, caps);
  if (caps.sessionWindowHours !== undefined && !(await windowOpen(deps, message.channel, message.recipient, caps.sessionWindowHours))) {
    // WhatsApp refuses free-form messages outside the window and may penalise the number: only an
    // approved template goes, and a message without one is refused here, before the provider.
    const template = message.reply.template && message.locale ? deps.templates?.(message.locale) : undefined;
    if (!template || !message.reply.template) {
      await markFailed(deps.db, [id], `outside the ${caps.sessionWindowHours}-hour window since the villager last wrote, and no approved template for it`);
      return 'failed';
    }
    parts = [{ kind: 'template', name: template.name, language: template.language, params: message.reply.template.params }];
  }
  const sent = [...message.sentParts];
  try {
    for (const part of parts.slice(sent.length)) {
      await deps.pacer.waitTurn(message.channel, message.recipient);
      sent.push(await deps.adapter.send(message.recipient, part));
      if (sent.length < parts.length) await recordPartSent(deps.db, message, sent);
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
  await finishSent(deps.db, message, sent);
  return 'sent';
}

async function windowOpen(deps: DeliveryDeps, channel: string, recipient: string, hours: number): Promise<boolean> {
  const last = await lastInboundAt(deps.db, channel, recipient);
  const now = (deps.now ?? (() => new Date()))();
  return last !== null && now.getTime() - last.getTime() <= hours * 3_600_000;
}
