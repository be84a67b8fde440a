// For channels that never deliver a message twice — Telegram long polling confirms what it fetched,
// and whatsapp-web.js hands each message over once — a message that cannot be stored because the
// database or Redis is away is tried again until it is, instead of being dropped. Webhooks need none
// of this: they answer 5xx and the provider sends the message again.
import type { Logger } from '../logging/logger.ts';
import { isUnavailable } from '../db/pg-errors.ts';
import { backoffMs, sleep as realSleep, type Sleep } from '../runtime/retry.ts';
import type { Receive } from './receive.ts';

export interface PersistentReceiveOptions {
  logger: Logger;
  /** True once the channel stops: the message is left (the process is going away). */
  stopped: () => boolean;
  maxDelayMs?: number;
  sleep?: Sleep;
}

/** `receive`, retried while its dependencies are unavailable; another error is thrown at once (a bug must not block the channel). */
export function persistentReceive(receive: Receive, options: PersistentReceiveOptions): Receive {
  return async (inbound) => {
    for (let n = 1; ; n++) {
      try {
        return await receive(inbound);
      } catch (err) {
        if (!isUnavailable(err) || options.stopped()) throw err;
        const waitMs = backoffMs(n, 250, options.maxDelayMs ?? 10_000);
        options.logger.warn({ channel: inbound.channel, providerId: inbound.providerId, attempt: n, waitMs, reason: err instanceof Error ? err.message : String(err) }, 'message kept until it can be stored');
        await (options.sleep ?? realSleep)(waitMs);
      }
    }
  };
}
