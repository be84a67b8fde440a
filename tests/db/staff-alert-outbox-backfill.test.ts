// The backfill that links staff-chat alert messages written before outbox rows pointed at their alert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { up as backfill } from '../../migrations/20261204T1110_backfill_staff_alert_outbox_links.ts';
import { bookAppointment } from '../../src/domain/appointments/booking.ts';
import { raiseStaffAlert } from '../../src/scheduling/staff-alerts.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { createBeneficiaries, deps, importTestCampaign, slotIds, staffContext } from '../support/fixtures.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('staff alert messages written before the link', () => {
  it('are linked to the alert their text names, and nothing else is', async () => {
    const campaignId = await importTestCampaign(t.db);
    await t.db.updateTable('campaigns').set({ staff_telegram_chat: '-100555' }).where('id', '=', campaignId).execute();
    const [slotId] = await slotIds(t.db, campaignId);
    const beneficiaries = await createBeneficiaries(t.db, 2);
    const alerts: number[] = [];
    for (const beneficiaryId of beneficiaries) {
      const appointment = await t.db.transaction().execute((trx) => bookAppointment(trx, staffContext(), { beneficiaryId, slotId: slotId ?? -1 }, deps));
      alerts.push(await raiseStaffAlert(t.db, 'unreachable', appointment.id, { reason: 'no answer after a retry' }));
    }
    // As the rows were before: no link. A group's one line has no alert to point at.
    await t.db.updateTable('outbox').set({ staff_alert_id: null }).execute();
    await t.db.insertInto('outbox').values({ contact_id: null, channel: 'telegram', recipient: '-100777', payload: JSON.stringify({ text: 'Alerte n° 1 : écrivez en privé' }) }).execute();

    // Migrations are written against an unknown schema; this one only runs SQL.
    await backfill(t.db as unknown as Kysely<unknown>);

    const rows = await t.db.selectFrom('outbox').select(['kind', 'staff_alert_id']).orderBy('id').execute();
    expect(rows).toEqual([...alerts.map((id) => ({ kind: 'staff_alert', staff_alert_id: id })), { kind: 'reply', staff_alert_id: null }]);
  });
});
