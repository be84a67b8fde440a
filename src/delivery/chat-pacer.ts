// At most one message per chat per interval (Telegram asks for about one a second), across every
// worker process: the turn is a Redis key that expires.
import type { Redis } from 'ioredis';

export interface ChatPacer {
  /** Resolves when this chat may receive its next message. */
  waitTurn(channel: string, chat: string): Promise<void>;
}

export function redisChatPacer(redis: Redis, options: { prefix: string; intervalMs: number }): ChatPacer {
  return {
    async waitTurn(channel, chat) {
      const key = `${options.prefix}:pace:${channel}:${chat}`;
      for (;;) {
        const taken = await redis.set(key, '1', 'PX', options.intervalMs, 'NX');
        if (taken === 'OK') return;
        const left = await redis.pttl(key);
        await new Promise((resolve) => setTimeout(resolve, Math.max(5, left)));
      }
    },
  };
}

/** For channels without a per-chat limit. */
export const noPacing: ChatPacer = { waitTurn: async () => undefined };
