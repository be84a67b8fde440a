// Pacing sends across every worker process: at most N messages a second on a channel, and one per
// chat per interval. Each send reserves a time slot in Redis (generic cell rate algorithm): slots are
// spaced by the interval, so no sliding second ever holds more than the limit.
import type { Redis } from 'ioredis';

export interface ChatPacer {
  /** Resolves when this chat may receive its next message. */
  waitTurn(channel: string, chat: string): Promise<void>;
  /** The provider asked to wait (a 429): nothing goes out on the channel for `ms`, from any process. */
  hold(channel: string, ms: number): Promise<void>;
}

/** Reserves the next free slot of `key` spaced by `intervalMs`; returns how long to wait for it. */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local interval = tonumber(ARGV[1])
local slot = math.max(tat, now)
redis.call('SET', KEYS[1], tostring(slot + interval), 'PX', math.ceil(slot + interval - now + 1000))
return slot - now
`;

export interface PacerOptions {
  prefix: string;
  /** Messages per second across the channel; 0 for no channel-wide limit. */
  perSecond: number;
  /** Minimum time between two messages to one chat; 0 for none. */
  chatIntervalMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function redisPacer(redis: Redis, options: PacerOptions): ChatPacer {
  // 5% over 1/N seconds apart: a send that leaves late (a busy event loop, a slow network) can then
  // land next to the following one without a sliding second ever holding more than N.
  const channelInterval = options.perSecond > 0 ? Math.ceil((1000 / options.perSecond) * 1.05) : 0;
  const reserve = async (key: string, intervalMs: number) => {
    const wait = Number(await redis.eval(RESERVE, 1, key, String(intervalMs)));
    if (wait > 0) await sleep(wait);
  };
  return {
    async hold(channel, ms) {
      const key = `${options.prefix}:pace:${channel}:hold`;
      const left = await redis.pttl(key);
      if (left < ms) await redis.set(key, '1', 'PX', Math.ceil(ms));
    },
    async waitTurn(channel, chat) {
      const held = await redis.pttl(`${options.prefix}:pace:${channel}:hold`);
      if (held > 0) await sleep(held);
      if (options.chatIntervalMs > 0) await reserve(`${options.prefix}:pace:${channel}:chat:${chat}`, options.chatIntervalMs);
      if (channelInterval > 0) await reserve(`${options.prefix}:pace:${channel}:all`, channelInterval);
    },
  };
}

/** For tests and channels without limits. */
export const noPacing: ChatPacer = { waitTurn: async () => undefined, hold: async () => undefined };
