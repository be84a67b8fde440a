// Every button and list row fits WhatsApp's limits in every locale (20 characters for a reply button,
// 24 for a list row), so none is cut and loses its meaning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WHATSAPP_CLOUD_CAPABILITIES as CAPS } from '../../src/channels/whatsapp-cloud/whatsapp-cloud.channel.ts';
import { LOCALES, createTranslator, loadResources, type Locale } from '../../src/i18n/translator.ts';
import type { Reply } from '../../src/conversation/reply.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { bookEyeConsultation, conversationDeps, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';

const resources = loadResources();
const t = createTranslator(resources);
const length = (text: string) => [...text].length;

/** The children of a locale object, e.g. every `menu:option.*`. */
const children = (locale: Locale, ns: string, key: string): string[] => {
  const tree = (resources[locale]?.[ns] ?? {}) as Record<string, unknown>;
  const node = key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], tree);
  return Object.keys(node as Record<string, unknown>).map((child) => `${ns}:${key}.${child}`);
};

/** Labels shown as reply buttons (three choices at most). */
const buttons = (locale: Locale) => [
  ...children(locale, 'consent', 'option'),
  ...children(locale, 'register', 'sex'),
  ...children(locale, 'register', 'full'),
  ...children(locale, 'donor', 'given'),
  ...children(locale, 'donor', 'pregnancy'),
  ...Object.keys(resources[locale]?.services ?? {}).map((code) => `services:${code}`),
  'register:confirm', 'register:change', 'appointments:cancel', 'appointments:reschedule', 'appointments:cancelYes', 'appointments:cancelNo',
  'access:confirmYes', 'access:confirmNo', 'checkin:yes', 'checkin:no', 'donor:recallYes', 'donor:recallNo', 'donor:recallBook', 'donor:recallStop',
  'reminders:confirm', 'reminders:cancel', 'handoff:offerYes', 'handoff:offerNo', 'privacy:deleteYes', 'privacy:deleteNo', 'place:fromList', 'campaigns:alertMe',
  'common:listButton',
];

/** Labels shown as list rows (up to ten choices). */
const rows = (locale: Locale) => [
  ...children(locale, 'menu', 'option'),
  ...children(locale, 'register', 'who'),
  ...children(locale, 'language', 'name'),
  ...children(locale, 'access', 'field'),
  ...children(locale, 'access', 'option'),
  ...children(locale, 'donor', 'event'),
  'checkin:pain_0', 'checkin:pain_1', 'checkin:pain_2', 'checkin:pain_3',
];

describe.each(LOCALES)('labels in %s', (locale) => {
  it(`fit a reply button (${CAPS.maxButtonTitle} characters)`, () => {
    const tooLong = buttons(locale).map((key) => t(locale, key)).filter((label) => length(label) > CAPS.maxButtonTitle);
    expect(tooLong).toEqual([]);
  });

  it(`fit a list row (${CAPS.maxListRowTitle} characters)`, () => {
    const tooLong = rows(locale).map((key) => t(locale, key)).filter((label) => length(label) > CAPS.maxListRowTitle);
    expect(tooLong).toEqual([]);
  });
});

describe('labels made of campaign data', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedConversationCampaigns(db.db);
  });
  afterAll(async () => db?.drop());

  /** Every choice the villager saw, against the limit of the widget its reply is drawn with. */
  const overLimit = (replies: readonly Reply[]) =>
    replies.flatMap((r) => {
      const choices = r.choices ?? [];
      const max = choices.length <= CAPS.maxButtons ? CAPS.maxButtonTitle : choices.length <= CAPS.maxListRows ? CAPS.maxListRowTitle : Infinity;
      return choices.filter((c) => length(c.label) > max).map((c) => c.label);
    });

  it.each(LOCALES)('fit their widget through a booking and its cancellation, in %s', async (locale) => {
    const v = new Villager(conversationDeps(db.db), `+2126180000${LOCALES.indexOf(locale)}`);
    await v.onboard(locale);
    await bookEyeConsultation(v, { name: 'Fatima Zahra', sex: 'female', age: 40, day: '2026-12-14' });
    await v.choose('appointments');
    await v.send('1');
    await v.choose('reschedule');
    expect(overLimit(v.all)).toEqual([]);
  });
});
