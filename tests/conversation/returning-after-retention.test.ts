// The retention job lets go of a conversation silent for longer than the retention period, and keeps the
// contact: the villager who writes again is back at the menu in their language, not asked to
// consent again, and a reminder that reaches them afterwards is answered as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { runRetention } from '../../src/retention/index.ts';
import { fireNotification } from '../../src/scheduling/fire-notification.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { makeOld } from '../support/aged-rows.ts';
import { bookEyeConsultation, conversationDeps, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const tr = createTranslator(loadResources());
const logger = pino({ level: 'silent' });
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

const contactOf = async (external: string) => (await t.db.selectFrom('contact_identities').select('contact_id').where('external_id', '=', external).executeTakeFirstOrThrow()).contact_id;

/** Seven months of silence, then the nightly run: the conversation goes, the contact stays. */
async function silentForSevenMonths(contactId: number): Promise<void> {
  await makeOld(t.db, { table: 'conversations', columns: ['updated_at'], key: 'contact_id', ids: [contactId] }, 210);
  expect(await runRetention(t.db, { retentionDays: 180 }, logger)).toMatchObject({ ran: true, conversations: 1 });
  expect(await t.db.selectFrom('conversations').select('contact_id').where('contact_id', '=', contactId).execute()).toEqual([]);
}

describe('a villager whose conversation was let go', () => {
  it('is greeted at the menu in their language, without the consent notice again', async () => {
    const v = new Villager(conversationDeps(t.db), '+212600000701');
    await v.onboard('ary');
    await silentForSevenMonths(await contactOf(v.phone));
    await v.send('السلام');
    expect(v.lastText()).toContain(tr('ary', 'menu:question'));
    expect(v.lastText()).not.toContain(tr('ary', 'consent:notice'));
  });

  it('answers "1" to a reminder that came after it as "I will come"', async () => {
    const v = new Villager(conversationDeps(t.db), '81301', 'telegram');
    await v.onboard('fr');
    await bookEyeConsultation(v, { name: 'Aicha Bennani', sex: 'female', age: 58, day: '2026-12-14' });
    const contactId = await contactOf('81301');
    await silentForSevenMonths(contactId);
    const reminder = await t.db.selectFrom('notifications').select('id').where('contact_id', '=', contactId).orderBy('due_at').executeTakeFirstOrThrow();
    const fire = { db: t.db, t: tr, zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS };
    expect((await fireNotification(fire, reminder.id, new Date('2026-12-12T17:00:00Z'))).kind).toBe('sent');
    await v.send('1');
    expect(v.last[0]?.text).toBe(tr('fr', 'reminders:confirmed'));
    const appointment = await t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select('a.confirmed_at').where('b.contact_id', '=', contactId).executeTakeFirstOrThrow();
    expect(appointment.confirmed_at).not.toBeNull();
  });
});
