// The composer's preview: the number it shows before sending is the number of messages the fan-out then
// writes, on the same data; each person the audience names but leaves out is counted under one reason;
// WhatsApp chats silent for 24 hours are counted as the template's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { Locale } from '../../src/db/tables.ts';
import { NotFound } from '../../src/domain/errors.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { previewAudience } from '../../src/scheduling/broadcast-preview.ts';
import { createBroadcast, fanoutPage, type Audience } from '../../src/scheduling/broadcasts.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { ensureOrganisation, importTestCampaign } from '../support/fixtures.ts';

const ZONE = 'Africa/Casablanca';
const tr = createTranslator(loadResources());
const staff = { kind: 'staff' as const, id: 1 };
/** Noon today in Morocco: sending is allowed, whatever day the tests run. */
const NOON = DateTime.now().setZone(ZONE).set({ hour: 12, minute: 0, second: 0, millisecond: 0 }).toJSDate();
const hoursAgo = (h: number) => new Date(NOON.getTime() - h * 3_600_000);
let t: TestDatabase;
let ORG = 0;
let otherCampaign = 0;

interface Chat { channel: string; lastInboundAt?: Date; blocked?: boolean }

/** A contact subscribed to a province, with chats, in a language; consented unless said. */
async function contact(name: string, options: { locale: Locale; province: string; chats: Chat[]; consent?: boolean; optedOut?: boolean }): Promise<void> {
  const c = await t.db
    .insertInto('contacts')
    .values({ locale: options.locale, consent_at: options.consent === false ? null : hoursAgo(100), opted_out_at: options.optedOut ? hoursAgo(50) : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const chat of options.chats) {
    await t.db.insertInto('contact_identities').values({ channel: chat.channel, external_id: `${chat.channel}-${name}`, contact_id: c.id, last_inbound_at: chat.lastInboundAt ?? null, blocked_at: chat.blocked ? hoursAgo(10) : null }).execute();
  }
  await t.db.insertInto('alert_subscriptions').values({ contact_id: c.id, province_code: options.province }).execute();
}

beforeAll(async () => {
  t = await createTestDatabase();
  await importTestCampaign(t.db, { slug: 'preview-tinghir', province: 'tinghir' });
  ORG = await ensureOrganisation(t.db, 'test-association');
  otherCampaign = await importTestCampaign(t.db, { slug: 'preview-other', organisation: 'other-centre', province: 'casablanca' });
  // Reached: on Telegram; on WhatsApp within 24 hours; on WhatsApp silent for two days (the template);
  // with two chats, the one used last (WhatsApp, silent: the template).
  await contact('amina', { locale: 'fr', province: 'tinghir', chats: [{ channel: 'telegram', lastInboundAt: hoursAgo(3) }] });
  await contact('brahim', { locale: 'ary', province: 'tinghir', chats: [{ channel: 'whatsapp', lastInboundAt: hoursAgo(2) }] });
  await contact('chama', { locale: 'ar', province: 'tinghir', chats: [{ channel: 'whatsapp', lastInboundAt: hoursAgo(48) }] });
  await contact('driss', { locale: 'ary-Latn', province: 'tinghir', chats: [{ channel: 'telegram', lastInboundAt: hoursAgo(90) }, { channel: 'whatsapp', lastInboundAt: hoursAgo(30) }] });
  // Left out, one for each reason.
  await contact('fadma', { locale: 'fr', province: 'tinghir', chats: [{ channel: 'telegram' }], optedOut: true });
  await contact('ghita', { locale: 'fr', province: 'tinghir', chats: [{ channel: 'telegram' }], consent: false });
  await contact('hassan', { locale: 'fr', province: 'nouaceur', chats: [{ channel: 'telegram' }] }); // the organisation runs nothing there
  await contact('ilham', { locale: 'fr', province: 'tinghir', chats: [{ channel: 'web' }] });
  await contact('jamal', { locale: 'fr', province: 'tinghir', chats: [{ channel: 'telegram', blocked: true }] });
});
afterAll(async () => t?.drop());

const footer = (locale: Locale) => tr(locale, 'broadcasts:stopHint');

/** Creates and fans out a broadcast to `audience` on the same data: the outbox rows it wrote. */
async function fanOut(audience: Audience) {
  const b = await createBroadcast(t.db, staff, ORG, { audience, texts: { fr: 'La caravane arrive.' } }, NOON, ZONE);
  while (!(await fanoutPage(t.db, b.id, 2, footer)).done) { /* the next page */ }
  return t.db
    .selectFrom('outbox as o')
    .innerJoin('contact_identities as i', (j) => j.onRef('i.channel', '=', 'o.channel').onRef('i.external_id', '=', 'o.recipient'))
    .select(['o.channel', 'i.last_inbound_at'])
    .where('o.broadcast_id', '=', b.id)
    .execute();
}

describe('the broadcast preview', () => {
  it('shows the number of messages the fan-out then writes, and how many of them only the WhatsApp template can carry', async () => {
    const audience = { provinces: ['tinghir', 'nouaceur'] };
    const preview = await previewAudience(t.db, ORG, audience, NOON, ZONE);
    const written = await fanOut(audience);
    expect(preview.reach).toBe(written.length);
    expect(preview.reach).toBe(4);
    const silent = written.filter((w) => w.channel === 'whatsapp' && (w.last_inbound_at === null || NOON.getTime() - w.last_inbound_at.getTime() > 24 * 3_600_000));
    expect(preview.whatsappTemplate).toBe(silent.length);
    expect(preview.whatsappTemplate).toBe(2);
    expect(preview.byLocale).toEqual({ fr: 1, ary: 1, ar: 1, 'ary-Latn': 1 });
  });

  it('counts each person left out under one reason: opted out, no consent, another organisation, test chats only, blocked', async () => {
    const preview = await previewAudience(t.db, ORG, { provinces: ['tinghir', 'nouaceur'] }, NOON, ZONE);
    expect(preview.excluded).toEqual({ optedOut: 1, noConsent: 1, otherOrganisation: 1, testChatOnly: 1, blocked: 1 });
  });

  it('counts the WhatsApp window from when the broadcast starts, not from now', async () => {
    // Brahim wrote two hours before noon: a broadcast starting tomorrow noon finds his 24 hours over.
    const tomorrow = new Date(NOON.getTime() + 24 * 3_600_000);
    expect((await previewAudience(t.db, ORG, { provinces: ['tinghir'] }, tomorrow, ZONE)).whatsappTemplate).toBe(3);
  });

  it('follows the languages asked for, and still equals what is written', async () => {
    const audience: Audience = { provinces: ['tinghir'], locales: ['ar', 'ary'] };
    const preview = await previewAudience(t.db, ORG, audience, NOON, ZONE);
    expect(preview.reach).toBe((await fanOut(audience)).length);
    expect(preview.byLocale).toEqual({ ar: 1, ary: 1 });
  });

  it("refuses a campaign of another organisation as the audience, as if it did not exist", async () => {
    await expect(previewAudience(t.db, ORG, { pastBeneficiariesOf: otherCampaign }, NOON, ZONE)).rejects.toBeInstanceOf(NotFound);
  });
});
