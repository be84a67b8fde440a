// The backfill that names the campaign of messages written before the outbox said it, so the retention job
// keeps their counts by campaign.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { up as backfill } from '../../migrations/20261204T1510_backfill_outbox_campaigns.ts';
import { bookAppointment } from '../../src/domain/appointments/booking.ts';
import { raiseStaffAlert } from '../../src/scheduling/staff-alerts.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { createBeneficiaries, deps, ensureOrganisation, importTestCampaign, slotIds, staffContext } from '../support/fixtures.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('messages written before the outbox named their campaign', () => {
  it("get their reminder's, recall's, broadcast's or alert's campaign, and a reply none", async () => {
    const organisationId = await ensureOrganisation(t.db, 'test-association');
    const campaignId = await importTestCampaign(t.db);
    const driveId = await importTestCampaign(t.db, { slug: 'test-drive' });
    await t.db.updateTable('campaigns').set({ staff_telegram_chat: '-100555' }).where('id', '=', campaignId).execute();
    const [slotId] = await slotIds(t.db, campaignId);
    const [beneficiaryId] = await createBeneficiaries(t.db, 1);
    const appointment = await t.db.transaction().execute((trx) => bookAppointment(trx, staffContext(), { beneficiaryId: beneficiaryId ?? 0, slotId: slotId ?? 0 }, deps));
    const { contact_id: contactId } = await t.db.selectFrom('beneficiaries').select('contact_id').where('id', '=', beneficiaryId ?? 0).executeTakeFirstOrThrow();
    const message = async (kind: 'notification' | 'broadcast' | 'reply') =>
      (await t.db.insertInto('outbox').values({ contact_id: contactId, channel: 'telegram', recipient: '4242', kind, payload: '{"text":"x"}' }).returning('id').executeTakeFirstOrThrow()).id;

    const reminder = await message('notification');
    await t.db.insertInto('notifications').values({ kind: 'reminder', contact_id: contactId, appointment_id: appointment.id, label: 'two_days_before', due_at: new Date(), status: 'sent', outbox_id: reminder }).execute();
    const recall = await message('notification');
    const donation = await t.db.insertInto('donations').values({ beneficiary_id: beneficiaryId ?? 0, organisation_id: organisationId, campaign_id: driveId, donated_on: '2026-09-01', next_eligible_on: '2026-12-01', recorded_by: 'test' }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('notifications').values({ kind: 'recall', contact_id: contactId, donation_id: donation.id, label: 'recall', due_at: new Date(), status: 'sent', outbox_id: recall }).execute();
    const announced = await message('broadcast');
    const broadcast = await t.db.insertInto('broadcasts').values({ organisation_id: organisationId, campaign_id: campaignId, audience: '{}', texts: '{"fr":"x"}', scheduled_at: new Date(), created_by: 'test', status: 'done' }).returning('id').executeTakeFirstOrThrow();
    // Who got a broadcast was then a table of its own (now the outbox row's broadcast_id), as the backfill reads it.
    await sql`create table broadcast_deliveries (broadcast_id integer not null, contact_id integer not null, outbox_id bigint not null)`.execute(t.db);
    await sql`insert into broadcast_deliveries values (${broadcast.id}, ${contactId}, ${announced})`.execute(t.db);
    await raiseStaffAlert(t.db, 'unreachable', appointment.id, { reason: 'no answer after a retry' });
    const reply = await message('reply');
    // As the rows were before: no campaign.
    await t.db.updateTable('outbox').set({ campaign_id: null }).execute();

    // Migrations are written against an unknown schema; this one only runs SQL.
    await backfill(t.db as unknown as Kysely<unknown>);

    const rows = await t.db.selectFrom('outbox').select(['id', 'kind', 'campaign_id']).orderBy('id').execute();
    const alert = rows.find((r) => r.kind === 'staff_alert')?.id ?? 0;
    expect(rows).toEqual([
      { id: reminder, kind: 'notification', campaign_id: campaignId },
      { id: recall, kind: 'notification', campaign_id: driveId },
      { id: announced, kind: 'broadcast', campaign_id: campaignId },
      { id: alert, kind: 'staff_alert', campaign_id: campaignId },
      { id: reply, kind: 'reply', campaign_id: null },
    ]);
  });
});
