// Villagers booking through the Telegram webhook, as Telegram delivers them: each villager's messages
// in order, a message sent again until the service answers 200 (Telegram retries what was not
// acknowledged), many villagers at once.

/** What a villager types to book an eye consultation from the first "Bonjour" to the confirmation. */
export const BOOKING_JOURNEY = (name: string) => ['Bonjour', '1', '2', '1', name, '1', '45', 'Tinghir', 'Tinghir', '1', '1', '1', '1', '1'];

/** The same for a villager already known (consented, registered, in Tinghir), from the menu: for me, the caravan, the service, the day, the window, confirm. */
export const KNOWN_VILLAGER_JOURNEY = () => ['2', '1', '1', '1', '1', '1', '1'];

export interface TrafficOptions {
  villagers: number;
  /** The first chat id; villager i writes from `firstChat + i`. */
  firstChat: number;
  concurrency: number;
  /** Where villager `i`'s webhook goes now (the test may move it to a restarted service, or spread villagers over several). */
  url: (villager: number) => string;
  /** What each villager types; a whole booking from "Bonjour" by default. */
  journey?: (villager: number) => string[];
  secret: string;
  /** Told after each acknowledged message. */
  onAcknowledged?: (count: number) => void;
}

export interface TrafficResult {
  acknowledged: number;
  /** Sends that got no 200 and were sent again. */
  retries: number;
}

export function telegramUpdate(updateId: number, chat: number, text: string) {
  return { update_id: updateId, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'V' }, text } };
}

/**
 * Posts one update until the webhook answers 200, every 200 ms, as Telegram does; returns how many sends
 * were retried. `url` is asked again for each send: the service may have moved meanwhile.
 */
export async function postUntilAcknowledged(url: () => string, secret: string, body: object): Promise<number> {
  for (let retries = 0; ; retries++) {
    const status = await fetch(`${url()}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    }).then((r) => r.status, () => 0);
    if (status === 200) return retries;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs every villager's journey to the end; a message is retried every 200 ms until acknowledged. */
export async function runBookingTraffic(options: TrafficOptions): Promise<TrafficResult> {
  let acknowledged = 0;
  let retries = 0;
  let next = 0;
  const villager = async (i: number) => {
    const chat = options.firstChat + i;
    const journey = options.journey?.(i) ?? BOOKING_JOURNEY(`Villageois ${i} Test`);
    for (const [step, text] of journey.entries()) {
      retries += await postUntilAcknowledged(() => options.url(i), options.secret, telegramUpdate(chat * 100 + step, chat, text));
      acknowledged++;
      options.onAcknowledged?.(acknowledged);
    }
  };
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      for (let i = next++; i < options.villagers; i = next++) await villager(i);
    }),
  );
  return { acknowledged, retries };
}
