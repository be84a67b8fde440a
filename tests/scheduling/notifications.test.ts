// Reminders fire once, in the contact's language, only while still valid and wanted, never at night,
// to the chat the person used last; the answer confirms or cancels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireNotification, type FireDeps } from '../../src/scheduling/fire-notification.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { formatConfirmationCode } from '../../src/domain/appointments/confirmation-code.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { formatDay } from '../../src/i18n/dates.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { bookEyeConsultation, conversationDeps, seedConversationCampaigns, START, Villager } from '../support/conversation-harness.ts';

const tr = createTranslator(loadResources());
let t: TestDatabase;
let fire: FireDeps;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db, 5000);
  fire = { db: t.db, t: tr, zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS };
});
afterAll(async () => t?.drop());

/** A Telegram villager with an eye appointment on 14 December; returns its reminders' ids. */
async function bookedVillager(chat: string, locale: 'fr' | 'ary' = 'fr'): Promise<{ v: Villager; reminders: number[]; contactId: number }> {
  const v = new Villager(conversationDeps(t.db), chat, 'telegram');
  await v.onboard(locale);
  await bookEyeConsultation(v, { name: 'Rachida Amzil', sex: 'female', age: 52, day: '2026-12-14' });
  const rows = await t.db.selectFrom('notifications as n').innerJoin('contact_identities as i', 'i.contact_id', 'n.contact_id').select(['n.id', 'n.contact_id']).where('i.external_id', '=', chat).orderBy('n.id').execute();
  return { v, reminders: rows.map((r) => r.id), contactId: rows[0]?.contact_id ?? 0 };
}

const at = (iso: string) => new Date(iso);
const TWO_DAYS_BEFORE = at('2026-12-12T17:00:00Z');
const notificationRows = (contactId: number) => t.db.selectFrom('outbox').select(['channel', 'recipient']).where('kind', '=', 'notification').where('contact_id', '=', contactId).orderBy('id').execute();
const statusOf = async (id: number) => t.db.selectFrom('notifications').select(['status', 'reason']).where('id', '=', id).executeTakeFirstOrThrow();

describe('firing reminders', () => {
  it('says the reminder once, in the contact\'s language, with the code, the venue and how to answer', async () => {
    const { reminders, contactId } = await bookedVillager('81001', 'ary');
    const first = reminders[0] ?? 0;
    const result = await fireNotification(fire, first, TWO_DAYS_BEFORE);
    expect(result.kind).toBe('sent');
    expect(await fireNotification(fire, first, at('2026-12-12T17:00:05Z'))).toEqual({ kind: 'skipped', reason: 'already sent' });
    const rows = await t.db.selectFrom('outbox').select(['payload', 'recipient']).where('kind', '=', 'notification').where('contact_id', '=', contactId).execute();
    expect(rows).toHaveLength(1);
    const reply = rows[0]?.payload as { text: string; choices: Array<{ id: string }>; location: object; template: { params: string[] } };
    expect(reply.text).toContain(tr('ary', 'reminders:answer'));
    expect(reply.text).toContain(formatDay('2026-12-14', 'ary'));
    expect(reply.choices.map((c) => c.id)).toEqual(['reminder_confirm', 'reminder_cancel']);
    expect(reply.location).toEqual({ lat: 31.2427, lng: -6.1278, name: 'Centre de santé', address: "Kelâat M'Gouna" });
    const { code } = await t.db.selectFrom('appointments as a').innerJoin('notifications as n', 'n.appointment_id', 'a.id').select('a.code').where('n.id', '=', first).executeTakeFirstOrThrow();
    // Latin names and the code sit inside isolates in an Arabic-script text.
    const isolated = (text: string) => `\u2068${text}\u2069`;
    expect(reply.template.params).toEqual([isolated('Rachida Amzil'), tr('ary', 'services:ophthalmology'), `${formatDay('2026-12-14', 'ary')} من 09:00 حتى 12:00`, `${isolated('Centre de santé')}، ${isolated("Kelâat M'Gouna")}`, isolated(formatConfirmationCode(code))]);
  });

  it('waits for 08:00 when the timer fires at 23:00, and cancels a reminder whose appointment was cancelled', async () => {
    const { reminders } = await bookedVillager('81002');
    expect(await fireNotification(fire, reminders[0] ?? 0, at('2026-12-12T22:00:00Z'))).toEqual({ kind: 'deferred', until: at('2026-12-13T07:00:00Z') });
    expect(await statusOf(reminders[0] ?? 0)).toEqual({ status: 'pending', reason: null });
    await t.db.updateTable('appointments').set({ status: 'cancelled' }).where('id', 'in', (eb) => eb.selectFrom('notifications').select('appointment_id').where('id', '=', reminders[1] ?? 0)).execute();
    expect(await fireNotification(fire, reminders[1] ?? 0, at('2026-12-14T07:00:00Z'))).toEqual({ kind: 'skipped', reason: 'appointment no longer booked' });
  });

  it('takes "1" after a reminder as "I will come", and "2" as a cancellation', async () => {
    const a = await bookedVillager('81003');
    await fireNotification(fire, a.reminders[0] ?? 0, TWO_DAYS_BEFORE);
    await a.v.send('1');
    expect(a.v.last[0]?.text).toBe(tr('fr', 'reminders:confirmed'));
    const b = await bookedVillager('81004');
    await fireNotification(fire, b.reminders[0] ?? 0, TWO_DAYS_BEFORE);
    await b.v.send('2');
    expect(b.v.last[0]?.text).toBe(tr('fr', 'appointments:cancelled'));
    const rows = await t.db
      .selectFrom('appointments as ap')
      .innerJoin('beneficiaries as be', 'be.id', 'ap.beneficiary_id')
      .select(['be.contact_id', 'ap.status', 'ap.confirmed_at'])
      .where('be.contact_id', 'in', [a.contactId, b.contactId])
      .orderBy('be.contact_id')
      .execute();
    expect(rows.map((r) => [r.contact_id, r.status, r.confirmed_at !== null])).toEqual([[a.contactId, 'booked', true], [b.contactId, 'cancelled', false]]);
    const left = await t.db.selectFrom('notifications').select('status').where('contact_id', '=', b.contactId).where('status', '=', 'pending').execute();
    expect(left).toEqual([]);
  });
});

describe('what has changed since the reminder was written', () => {
  it('sends nothing to a villager who said STOP after booking, and sends again after START', async () => {
    const { v, reminders, contactId } = await bookedVillager('81011');
    await v.send('stop');
    expect(await fireNotification(fire, reminders[0] ?? 0, TWO_DAYS_BEFORE)).toEqual({ kind: 'skipped', reason: 'opted out' });
    expect(await statusOf(reminders[0] ?? 0)).toEqual({ status: 'cancelled', reason: 'opted out' });
    await v.send('start');
    expect((await fireNotification(fire, reminders[1] ?? 0, at('2026-12-14T07:00:00Z'))).kind).toBe('sent');
    expect(await notificationRows(contactId)).toHaveLength(1);
  });

  it('sends nothing once the consent is gone', async () => {
    const { reminders, contactId } = await bookedVillager('81012');
    await t.db.updateTable('contacts').set({ consent_at: null }).where('id', '=', contactId).execute();
    expect(await fireNotification(fire, reminders[0] ?? 0, TWO_DAYS_BEFORE)).toEqual({ kind: 'skipped', reason: 'no consent' });
    expect(await notificationRows(contactId)).toEqual([]);
  });

  it('skips a chat where the person blocked the bot, for another of theirs or for none', async () => {
    const { v, reminders, contactId } = await bookedVillager('81014');
    await t.db.updateTable('contact_identities').set({ blocked_at: START }).where('channel', '=', 'telegram').where('external_id', '=', v.phone).execute();
    expect(await fireNotification(fire, reminders[0] ?? 0, TWO_DAYS_BEFORE)).toEqual({ kind: 'skipped', reason: 'no channel to reach the contact' });
    // An older WhatsApp chat of theirs still reaches them.
    await t.db.insertInto('contact_identities').values({ channel: 'whatsapp', external_id: '212600081014', contact_id: contactId, last_inbound_at: new Date(START.getTime() - 86_400_000) }).execute();
    expect((await fireNotification(fire, reminders[1] ?? 0, at('2026-12-14T07:00:00Z'))).kind).toBe('sent');
    expect(await notificationRows(contactId)).toEqual([{ channel: 'whatsapp', recipient: '212600081014' }]);
  });

  it('goes to the chat the person wrote from last, on whichever channel', async () => {
    const { v, reminders, contactId } = await bookedVillager('81013');
    // The same person, joined by phone number, wrote later on WhatsApp.
    const later = new Date(START.getTime() + 3_600_000);
    await t.db.insertInto('contact_identities').values({ channel: 'whatsapp', external_id: '212600081013', contact_id: contactId, last_inbound_at: later }).execute();
    await fireNotification(fire, reminders[0] ?? 0, TWO_DAYS_BEFORE);
    // Then back on Telegram, later still.
    await t.db.updateTable('contact_identities').set({ last_inbound_at: new Date(later.getTime() + 3_600_000) }).where('channel', '=', 'telegram').where('external_id', '=', v.phone).execute();
    await fireNotification(fire, reminders[1] ?? 0, at('2026-12-14T07:00:00Z'));
    expect(await notificationRows(contactId)).toEqual([
      { channel: 'whatsapp', recipient: '212600081013' },
      { channel: 'telegram', recipient: '81013' },
    ]);
  });
});
