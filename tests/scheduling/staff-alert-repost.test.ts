// An alert nobody acknowledged within the hour goes to the staff chat again, once: not before the hour,
// not after someone took it, not twice when two workers sweep at once or a worker starts again. Postgres
// alone decides (no Redis here), so a flush of Redis changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repostUnacknowledgedAlerts, REPOST_AFTER_MS, REPOST_HEADING, REPOST_WITHIN_MS } from '../../src/scheduling/staff-alert-repost.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { alertAt, importSurgeryCaravan, noonOf, operatedPatient } from '../support/alert-world.ts';

const CHAT = '-1001234567890';
let t: TestDatabase;
let caravan = 0;
let quiet = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  caravan = await importSurgeryCaravan(t.db, 'tinghir-repost', { staffChat: CHAT });
  quiet = await importSurgeryCaravan(t.db, 'no-staff-chat');
});
afterAll(async () => t?.drop());

const minutes = (n: number) => n * 60_000;
/** The staff chat's messages about one alert, first the alert, then any reminder. */
const chatMessages = async (alertId: number) =>
  (await t.db.selectFrom('outbox').select(['recipient', 'payload']).where('staff_alert_id', '=', alertId).orderBy('id').execute()).map((r) => ({ to: r.recipient, text: (r.payload as { text: string }).text }));

async function newAlert(name: string, campaignId = caravan): Promise<{ id: number; at: Date }> {
  const patient = await operatedPatient(t.db, campaignId, name, 1);
  const at = noonOf(0);
  return { id: await alertAt(t.db, 'red_flag', patient.appointmentId, { question: 'fever', answer: true }, at), at };
}

describe('the staff chat reminder of an alert nobody took', () => {
  it('goes once, an hour after the alert, with the alert under a reminder line', async () => {
    const a = await newAlert('Brahim Oulad');
    expect(await repostUnacknowledgedAlerts(t.db, new Date(a.at.getTime() + REPOST_AFTER_MS - minutes(1)))).toBe(0);
    expect(await chatMessages(a.id)).toHaveLength(1);
    expect(await repostUnacknowledgedAlerts(t.db, new Date(a.at.getTime() + REPOST_AFTER_MS))).toBe(1);
    // The worker starts again, the reconciler sweeps again and again: nothing more.
    expect(await repostUnacknowledgedAlerts(t.db, new Date(a.at.getTime() + REPOST_AFTER_MS + minutes(5)))).toBe(0);
    expect(await repostUnacknowledgedAlerts(t.db, new Date(a.at.getTime() + REPOST_AFTER_MS + minutes(120)))).toBe(0);
    const messages = await chatMessages(a.id);
    expect(messages).toHaveLength(2);
    expect(messages[1]?.to).toBe(CHAT);
    expect(messages[1]?.text).toBe(`${REPOST_HEADING}\n${messages[0]?.text}`);
    expect(messages[1]?.text).toContain('Brahim Oulad');
  });

  it('does not go for an alert acknowledged or resolved within the hour', async () => {
    const taken = await newAlert('Fadma Ait');
    const closed = await newAlert('Said Amellal');
    await t.db.updateTable('staff_alerts').set({ acknowledged_at: new Date(taken.at.getTime() + minutes(20)) }).where('id', '=', taken.id).execute();
    await t.db.updateTable('staff_alerts').set({ resolved_at: new Date(closed.at.getTime() + minutes(20)) }).where('id', '=', closed.id).execute();
    expect(await repostUnacknowledgedAlerts(t.db, new Date(taken.at.getTime() + REPOST_AFTER_MS + minutes(1)))).toBe(0);
    expect(await chatMessages(taken.id)).toHaveLength(1);
    expect(await chatMessages(closed.id)).toHaveLength(1);
  });

  it('goes once when two workers sweep at the same moment', async () => {
    const alerts = await Promise.all(['Mbarek Id', 'Hmad Ouzzine', 'Lahcen Ait'].map((name) => newAlert(name)));
    const at = new Date((alerts[0]?.at ?? new Date()).getTime() + REPOST_AFTER_MS + minutes(1));
    const [one, two] = await Promise.all([repostUnacknowledgedAlerts(t.db, at), repostUnacknowledgedAlerts(t.db, at)]);
    expect((one ?? 0) + (two ?? 0)).toBe(3);
    for (const a of alerts) expect(await chatMessages(a.id)).toHaveLength(2);
  });

  it('leaves alerts of a campaign with no staff chat, and alerts days old, to the console', async () => {
    const noChat = await newAlert('Nezha Alaoui', quiet);
    const stale = await newAlert('Zahra Amghar');
    const staleAt = new Date(noChat.at.getTime() - REPOST_WITHIN_MS - minutes(1));
    await t.db.updateTable('staff_alerts').set({ created_at: staleAt }).where('id', '=', stale.id).execute();
    expect(await repostUnacknowledgedAlerts(t.db, new Date(noChat.at.getTime() + REPOST_AFTER_MS + minutes(1)))).toBe(0);
    expect(await chatMessages(noChat.id)).toEqual([]);
    expect(await chatMessages(stale.id)).toHaveLength(1);
    const marks = await t.db.selectFrom('staff_alerts').select('reposted_at').where('id', 'in', [noChat.id, stale.id]).execute();
    expect(marks).toEqual([{ reposted_at: null }, { reposted_at: null }]);
  });
});
