// What the service counts, as the modules that count see it: a few methods named for events, so the
// conversation, the channels and the delivery know nothing of Prometheus. Every label value comes
// from a bounded set (a channel, a queue, a refusal reason), never a phone, a chat or a campaign.

/**
 * Given to the modules that count, optionally: without it nothing is counted.
 *
 * @example
 * const receive = createReceiver({ conversation, queues, metrics });
 */
export interface Metrics {
  /** Milliseconds on the clock reply latency is measured with: a message is stamped with it as it comes in. */
  now(): number;
  /** A villager's message came in (a provider's retry of one already handled is not counted). */
  messageReceived(channel: string): void;
  /** The provider accepted every part of an outbox message. */
  messageSent(channel: string): void;
  /** The provider accepted the first part of the answer to a message stamped `receivedAt` by `now()`. */
  replyAccepted(channel: string, receivedAt: number): void;
  /** The pacer held a send `waitedMs` for its slot (the channel's rate, the chat's interval, a 429's hold). */
  sendDelayed(channel: string, waitedMs: number): void;
  /** The provider answered 429 (too many requests). */
  providerThrottled(channel: string): void;
  /** A villager took a place. */
  booked(channel: string): void;
  /** The rules refused a place: `action` is book, waitlist or reschedule, `reason` the refusal's code. */
  bookingRefused(action: string, reason: string): void;
  /** An emergency was recognised and answered with the numbers. */
  emergency(channel: string): void;
}
