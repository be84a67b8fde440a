// A villager writing to a running service through the web simulator's HTTP API, as its page does: every
// message goes through the real engine, so a booking made here is one a villager could make.
import { z } from 'zod';
import { ReplySchema, type Reply } from '../../src/conversation/index.ts';
import type { Sex } from '../../src/db/tables.ts';
import type { Locale } from '../../src/i18n/translator.ts';
import { choiceNumber, OPENERS, repliesText } from './conversation-harness.ts';

const AnswerSchema = z.object({ replies: z.array(ReplySchema) });

export class SimulatorVillager {
  /** The replies to the last message sent. */
  last: Reply[] = [];

  constructor(
    /** The server's address, e.g. http://127.0.0.1:40123 */
    private readonly base: string,
    readonly phone: string,
  ) {}

  async send(text: string): Promise<Reply[]> {
    const response = await fetch(`${this.base}/simulator/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: this.phone, text }),
    });
    if (!response.ok) throw new Error(`the simulator answered ${response.status} to "${text}": ${await response.text()}`);
    this.last = AnswerSchema.parse(await response.json()).replies;
    return this.last;
  }

  /** Answers the last question by the number of the choice whose label (or id) matches. */
  async choose(label: RegExp | string): Promise<Reply[]> {
    return this.send(choiceNumber(this.last, label));
  }

  lastText(): string {
    return repliesText(this.last);
  }
}

export interface VillagerBooking {
  locale: Locale;
  name: string;
  sex: Sex;
  age: number;
  /** Where the person lives, which names the province whose campaigns are listed. */
  commune: string;
  /** The campaign's title as the villager reads it in the list. */
  campaign: string;
  service: string;
  /** 'YYYY-MM-DD' */
  day: string;
  /** As the chat writes a window: '09:00-12:00'. */
  window: string;
}

/**
 * From a first message to a confirmed place for the villager themselves: consent, who, name, sex, age,
 * commune, then the campaign picked by its title, the service, day and window. Returns the confirmation
 * code the engine gave (the one its QR code carries).
 */
export async function bookAsVillager(v: SimulatorVillager, b: VillagerBooking): Promise<string> {
  await v.send(OPENERS[b.locale]);
  await v.choose('accept');
  await v.choose('register');
  await v.choose('self');
  await v.send(b.name);
  await v.choose(b.sex);
  await v.send(String(b.age));
  await v.send(b.commune);
  await v.choose(b.campaign);
  await v.choose(b.service);
  await v.choose(b.day);
  await v.choose(b.window);
  await v.choose('confirm');
  const code = v.last.find((r) => r.image?.kind === 'qr')?.image?.data;
  if (code === undefined) throw new Error(`no confirmation code for ${b.name}; last replies: ${v.lastText()}`);
  return code;
}
