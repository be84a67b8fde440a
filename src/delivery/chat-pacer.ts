// Pacing sends across every worker process: at most N messages a second on a channel, and one per
// chat per interval. Each send reserves a time slot in Redis (generic cell rate algorithm): slots are
// spaced by the interval, so no sliding second ever holds more than the limit.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { RedisClient } from '../redis/redis-clients.ts';
import { keyGroup } from '../redis/redis-keys.ts';
import { observeRoundTrip, type OffsetBounds } from './clock-offset.ts';

export interface ChatPacer {
  /** Resolves when this chat may receive its next message, with how many milliseconds it waited. */
  waitTurn(channel: string, chat: string): Promise<number>;
  /** The provider asked to wait (a 429): nothing goes out on the channel for `ms`, from any process. */
  hold(channel: string, ms: number): Promise<void>;
  /** In how many milliseconds this chat may receive again, without taking its turn; absent: never waits. */
  chatFreeIn?(channel: string, chat: string): Promise<number>;
}

/**
 * Reserves the next free slot of KEYS[1] spaced by ARGV[1] microseconds, not before the hold KEYS[2]
 * (a provider's 429) ends; returns the slot and Redis's clock, in microseconds. Both keys are of one channel's group, so
 * they share a slot on a Redis Cluster.
 * Microseconds, and numbers written with %.0f: at 1,000 a second a slot is about a millisecond apart.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local interval = tonumber(ARGV[1])
local held = redis.call('PTTL', KEYS[2])
local slot = math.max(tat, now)
if held > 0 then slot = math.max(slot, now + held * 1000) end
redis.call('SET', KEYS[1], string.format('%.0f', slot + interval), 'PX', math.ceil((slot + interval - now) / 1000) + 1000)
return {slot, now}
`;

const SlotReplySchema = z.tuple([z.number(), z.number()]);

const RESERVE_SHA = createHash('sha1').update(RESERVE).digest('hex');

/** How long until KEYS[1]'s next free slot, in microseconds, reserving nothing. */
const FREE_IN = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
return string.format('%.0f', math.max(0, tonumber(redis.call('GET', KEYS[1]) or '0') - now))
`;

export interface PacerOptions {
  /** The deployment's key prefix (a hash tag on a Redis Cluster: see redis/redis-keys.ts). */
  prefix: string;
  /** Messages per second across the channel; 0 for no channel-wide limit. */
  perSecond: number;
  /** Minimum time between two messages to one chat; 0 for none. */
  chatIntervalMs: number;
  /**
   * How much further apart than 1/N seconds slots are (default 0.03). A send may then reach the
   * provider up to 1 s × margin / (1 + margin) after its slot without a sliding second holding more
   * than N: 29 ms at 3%, 57 ms at 6%. Over HTTP to a busy API, the larger one.
   */
  margin?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** EVALSHA once the script is known to Redis (ioredis falls back to EVAL when it is not), not its text each time. */
async function reserveSlot(redis: RedisClient, key: string, holdKey: string, intervalUs: number): Promise<unknown> {
  return redis.evalsha(RESERVE_SHA, 2, key, holdKey, String(intervalUs)).catch((err: unknown) => {
    if (err instanceof Error && err.message.startsWith('NOSCRIPT')) return redis.eval(RESERVE, 2, key, holdKey, String(intervalUs));
    throw err;
  });
}

export function redisPacer(redis: RedisClient, options: PacerOptions): ChatPacer {
  // Slots a margin over 1/N seconds apart: a send that leaves late (a busy event loop, a slow network)
  // can then land next to the following one without a sliding second ever holding more than N.
  const margin = options.margin ?? 0.03;
  const channelIntervalUs = options.perSecond > 0 ? Math.floor((1_000_000 / options.perSecond) * (1 + margin)) : 0;
  // The margin leaves room for lateness: if every send leaves at most D after its slot, a sliding
  // second holds at most the slots of 1 s + D, which stay under N while D < 1 s × margin / (1 + margin)
  // (29 ms at 3%). A waiter that wakes later than 20 ms after its slot (a busy event loop) takes a
  // fresh one instead; the rest of the room is for the way to the provider.
  const lateUs = 20_000;
  // Slots are on Redis's clock. Where they fall on ours is known within the bounds round trips give
  // (clock-offset.ts): a sender sleeps until the latest the slot can be, so it is never early however
  // long a request took to reach Redis, and counts its lateness from the earliest, so 20 ms bounds the
  // real delay.
  let offset: OffsetBounds | undefined;
  const nowUs = () => performance.now() * 1000;
  /** Waits for a slot of `key`; returns how long it slept. */
  const reserve = async (key: string, holdKey: string, intervalUs: number): Promise<number> => {
    let slept = 0;
    // Five late wake-ups in a row mean Redis itself answers that late: go rather than loop; a 429 then holds the channel.
    for (let attempt = 1; ; attempt++) {
      const askedUs = nowUs();
      const [slotUs, theirsUs] = SlotReplySchema.parse(await reserveSlot(redis, key, holdKey, intervalUs));
      offset = observeRoundTrip(offset, { askedUs, answeredUs: nowUs(), theirsUs });
      const wait = (slotUs - offset.low - nowUs()) / 1000;
      if (wait >= 1) {
        await sleep(wait);
        slept += wait;
      }
      const lateByUs = nowUs() - (slotUs - offset.high);
      if (lateByUs <= lateUs || intervalUs === 0 || attempt >= 5) return slept;
    }
  };
  // `qafila:pace:telegram:...` on one Redis; `{qafila:pace:telegram}:...` on a cluster, one slot per channel.
  const keysOf = (channel: string) => keyGroup(options.prefix, `pace:${channel}`);
  return {
    async hold(channel, ms) {
      const key = `${keysOf(channel)}:hold`;
      const left = await redis.pttl(key);
      if (left < ms) await redis.set(key, '1', 'PX', Math.ceil(ms));
    },
    async chatFreeIn(channel, chat) {
      if (options.chatIntervalMs <= 0) return 0;
      return Number(await redis.eval(FREE_IN, 1, `${keysOf(channel)}:chat:${chat}`)) / 1000;
    },
    async waitTurn(channel, chat) {
      const keys = keysOf(channel);
      const hold = `${keys}:hold`;
      const forChat = options.chatIntervalMs > 0 ? await reserve(`${keys}:chat:${chat}`, hold, options.chatIntervalMs * 1000) : 0;
      // Always taken, even with no channel limit: it is also where a 429's hold is waited out.
      return forChat + (await reserve(`${keys}:all`, hold, channelIntervalUs));
    },
  };
}

/** For tests and channels without limits. */
export const noPacing: ChatPacer = { waitTurn: async () => 0, hold: async () => undefined };
