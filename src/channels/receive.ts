// What every channel does with a message it received: the conversation, then the replies queued for sending.
import { handleInbound, type ConversationDeps, type HandledMessage } from '../conversation/index.ts';
import { queueLoneNotice } from '../delivery/lone-notice.ts';
import type { OutboundQueues } from '../delivery/outbound.queue.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { ParsedInbound } from './channel.ts';
import { floodVerdict, type FloodGuard } from './flood-guard.ts';
import { withVoice, type VoiceFetcher } from './voice-fetch.ts';
import type { Logger } from '../logging/logger.ts';
import type { NotificationTimers } from '../scheduling/notification.queue.ts';

export interface ReceiveDeps {
  conversation: ConversationDeps;
  queues: OutboundQueues;
  flood?: FloodGuard;
  /** Starts the timers of the reminders a booking wrote; without it the reconciler starts them. */
  timers?: NotificationTimers;
  /** Counts the messages in, and stamps their replies' jobs for the reply latency. */
  metrics?: Metrics;
  /** Downloads a voice note from this channel's provider, once the message passed the flood limit. */
  fetchVoice?: VoiceFetcher;
  logger?: Logger;
}

export type Received = HandledMessage | { throttled: true };
export type Receive = (inbound: ParsedInbound) => Promise<Received>;

/**
 * Handles the message (once per provider id) and queues its replies. If the process stops between
 * the two, the replies wait in the outbox as pending and the worker's sweep queues them.
 */
export function createReceiver(deps: ReceiveDeps): Receive {
  return async (inbound) => {
    const receivedAt = deps.metrics?.now();
    const verdict = await floodVerdict(deps.flood, inbound);
    if (verdict !== 'ok') {
      deps.metrics?.messageReceived(inbound.channel);
      if (verdict === 'warn') await warnFlood(deps, inbound);
      return { throttled: true };
    }
    // Fetched only now, and once: a flood of voice notes, or a provider sending one again, costs no download.
    const fetch = deps.fetchVoice && inbound.voiceSource && !(await alreadyReceived(deps, inbound)) ? deps.fetchVoice : undefined;
    const handled = await handleInbound(deps.conversation, fetch ? await withVoice(inbound, fetch, deps.logger) : inbound);
    if (!handled.duplicate) deps.metrics?.messageReceived(inbound.channel);
    if (!handled.duplicate && handled.replies.length > 0) {
      await deps.queues.enqueue(handled.channel, handled.replies.map((r) => r.outboxId), { receivedAt });
    }
    // On the clock the reminders' times were computed with: it says which are within the timers' horizon.
    if (deps.timers && handled.scheduled.length > 0) await deps.timers.schedule(handled.scheduled, deps.conversation.clock.now());
    return handled;
  };
}

/** The provider sent this message before (its receipt is kept): the conversation will skip it. */
async function alreadyReceived(deps: ReceiveDeps, inbound: ParsedInbound): Promise<boolean> {
  const row = await deps.conversation.db.selectFrom('inbound_receipts').select('channel').where('channel', '=', inbound.channel).where('provider_id', '=', inbound.providerId).executeTakeFirst();
  return row !== undefined;
}

/** The one polite answer to a flood, in the language the conversation uses. */
async function warnFlood(deps: ReceiveDeps, inbound: ParsedInbound): Promise<void> {
  const { db, t } = deps.conversation;
  await queueLoneNotice(db, deps.queues, { channel: inbound.channel, externalId: inbound.from }, (locale) => t(locale, 'common:tooFast'));
}
