// What every channel does with a message it received: the conversation, then the replies queued for sending.
import { handleInbound, type ConversationDeps, type HandledMessage } from '../conversation/index.ts';
import type { OutboundQueues } from '../delivery/outbound.queue.ts';
import type { ParsedInbound } from './channel.ts';

export interface ReceiveDeps {
  conversation: ConversationDeps;
  queues: OutboundQueues;
}

export type Receive = (inbound: ParsedInbound) => Promise<HandledMessage>;

/**
 * Handles the message (once per provider id) and queues its replies. If the process stops between
 * the two, the replies wait in the outbox as pending and the worker's sweep queues them.
 */
export function createReceiver(deps: ReceiveDeps): Receive {
  return async (inbound) => {
    const handled = await handleInbound(deps.conversation, inbound);
    if (!handled.duplicate && handled.replies.length > 0) {
      await deps.queues.enqueue(handled.channel, handled.replies.map((r) => r.outboxId));
    }
    return handled;
  };
}
