// Drives the real conversation service on a scratch database, as villagers would, with a clock tests control.
import { DateTime } from 'luxon';
import { handleInbound, type Choice, type ConversationDeps, type Inbound, type Reply } from '../../src/conversation/index.ts';
import { createTranslator, loadResources, type Locale } from '../../src/i18n/translator.ts';
import type { Db } from '../../src/db/connection.ts';
import { bookAppointment } from '../../src/domain/appointments/booking.ts';
import { createBeneficiaries, deps as bookingDeps, importTestCampaign, staffContext } from './fixtures.ts';

/** Where each test starts: 1 December 2026, 10:00 in Morocco. */
export const START = new Date('2026-12-01T09:00:00Z');
export const START_DAY = '2026-12-01';

/** `day` plus `days` calendar days, as 'YYYY-MM-DD'. */
export function addDays(day: string, days: number): string {
  const next = DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toISODate();
  if (next === null) throw new RangeError(`not a day: ${day}`);
  return next;
}

export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export function testClock(start = START): TestClock {
  let at = start.getTime();
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

/** The machine's own clock, for a service that browser tests reach with days counted from today: it cannot be moved. */
export function realClock(): TestClock {
  return {
    now: () => new Date(),
    advance: () => {
      throw new Error('the real clock cannot be moved: use testClock()');
    },
  };
}

/** Keys asked for that no locale has: a test fails on any. */
export const missingKeys: string[] = [];
const resources = loadResources();

export function conversationDeps(db: Db, clock: TestClock = testClock(), options: { reportMissing?: boolean } = {}): ConversationDeps {
  return {
    db,
    clock,
    timeZone: 'Africa/Casablanca',
    t: options.reportMissing === false ? createTranslator(resources) : createTranslator(resources, { onMissing: (locale, key) => missingKeys.push(`${locale}:${key}`) }),
    safety: { samu: '141', civil: '15' },
    booking: bookingDeps,
  };
}

/** The choices offered by the last of these replies that offers any. */
export function lastChoices(replies: readonly Reply[]): Choice[] {
  return [...replies].reverse().find((r) => r.choices && r.choices.length > 0)?.choices ?? [];
}

export function repliesText(replies: readonly Reply[]): string {
  return replies.map((r) => r.text).join('\n');
}

/** The number that answers the last question with the choice whose label (or id) matches: choice n answers to "n". */
export function choiceNumber(replies: readonly Reply[], label: RegExp | string): string {
  const choices = lastChoices(replies);
  const index = choices.findIndex((c) => (typeof label === 'string' ? c.label === label || c.id === label : label.test(c.label)));
  // A plain error, so benchmarks can use this file outside vitest; the test fails all the same.
  if (index < 0) throw new Error(`no choice ${String(label)} in ${JSON.stringify(choices.map((c) => c.label))}; last replies: ${repliesText(replies)}`);
  return String(index + 1);
}

/** A first message that reads as each locale. */
export const OPENERS: Record<Locale, string> = { fr: 'Bonjour', ary: 'السلام', 'ary-Latn': 'salam', ar: 'أهلا وسهلا', shi: 'azul' };

export class Villager {
  last: Reply[] = [];
  all: Reply[] = [];
  constructor(
    private deps: ConversationDeps,
    readonly phone: string,
    readonly channel: Inbound['channel'] = 'terminal',
  ) {}

  /** Swaps the service underneath (a restart), keeping the villager's phone. */
  useDeps(deps: ConversationDeps): void {
    this.deps = deps;
  }

  async send(message: string | Omit<Inbound, 'channel' | 'from'>): Promise<Reply[]> {
    const body = typeof message === 'string' ? { text: message } : message;
    const handled = await handleInbound(this.deps, { channel: this.channel, from: this.phone, phone: this.phone, ...body });
    this.last = handled.replies.map((r) => r.reply);
    this.all.push(...this.last);
    return this.last;
  }

  /** Answers the last question by the number of the choice whose label matches. */
  async choose(label: RegExp | string): Promise<Reply[]> {
    return this.send(choiceNumber(this.last, label));
  }

  lastChoices() {
    return lastChoices(this.last);
  }

  lastText(): string {
    return repliesText(this.last);
  }

  /** Opens the conversation in a locale and accepts the consent notice; ends at the menu. */
  async onboard(locale: Locale): Promise<void> {
    await this.send(OPENERS[locale]);
    await this.choose('accept');
  }
}

/** From the menu: registers the villager themselves at the Tinghir caravan up to the choice of a window for `service` on `day`. */
export async function registerUpToWindow(v: Villager, person: { name: string; sex: 'female' | 'male'; age: number; day: string; service?: string }): Promise<void> {
  await v.choose('register');
  await v.choose('self');
  await v.send(person.name);
  await v.choose(person.sex);
  await v.send(String(person.age));
  await v.send('Tinghir'); // the commune, which names the province: the place is not asked again
  await v.send('1'); // the nearest: the Tinghir caravan
  await v.choose(person.service ?? 'ophthalmology');
  await v.choose(person.day);
}

/** From the menu: books an eye consultation on `day` at the Tinghir caravan for the villager themselves. */
export async function bookEyeConsultation(v: Villager, person: { name: string; sex: 'female' | 'male'; age: number; day: string }): Promise<void> {
  await registerUpToWindow(v, person);
  await v.send('1'); // the first window
  await v.choose('confirm');
}

/**
 * A caravan in Tinghir on days 13 and 14 after `today` (the 14th and 15th of December from the
 * test clock's start) and a blood drive in Casablanca on day 9. A command that runs on the real
 * clock is given the real today.
 */
export async function seedConversationCampaigns(db: Db, capacity = 200, today = START_DAY): Promise<{ caravanId: number; driveId: number }> {
  const [first, second, drive] = [addDays(today, 13), addDays(today, 14), addDays(today, 9)];
  const caravanId = await importTestCampaign(db, {
    slug: 'tinghir-caravan',
    title: { fr: 'Caravane de Tinghir', ar: 'قافلة تنغير', 'ary-Latn': "L9afila d Tinghir" },
    firstDay: first,
    lastDay: second,
    services: [
      { code: 'ophthalmology', windows: [{ start: '09:00', end: '12:00', capacity }] },
      // The first day has one surgery place (see fillSurgeryDay, which takes it): the full-day path.
      { code: 'surgery', requiresFasting: true, windows: [{ days: [first], start: '08:00', end: '12:00', capacity: 1 }, { days: [second], start: '08:00', end: '12:00', capacity }] },
    ],
  });
  const driveId = await importTestCampaign(db, {
    slug: 'casa-blood-drive',
    organisation: 'cnts',
    kind: 'blood_drive',
    title: { fr: 'Collecte de sang Aïn Chock', ar: 'حملة التبرع بالدم عين الشق' },
    province: 'casablanca',
    commune: 'Aïn Chock',
    venue: { name: 'Place Aïn Chock', lat: 33.545, lon: -7.587 },
    firstDay: drive,
    lastDay: drive,
    services: [{ code: 'blood_donation', windows: [{ start: '09:00', end: '13:00', capacity: 100 }] }],
  });
  return { caravanId, driveId };
}

/** Takes the only surgery place of the caravan's first day, as a booking made by staff would. */
export async function fillSurgeryDay(db: Db, caravanId: number): Promise<void> {
  const slot = await db.selectFrom('slots').select('id').where('campaign_id', '=', caravanId).where('service', '=', 'surgery').orderBy('day').executeTakeFirstOrThrow();
  const [beneficiaryId] = await createBeneficiaries(db, 1);
  if (beneficiaryId === undefined) throw new Error('no beneficiary created');
  await db.transaction().execute((trx) => bookAppointment(trx, staffContext(), { beneficiaryId, slotId: slot.id }, bookingDeps));
}
