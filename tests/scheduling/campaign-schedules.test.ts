// What a campaign sets for itself: its reminder times, the check-in days of each procedure, and the
// Telegram chat of its medical staff, which receives the alerts through the real Bot API client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTelegramAdapter } from '../../src/channels/telegram/telegram.channel.ts';
import { bookAppointment } from '../../src/domain/appointments/booking.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker } from '../../src/delivery/outbound.worker.ts';
import { DEFAULT_CHECKIN_DAYS, markProcedureDone } from '../../src/scheduling/checkins.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { defaultReminderSettings, scheduleReminders } from '../../src/scheduling/reminders.ts';
import { raiseStaffAlert } from '../../src/scheduling/staff-alerts.ts';
import { createBeneficiaries, deps, ensureOrganisation, importTestCampaign, staffContext } from '../support/fixtures.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';

const ZONE = 'Africa/Casablanca';
const NOW = new Date('2026-12-01T09:00:00Z');
const STAFF_CHAT = '-1001234567890';
const prefix = testPrefix();
let t: TestDatabase;
let telegram: FakeTelegram;
let queues: OutboundQueues;
let campaignId = 0;
let ORG = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  telegram = await startFakeTelegram();
  queues = createOutboundQueues({ connection, prefix });
  campaignId = await importTestCampaign(t.db, {
    slug: 'kelaat-surgery',
    firstDay: '2026-12-14',
    lastDay: '2026-12-14',
    // The association reminds three days before at 19:00 and the day before at 12:00.
    reminders: [{ daysBefore: 3, at: '19:00' }, { daysBefore: 1, at: '12:00' }],
    staffTelegramChat: STAFF_CHAT,
    services: [
      { code: 'surgery', checkinDays: [1, 2, 30], windows: [{ start: '08:00', end: '12:00', capacity: 10 }] },
      { code: 'ophthalmology', windows: [{ start: '09:00', end: '12:00', capacity: 10 }] },
    ],
  });
  ORG = await ensureOrganisation(t.db, 'test-association');
});
afterAll(async () => {
  await queues?.close();
  await telegram?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

async function booked(service: string): Promise<number> {
  const [beneficiaryId] = await createBeneficiaries(t.db, 1);
  const slot = await t.db.selectFrom('slots').select('id').where('campaign_id', '=', campaignId).where('service', '=', service).executeTakeFirstOrThrow();
  const result = await t.db.transaction().execute((trx) => bookAppointment(trx, staffContext(), { beneficiaryId: beneficiaryId ?? 0, slotId: slot.id }, deps));
  return result.id;
}

describe('a campaign’s own schedule', () => {
  it('reminds at the campaign’s times instead of the defaults', async () => {
    const appointmentId = await booked('ophthalmology');
    const rows = await t.db.transaction().execute((trx) => scheduleReminders(trx, appointmentId, NOW, defaultReminderSettings(ZONE)));
    const written = await t.db.selectFrom('notifications').select(['label', 'due_at']).where('id', 'in', rows.map((r) => r.id)).orderBy('due_at').execute();
    expect(written.map((r) => [r.label, r.due_at.toISOString()])).toEqual([
      ['d3_1900', '2026-12-11T18:00:00.000Z'], // 19:00 in Morocco (UTC+1)
      ['d1_1200', '2026-12-13T11:00:00.000Z'],
    ]);
  });

  it('checks in on the procedure’s days; a procedure without its own days keeps 1, 3, 7, 14', async () => {
    const settings = { zone: ZONE, quiet: DEFAULT_QUIET_HOURS, days: DEFAULT_CHECKIN_DAYS, at: '10:00' };
    const doneAt = new Date('2026-12-14T12:00:00Z');
    const surgery = await booked('surgery');
    const eyes = await booked('ophthalmology');
    const staff = { kind: 'staff' as const, id: 1 };
    const [a, b] = await t.db.transaction().execute(async (trx) => [await markProcedureDone(trx, staff, ORG, surgery, doneAt, settings), await markProcedureDone(trx, staff, ORG, eyes, doneAt, settings)]);
    const labels = async (ids: Array<{ id: number }> | undefined) =>
      (await t.db.selectFrom('notifications').select('label').where('id', 'in', (ids ?? []).map((r) => r.id)).orderBy('due_at').execute()).map((r) => r.label);
    expect(await labels(a)).toEqual(['day_1', 'day_2', 'day_30']);
    expect(await labels(b)).toEqual(['day_1', 'day_3', 'day_7', 'day_14']);
  });

  it('posts an alert to the staff’s Telegram chat, with who to call', async () => {
    const appointmentId = await booked('surgery');
    const code = (await t.db.selectFrom('appointments').select('code').where('id', '=', appointmentId).executeTakeFirstOrThrow()).code;
    await raiseStaffAlert(t.db, 'red_flag', appointmentId, { question: 'fever', answer: true });
    const worker = startOutboundWorker({
      db: t.db,
      adapter: createTelegramAdapter({ token: telegram.token, apiRoot: telegram.apiRoot }),
      pacer: noPacing,
      connection,
      prefix,
      logger: pino({ level: 'silent' }),
      queues,
      // The sweep is what sends staff alerts; here it looks every second.
      sweepAfterMs: 1,
    });
    try {
      const [call] = await telegram.waitFor(1, (c) => c.method === 'sendMessage' && String(c.payload.chat_id) === STAFF_CHAT, 10_000);
      const text = String(call?.payload.text);
      expect(text).toContain('⚠️');
      expect(text).toContain(code);
      expect(text).toContain('question : fever, answer : true');
      expect(text).toMatch(/Patient : Personne \d+/);
    } finally {
      await worker.close();
    }
    const row = await t.db.selectFrom('outbox').select(['status', 'contact_id']).where('kind', '=', 'staff_alert').executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sent', contact_id: null });
  });
});
