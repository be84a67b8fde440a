// Post-operative check-ins: a red-flag answer (advice at once, an alert for the medical staff), and a
// silent patient (one retry, then an "unreachable, call by phone" alert).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { fireNotification, type FireDeps } from '../../src/scheduling/fire-notification.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { addTestStaff } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { bookEyeConsultation, conversationDeps, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';

const tr = createTranslator(loadResources());
let t: TestDatabase;
let app: FastifyInstance;
let fire: FireDeps;
let medical = '';
const DONE_AT = new Date('2026-12-14T12:00:00Z');

beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
  fire = { db: t.db, t: tr, zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS };
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => DONE_AT }, logger: createLogger('silent'), timeZone: 'Africa/Casablanca' });
  medical = (await addTestStaff(t.db, { name: 'Dr Alami', role: 'medical' })).token;
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

/** A Telegram patient whose eye operation was done on 14 December; returns their check-ins. */
async function operatedPatient(chat: string, name: string) {
  const v = new Villager(conversationDeps(t.db), chat, 'telegram');
  await v.onboard('fr');
  await bookEyeConsultation(v, { name, sex: 'male', age: 67, day: '2026-12-14' });
  const appointment = await t.db
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('contact_identities as i', 'i.contact_id', 'b.contact_id')
    .select('a.id')
    .where('i.external_id', '=', chat)
    .executeTakeFirstOrThrow();
  const done = await app.inject({ method: 'POST', url: `/admin/api/appointments/${appointment.id}/procedure-done`, headers: { authorization: `Bearer ${medical}` } });
  expect(done.statusCode).toBe(200);
  const checkins = await t.db.selectFrom('notifications').select(['id', 'label', 'due_at']).where('appointment_id', '=', appointment.id).where('kind', '=', 'checkin').orderBy('due_at').execute();
  return { v, appointmentId: appointment.id, checkins };
}

const outboxTexts = (chat: string) => t.db.selectFrom('outbox').select('payload').where('recipient', '=', chat).where('kind', '=', 'notification').orderBy('id').execute().then((rows) => rows.map((r) => (r.payload as { text: string }).text));

describe('post-operative check-ins', () => {
  it('are planned on days 1, 3, 7 and 14 at 10:00 once staff mark the procedure done', async () => {
    const { checkins } = await operatedPatient('95001', 'Lahcen Ait');
    expect(checkins.map((c) => [c.label, c.due_at.toISOString()])).toEqual([
      ['day_1', '2026-12-15T09:00:00.000Z'],
      ['day_3', '2026-12-17T09:00:00.000Z'],
      ['day_7', '2026-12-21T09:00:00.000Z'],
      ['day_14', '2026-12-28T09:00:00.000Z'],
    ]);
  });

  it('gives advice at once on a red-flag answer, alerts the medical staff, and goes on with the questions', async () => {
    const { v, appointmentId, checkins } = await operatedPatient('95002', 'Brahim Oulad');
    const day1 = checkins[0];
    expect((await fireNotification(fire, day1?.id ?? 0, day1?.due_at ?? DONE_AT)).kind).toBe('sent');
    expect((await outboxTexts('95002')).at(-1)).toContain(tr('fr', 'checkin:pain'));
    const afterPain = await v.send('4'); // 😫 unbearable
    // Unbearable pain cannot wait for a visit today: call now, both numbers.
    expect(afterPain[0]?.text).toBe(tr('fr', 'checkin:redFlagUrgent', { samu: '141', civil: '15' }));
    expect(afterPain[0]?.text).toMatch(/141.*maintenant.*15/);
    expect(afterPain[1]?.text).toContain(tr('fr', 'checkin:fever'));
    await v.send('2'); // no fever
    await v.send('2'); // wound fine
    await v.send('2'); // no bleeding
    const last = await v.send('1'); // eating normally
    expect(last[0]?.text).toBe(tr('fr', 'checkin:thanks'));
    const alerts = (await app.inject({ method: 'GET', url: '/admin/api/alerts', headers: { authorization: `Bearer ${medical}` } })).json();
    expect(alerts.items).toEqual([expect.objectContaining({ kind: 'red_flag', appointmentId, details: { question: 'pain', answer: 3 } })]);
    const saved = await t.db.selectFrom('checkins').select(['answers', 'red_flags', 'completed_at']).where('notification_id', '=', day1?.id ?? 0).executeTakeFirstOrThrow();
    expect(saved.answers).toEqual({ pain: 3, fever: false, wound: false, bleeding: false, eating: true });
    expect(saved.red_flags).toEqual(['pain']);
    expect(saved.completed_at).toBeInstanceOf(Date);
    // Answered: its retry finds nothing to do.
    const retry = await t.db.selectFrom('notifications').select(['id', 'due_at']).where('appointment_id', '=', appointmentId).where('label', '=', 'day_1_retry').executeTakeFirstOrThrow();
    expect(await fireNotification(fire, retry.id, retry.due_at)).toEqual({ kind: 'skipped', reason: 'answered' });
  });

  it('sends no check-in to a patient who said STOP, and asks the staff to call instead', async () => {
    const { v, appointmentId, checkins } = await operatedPatient('95004', 'Hmad Ouzzine');
    await v.send('stop');
    const [day1, day3] = checkins;
    expect(await fireNotification(fire, day1?.id ?? 0, day1?.due_at ?? DONE_AT)).toEqual({ kind: 'skipped', reason: 'opted out' });
    expect(await fireNotification(fire, day3?.id ?? 0, day3?.due_at ?? DONE_AT)).toEqual({ kind: 'skipped', reason: 'opted out' });
    expect(await outboxTexts('95004')).toEqual([]);
    const alerts = await t.db.selectFrom('staff_alerts').select(['kind', 'details']).where('appointment_id', '=', appointmentId).orderBy('id').execute();
    expect(alerts).toEqual([
      { kind: 'unreachable', details: { reason: 'opted out', checkin: 'day_1' } },
      { kind: 'unreachable', details: { reason: 'opted out', checkin: 'day_3' } },
    ]);
  });

  it('asks the staff to call a patient who blocked the bot, instead of a check-in that cannot go', async () => {
    const { appointmentId, checkins } = await operatedPatient('95005', 'Said Amellal');
    await t.db.updateTable('contact_identities').set({ blocked_at: DONE_AT }).where('external_id', '=', '95005').execute();
    const [day1] = checkins;
    expect(await fireNotification(fire, day1?.id ?? 0, day1?.due_at ?? DONE_AT)).toEqual({ kind: 'skipped', reason: 'no channel to reach the contact' });
    const alerts = await t.db.selectFrom('staff_alerts').select(['kind', 'details']).where('appointment_id', '=', appointmentId).execute();
    expect(alerts).toEqual([{ kind: 'unreachable', details: { reason: 'no chat to reach them', checkin: 'day_1' } }]);
  });

  it('asks a silent patient once more a day later, then asks the staff to call', async () => {
    const { appointmentId, checkins } = await operatedPatient('95003', 'Mbarek Id');
    const day1 = checkins[0];
    await fireNotification(fire, day1?.id ?? 0, day1?.due_at ?? DONE_AT);
    const retry = await t.db.selectFrom('notifications').select(['id', 'due_at']).where('appointment_id', '=', appointmentId).where('label', '=', 'day_1_retry').executeTakeFirstOrThrow();
    expect(retry.due_at.getTime() - (day1?.due_at.getTime() ?? 0)).toBe(24 * 3600 * 1000);
    expect((await fireNotification(fire, retry.id, retry.due_at)).kind).toBe('sent');
    expect((await outboxTexts('95003')).at(-1)).toContain(tr('fr', 'checkin:retry', { who: 'Mbarek Id' }));
    const last = await t.db.selectFrom('notifications').select(['id', 'due_at']).where('appointment_id', '=', appointmentId).where('label', '=', 'day_1_unreachable').executeTakeFirstOrThrow();
    expect(await fireNotification(fire, last.id, last.due_at)).toEqual({ kind: 'skipped', reason: 'medical staff alerted' });
    const alerts = await t.db.selectFrom('staff_alerts').select(['kind', 'details']).where('appointment_id', '=', appointmentId).execute();
    expect(alerts).toEqual([{ kind: 'unreachable', details: { checkin: 'day_1', reason: 'no answer after a retry' } }]);
  });
});
