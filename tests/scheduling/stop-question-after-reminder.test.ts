// A stop question right after a reminder: its "1" answers the question (stop), not the reminder (confirm).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireNotification } from '../../src/scheduling/fire-notification.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addDays, bookEyeConsultation, conversationDeps, seedConversationCampaigns, START_DAY, Villager } from '../support/conversation-harness.ts';
import { isOptedOut } from '../support/contact-state.ts';

const tr = createTranslator(loadResources());
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

describe('a stop question after a reminder', () => {
  it('takes the next "1" as "yes, stop everything", not as "I will come"', async () => {
    const v = new Villager(conversationDeps(t.db), '97001', 'telegram');
    await v.onboard('ary-Latn');
    await bookEyeConsultation(v, { name: 'Zahra Ait Baha', sex: 'female', age: 45, day: addDays(START_DAY, 13) });
    const reminder = await t.db
      .selectFrom('notifications as n')
      .innerJoin('contact_identities as i', 'i.contact_id', 'n.contact_id')
      .select(['n.id', 'n.due_at'])
      .where('i.external_id', '=', '97001')
      .where('n.kind', '=', 'reminder')
      .orderBy('n.due_at')
      .executeTakeFirstOrThrow();
    const fire = { db: t.db, t: tr, zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS };
    expect((await fireNotification(fire, reminder.id, reminder.due_at)).kind).toBe('sent');
    await v.send('baraka mn lmessagat');
    expect(v.lastText()).toContain(tr('ary-Latn', 'optout:question'));
    expect(await v.send('1')).toEqual([{ text: tr('ary-Latn', 'common:stopConfirmed') }]);
    expect(await isOptedOut(t.db, '97001')).toBe(true);
  });
});
