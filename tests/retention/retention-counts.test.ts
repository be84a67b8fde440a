// What a report counts does not change when the retention job deletes the rows behind it: a campaign's
// messages by kind and status (reminders, broadcasts, staff alerts) and a broadcast's progress read the
// same before and after, and after a second run; a broadcast still going keeps its messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { pino } from 'pino';
import { campaignMessageCounts } from '../../src/delivery/message-counts.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { runRetention } from '../../src/retention/index.ts';
import { broadcastProgress, createBroadcast, fanoutPage } from '../../src/scheduling/broadcasts.ts';
import { fireNotification } from '../../src/scheduling/fire-notification.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { raiseStaffAlert } from '../../src/scheduling/staff-alerts.ts';
import { makeOld } from '../support/aged-rows.ts';
import { bookEyeConsultation, conversationDeps, seedConversationCampaigns, START, Villager } from '../support/conversation-harness.ts';
import { ensureOrganisation } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const logger = pino({ level: 'silent' });
const tr = createTranslator(loadResources());
const staff = { kind: 'staff' as const, id: 1 };
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

/** Three villagers booked at the caravan, each reminded; a staff alert; a broadcast done and one still going. */
async function campaignHistory() {
  const { caravanId } = await seedConversationCampaigns(t.db);
  const organisationId = await ensureOrganisation(t.db, 'test-association');
  await t.db.updateTable('campaigns').set({ staff_telegram_chat: '-1001234567890' }).where('id', '=', caravanId).execute();
  const fire = { db: t.db, t: tr, zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS };
  for (const [i, name] of ['Rachida Amzil', 'Omar Tahiri', 'Zineb Alaoui'].entries()) {
    const v = new Villager(conversationDeps(t.db), `8120${i}`, 'telegram');
    await v.onboard('fr');
    await bookEyeConsultation(v, { name, sex: i === 1 ? 'male' : 'female', age: 40 + i, day: '2026-12-14' });
    const reminder = await t.db.selectFrom('notifications as n').innerJoin('contact_identities as c', 'c.contact_id', 'n.contact_id').select('n.id').where('c.external_id', '=', `8120${i}`).orderBy('n.due_at').executeTakeFirstOrThrow();
    expect((await fireNotification(fire, reminder.id, new Date('2026-12-12T17:00:00Z'))).kind).toBe('sent');
  }
  const appointment = await t.db.selectFrom('appointments').select('id').where('campaign_id', '=', caravanId).orderBy('id').executeTakeFirstOrThrow();
  await raiseStaffAlert(t.db, 'red_flag', appointment.id, { question: 'fever', answer: 'yes' });

  const footer = () => 'STOP pour ne plus recevoir';
  const done = await createBroadcast(t.db, staff, organisationId, { campaignId: caravanId, audience: { pastBeneficiariesOf: caravanId }, texts: { fr: 'La caravane arrive lundi.' } }, START);
  while (!(await fanoutPage(t.db, done.id, 1000, footer)).done);
  const going = await createBroadcast(t.db, staff, organisationId, { campaignId: caravanId, audience: { pastBeneficiariesOf: caravanId }, texts: { fr: 'Rappel : venez à jeun.' } }, START);
  await fanoutPage(t.db, going.id, 1, footer);

  // What became of them: delivered, read, failed.
  const messages = await t.db.selectFrom('outbox').select(['id', 'kind']).where('campaign_id', '=', caravanId).orderBy('id').execute();
  const of = (kind: string) => messages.filter((m) => m.kind === kind).map((m) => m.id);
  const [b1, b2, b3] = of('broadcast');
  const [r1, r2] = of('notification');
  await t.db.updateTable('outbox').set({ status: 'sent', sent_at: new Date(), delivered_at: new Date() }).where('id', 'in', [b1 ?? 0, r1 ?? 0, r2 ?? 0]).execute();
  await t.db.updateTable('outbox').set({ read_at: new Date() }).where('id', 'in', [b1 ?? 0, r1 ?? 0]).execute();
  await t.db.updateTable('outbox').set({ status: 'failed', error: 'bot was blocked by the user' }).where('id', '=', b2 ?? 0).execute();
  await t.db.updateTable('outbox').set({ status: 'sent', sent_at: new Date() }).where('id', '=', b3 ?? 0).execute();
  return { caravanId, organisationId, done: done.id, going: going.id };
}

describe('counts a report needs', () => {
  it('read the same before and after the retention job deletes the messages behind them', async () => {
    const h = await campaignHistory();
    const report = async () => ({
      messages: await campaignMessageCounts(t.db, h.organisationId, h.caravanId),
      done: await broadcastProgress(t.db, h.organisationId, h.done),
      going: await broadcastProgress(t.db, h.organisationId, h.going),
    });
    const before = await report();
    // Every kind of message about the campaign is counted, so the comparison below means something.
    expect(before.messages?.map((c) => [c.kind, c.status, c.messages, c.delivered, c.read])).toEqual([
      ['broadcast', 'failed', 1, 0, 0],
      ['broadcast', 'pending', 1, 0, 0],
      ['broadcast', 'sent', 2, 1, 1],
      ['notification', 'pending', 1, 0, 0],
      ['notification', 'sent', 2, 2, 1],
      ['staff_alert', 'pending', 1, 0, 0],
    ]);
    expect(before.done).toMatchObject({ status: 'done', targeted: 3, queued: 3, sent: 2, failed: 1, cancelled: 0 });

    // Seven months later.
    const rows = await t.db.selectFrom('outbox').select('id').execute();
    await makeOld(t.db, { table: 'outbox', columns: ['created_at', 'updated_at'], ids: rows.map((r) => r.id) }, 210);
    const notifications = await t.db.selectFrom('notifications').select('id').where('status', '=', 'sent').execute();
    await makeOld(t.db, { table: 'notifications', columns: ['created_at', 'updated_at'], ids: notifications.map((n) => n.id) }, 210);
    await makeOld(t.db, { table: 'broadcasts', columns: ['created_at', 'updated_at'], ids: [h.done, h.going] }, 210);

    const first = await runRetention(t.db, { retentionDays: 180 }, logger);
    // All but the broadcast still going (its one message): the finished one's three went once it was counted.
    expect(first).toMatchObject({ ran: true, outbox: rows.length - 1, broadcasts_counted: 1 });
    expect(await t.db.selectFrom('outbox').select(['kind', 'broadcast_id']).execute()).toEqual([{ kind: 'broadcast', broadcast_id: h.going }]);
    expect(await report()).toEqual(before);

    // Run again: nothing is counted twice.
    expect(await runRetention(t.db, { retentionDays: 180 }, logger)).toMatchObject({ ran: true, outbox: 0, broadcasts_counted: 0 });
    expect(await report()).toEqual(before);
    // The rolled-up counts hold no name, number or text: only what the columns say.
    const kept = await sql<Record<string, unknown>>`select * from message_counts`.execute(t.db);
    expect(Object.keys(kept.rows[0] ?? {}).sort()).toEqual(['campaign_id', 'channel', 'day', 'delivered', 'kind', 'messages', 'organisation_id', 'read', 'status']);
  });
});
