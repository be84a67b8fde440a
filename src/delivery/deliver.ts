// Sending one outbox row through its channel: claim, render, send each part once, record.
import type { Kysely } from 'kysely';
import type { Database, Locale } from '../db/tables.ts';
import { PermanentSendError, RetryAfterError, type ChannelAdapter } from '../channels/channel.ts';
import { renderReply, type RenderedPart, type RenderOptions } from '../channels/render.ts';
import type { VoiceForMessage } from '../domain/voice/voice-media.ts';
import type { Translate } from '../i18n/translator.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { ChatPacer } from './chat-pacer.ts';
import { isVoicePart, planVoiceNote, sendVoiceNote } from './voice-notes.ts';
import { claimForSending, finishSent, lastInboundAt, markFailed, putBack, recordPartSent, unclaim, releaseForRetry, type ClaimedMessage, type SentMessage } from './outbox.ts';

/** An approved template by locale: its name and WhatsApp language code. */
export type TemplateFor = (locale: Locale) => { name: string; language: string } | undefined;

export interface DeliveryDeps {
  db: Kysely<Database>;
  adapter: ChannelAdapter;
  pacer: ChatPacer;
  now?: () => Date;
  templates?: TemplateFor;
  /** The words a rendered message carries in the reader's language (the list button, the note of a cut text); signs without it. */
  renderWords?: (locale: Locale | null) => RenderOptions;
  /** Counts messages sent, the pacer's waits and the reply latency; nothing is counted without it. */
  metrics?: Metrics;
  /**
   * A row whose chat may not receive for longer than this (a reminder's venue, a second after its text)
   * is put back and its job comes back then (`ChatTurnLater`), rather than hold one of the few bulk
   * slots while it waits. Without it, every wait is slept through.
   */
  deferChatWaitsOverMs?: number;
  /**
   * Rows claimed in one statement (default 1). More saves Postgres most of its work per message, but a
   * crash leaves up to this many rows of a job "sending", reported as doubtful rather than sent, and a
   * row is marked sent (and findable by its delivery statuses) only when the next group is claimed.
   */
  claimGroup?: number;
}

/** Rows of a job wait for their chat's turn, still pending: the job comes back in `ms`. */
export class ChatTurnLater extends Error {
  override readonly name = 'ChatTurnLater';
  constructor(readonly ms: number) {
    super(`waiting ${Math.round(ms)} ms for a chat's turn`);
  }
}

/** The list button and the shortened-text note from the locale files; French for a staff chat, which has no locale. */
export const renderWordsIn = (t: Translate) => (locale: Locale | null): RenderOptions => ({
  listButton: t(locale ?? 'fr', 'common:listButton'),
  shortenedNote: t(locale ?? 'fr', 'common:shortened'),
});

/**
 * Sends outbox rows one after the other (a job's). A permanent refusal marks a row failed and the next
 * row goes. Any other error of a send puts its row back to pending with that error, and the rows to
 * other chats still go; the later rows to the same chat wait, so that a chat's messages arrive in
 * order. Once every row was tried, such errors are thrown, for the queue to retry the job: rows sent by
 * then are skipped by the retry, never sent twice. A 429 stops the job at once (RetryAfterError): it
 * holds every send on the channel.
 * Rows are claimed `claimGroup` at a time, and the rows sent are marked by the claim of the next group.
 * `receivedAt` stamps the message these rows answer, on the metrics' clock.
 */
export async function deliverOutboxRows(deps: DeliveryDeps, ids: readonly number[], receivedAt?: number): Promise<void> {
  const group = Math.max(1, deps.claimGroup ?? 1);
  let unmarked: SentMessage[] = [];
  const errors: Error[] = [];
  const waitingChats = new Set<string>();
  let laterMs: number | undefined;
  try {
    for (let at = 0; at < ids.length; at += group) {
      const previous = unmarked;
      unmarked = [];
      let claimed: ClaimedMessage[];
      try {
        claimed = await claimForSending(deps.db, ids.slice(at, at + group), previous, [...waitingChats]);
      } catch (err) {
        unmarked = previous;
        throw err;
      }
      // Skipped: sent, failed, being sent elsewhere already, or behind a message of its chat that failed.
      for (const message of claimed) {
        // Claimed with an earlier row of its group, which then failed or had to wait: it waits too.
        if (waitingChats.has(message.recipient)) {
          await unclaim(deps.db, message.id);
          continue;
        }
        // The reply's latency ends when its first part is accepted; a retry that sent it before does not count again.
        const answers = message.id === ids[0] && receivedAt !== undefined ? receivedAt : undefined;
        const outcome = await sendClaimed(deps, message, answers);
        if (outcome instanceof Error) {
          errors.push(outcome);
          waitingChats.add(message.recipient);
        } else if (typeof outcome === 'number') {
          laterMs = Math.min(laterMs ?? outcome, outcome);
          waitingChats.add(message.recipient);
        } else if (outcome !== 'failed') {
          unmarked.push({ message, sentParts: outcome });
          deps.metrics?.messageSent(message.channel);
        }
      }
    }
  } finally {
    await finishSent(deps.db, unmarked);
  }
  const [first] = errors;
  if (first) throw errors.length === 1 ? first : new Error(`${errors.length} messages failed for a moment; the first: ${first.message}`);
  if (laterMs !== undefined) throw new ChatTurnLater(laterMs);
}

/**
 * Sends a claimed row's parts not sent yet: the provider ids of all its parts, 'failed', the error of
 * a moment that put the row back to pending, or in how many ms its chat is free when it was put back
 * to wait for it (`deferChatWaitsOverMs`). A 429 is thrown.
 */
async function sendClaimed(deps: DeliveryDeps, message: ClaimedMessage, receivedAt: number | undefined): Promise<string[] | 'failed' | Error | number> {
  const caps = deps.adapter.capabilities;
  let parts = renderReply(message.reply, caps, deps.renderWords?.(message.locale) ?? {});
  // The reply confirming an erasure answers the message just received, so it is inside the window; the
  // chat identity that held the time is already gone with the rest.
  const windowHours = message.forgetAfterSend ? undefined : caps.sessionWindowHours;
  if (windowHours !== undefined && !(await windowOpen(deps, message.channel, message.recipient, windowHours))) {
    // WhatsApp refuses free-form messages outside the window and may penalise the number: only an
    // approved template goes, and a message without one is refused here, before the provider.
    const template = message.reply.template && message.locale ? deps.templates?.(message.locale) : undefined;
    if (!template || !message.reply.template) {
      await markFailed(deps.db, [message.id], `outside the ${windowHours}-hour window since the villager last wrote, and no approved template for it`);
      return 'failed';
    }
    parts = [{ kind: 'template', name: template.name, language: template.language, params: message.reply.template.params }];
  }
  const sent = [...message.sentParts];
  // The voice note goes first: planned only before anything went, and skipped by a retry that sent it.
  const voice = parts[0]?.kind !== 'template' && sent.length === 0 ? await planVoiceNote(deps.db, deps.adapter, message) : undefined;
  const queue: Array<RenderedPart | VoiceForMessage> = voice ? [voice, ...parts] : parts;
  const remaining = queue.slice(sent.length - (isVoicePart(sent[0]) ? 1 : 0));
  try {
    for (const [i, part] of remaining.entries()) {
      const freeIn = deps.deferChatWaitsOverMs === undefined ? 0 : ((await deps.pacer.chatFreeIn?.(message.channel, message.recipient)) ?? 0);
      if (freeIn > (deps.deferChatWaitsOverMs ?? Infinity)) {
        // The parts sent so far are on the row already (recordPartSent).
        await putBack(deps.db, message.id);
        return freeIn;
      }
      const waited = await deps.pacer.waitTurn(message.channel, message.recipient);
      if (waited > 0) deps.metrics?.sendDelayed(message.channel, waited);
      if ('promptId' in part) {
        const id = await sendVoiceNote(deps.db, deps.adapter, message, part);
        // A chat that refuses voice notes gets the text alone.
        if (id === undefined) continue;
        sent.push(id);
      } else sent.push(await deps.adapter.send(message.recipient, part));
      if (sent.length === 1 && receivedAt !== undefined) deps.metrics?.replyAccepted(message.channel, receivedAt);
      if (i < remaining.length - 1) await recordPartSent(deps.db, message, sent);
    }
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (err instanceof PermanentSendError) {
      await markFailed(deps.db, [message.id], text);
      return 'failed';
    }
    await releaseForRetry(deps.db, message.id, text);
    if (err instanceof RetryAfterError || !(err instanceof Error)) throw err;
    return err;
  }
  return sent;
}

async function windowOpen(deps: DeliveryDeps, channel: string, recipient: string, hours: number): Promise<boolean> {
  const last = await lastInboundAt(deps.db, channel, recipient);
  const now = (deps.now ?? (() => new Date()))();
  return last !== null && now.getTime() - last.getTime() <= hours * 3_600_000;
}
