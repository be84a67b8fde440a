// The retention job removes what is past its time and keeps what is not, table by table: messages and their
// delivery log, notifications fired long ago, inbound receipts after ten days, the audit log, the state of
// silent conversations. One run at a time per database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { pino } from 'pino';
import { RETENTION_LOCK, runRetention } from '../../src/retention/index.ts';
import { makeOld } from '../support/aged-rows.ts';
import { createBeneficiaries, ensureOrganisation, importTestCampaign, slotIds } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const logger = pino({ level: 'silent' });
const OLD = 200;
const RECENT = 20;
let t: TestDatabase;

// A database per test: each walks its tables from the first row.
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => t?.drop());

interface Seeded {
  outbox: { oldSent: number; oldFailed: number; recent: number };
  notifications: { oldSent: number; oldPending: number; checkinFirst: number; recentSent: number };
  contacts: { silent: number; onTicket: number; talking: number };
}

/** Rows past retention and rows within it, in every table the job purges. */
async function seed(): Promise<Seeded> {
  const organisationId = await ensureOrganisation(t.db, 'test-association');
  const campaignId = await importTestCampaign(t.db);
  const [beneficiary] = await createBeneficiaries(t.db, 1);
  const [slot] = await slotIds(t.db, campaignId);
  const contact = await t.db.selectFrom('beneficiaries').select('contact_id').where('id', '=', beneficiary ?? 0).executeTakeFirstOrThrow();
  const appointment = await t.db.insertInto('appointments').values({ code: 'QF-OLD1', beneficiary_id: beneficiary ?? 0, campaign_id: campaignId, service: 'ophthalmology', slot_id: slot ?? 0, status: 'attended', channel: 'staff', created_by: 'test' }).returning('id').executeTakeFirstOrThrow();
  const message = (status: 'sent' | 'failed', kind: 'notification' | 'reply') =>
    t.db.insertInto('outbox').values({ contact_id: contact.contact_id, organisation_id: kind === 'reply' ? null : organisationId, campaign_id: kind === 'reply' ? null : campaignId, channel: 'telegram', recipient: '5151', kind, status, payload: JSON.stringify({ text: 'Rappel : Caravane de test, code QF-OLD1' }) }).returning('id').executeTakeFirstOrThrow();
  const outbox = { oldSent: (await message('sent', 'notification')).id, oldFailed: (await message('failed', 'reply')).id, recent: (await message('sent', 'notification')).id };
  await t.db.insertInto('sent_messages').values([{ channel: 'telegram', provider_id: 'p-old', outbox_id: outbox.oldSent }, { channel: 'telegram', provider_id: 'p-recent', outbox_id: outbox.recent }]).execute();
  const notification = (label: string, status: 'sent' | 'pending', kind: 'reminder' | 'checkin', outboxId: number | null) =>
    t.db.insertInto('notifications').values({ kind, contact_id: contact.contact_id, appointment_id: appointment.id, label, due_at: new Date('2026-06-01T09:00:00Z'), status, outbox_id: outboxId }).returning('id').executeTakeFirstOrThrow();
  const notifications = {
    oldSent: (await notification('two_days_before', 'sent', 'reminder', outbox.oldSent)).id,
    oldPending: (await notification('stuck', 'pending', 'reminder', null)).id,
    checkinFirst: (await notification('day_1', 'sent', 'checkin', outbox.oldFailed)).id,
    recentSent: (await notification('morning_of', 'sent', 'reminder', outbox.recent)).id,
  };
  // The patient's answers hang on their first check-in's notification.
  await t.db.insertInto('checkins').values({ notification_id: notifications.checkinFirst, appointment_id: appointment.id, answers: JSON.stringify({ pain: 1 }) }).execute();
  await makeOld(t.db, { table: 'outbox', columns: ['created_at', 'updated_at'], ids: [outbox.oldSent, outbox.oldFailed] }, OLD);
  await makeOld(t.db, { table: 'outbox', columns: ['created_at', 'updated_at'], ids: [outbox.recent] }, RECENT);
  await makeOld(t.db, { table: 'notifications', columns: ['created_at', 'updated_at'], ids: [notifications.oldSent, notifications.oldPending, notifications.checkinFirst] }, OLD);
  await makeOld(t.db, { table: 'notifications', columns: ['created_at', 'updated_at'], ids: [notifications.recentSent] }, RECENT);

  await t.db.insertInto('inbound_receipts').values([{ channel: 'whatsapp', provider_id: 'wamid.eleven', contact_id: contact.contact_id }, { channel: 'whatsapp', provider_id: 'wamid.nine', contact_id: contact.contact_id }]).execute();
  await makeOld(t.db, { table: 'inbound_receipts', columns: ['received_at'], key: 'provider_id', ids: ['wamid.eleven'] }, 11);
  await makeOld(t.db, { table: 'inbound_receipts', columns: ['received_at'], key: 'provider_id', ids: ['wamid.nine'] }, 9);

  const audit = await t.db
    .insertInto('audit_log')
    .values([
      { actor: 'staff:1', action: 'appointment.attended', entity: 'appointment', entity_id: String(appointment.id), details: '{}' },
      { actor: 'contact:2', action: 'contact.join_identity', entity: 'contact', entity_id: '2', details: JSON.stringify({ channel: 'telegram', from: 3 }) },
    ])
    .returning('id')
    .execute();
  await makeOld(t.db, { table: 'audit_log', columns: ['at'], ids: audit.map((a) => a.id) }, OLD);

  const [silent, onTicket, talking] = (await t.db.insertInto('contacts').values([{ locale: 'fr' }, { locale: 'ar' }, { locale: 'ary' }]).returning('id').execute()).map((c) => c.id);
  const contacts = { silent: silent ?? 0, onTicket: onTicket ?? 0, talking: talking ?? 0 };
  await t.db.insertInto('conversations').values(Object.values(contacts).map((id) => ({ contact_id: id, state: JSON.stringify({ v: 1, step: 'menu', locale: 'fr', draft: {}, misses: 0, lastAt: null }) }))).execute();
  await t.db.insertInto('handoff_tickets').values({ contact_id: contacts.onTicket, reason: 'asked' }).execute();
  await makeOld(t.db, { table: 'conversations', columns: ['updated_at'], key: 'contact_id', ids: [contacts.silent, contacts.onTicket] }, OLD);
  await makeOld(t.db, { table: 'conversations', columns: ['updated_at'], key: 'contact_id', ids: [contacts.talking] }, RECENT);
  return { outbox, notifications, contacts };
}

describe('a retention run', () => {
  it('removes what is past the retention period and keeps what is not, in every table', async () => {
    const s = await seed();
    const auditBefore = await t.db.selectFrom('audit_log').select('id').execute();
    const report = await runRetention(t.db, { retentionDays: 180 }, logger);
    expect(report).toMatchObject({ ran: true, outbox: 2, sent_messages: 1, notifications: 1, inbound_receipts: 1, audit_log: 1, conversations: 1 });

    const ids = async (table: 'outbox' | 'notifications') => (await t.db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
    expect(await ids('outbox')).toEqual([s.outbox.recent]);
    expect((await t.db.selectFrom('sent_messages').select('provider_id').execute()).map((r) => r.provider_id)).toEqual(['p-recent']);
    // Still waiting, a check-in that holds answers, and one fired twenty days ago stay; the first's message is gone.
    expect(await ids('notifications')).toEqual([s.notifications.oldPending, s.notifications.checkinFirst, s.notifications.recentSent]);
    expect((await t.db.selectFrom('notifications').select('outbox_id').where('id', '=', s.notifications.checkinFirst).executeTakeFirstOrThrow()).outbox_id).toBeNull();
    expect(await t.db.selectFrom('checkins').select('answers').execute()).toEqual([{ answers: { pain: 1 } }]);
    expect((await t.db.selectFrom('inbound_receipts').select('provider_id').execute()).map((r) => r.provider_id)).toEqual(['wamid.nine']);
    // The join of two contacts stays (erasure follows it), and what was written today.
    const audit = await t.db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toContain('contact.join_identity');
    expect(audit.map((a) => a.action)).not.toContain('appointment.attended');
    expect(audit).toHaveLength(auditBefore.length - 1);
    const conversations = (await t.db.selectFrom('conversations').select('contact_id').orderBy('contact_id').execute()).map((c) => c.contact_id);
    expect(conversations).toEqual([s.contacts.onTicket, s.contacts.talking]);
    // The contact stays, with what it chose.
    expect(await t.db.selectFrom('contacts').select('locale').where('id', '=', s.contacts.silent).executeTakeFirstOrThrow()).toEqual({ locale: 'fr' });

    // A second run finds nothing more.
    expect(await runRetention(t.db, { retentionDays: 180 }, logger)).toMatchObject({ ran: true, outbox: 0, notifications: 0, inbound_receipts: 0, audit_log: 0, conversations: 0 });
  });

  it('purges oldest first in batches, and stops at the rows of the retention period', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    const rows = await t.db.insertInto('outbox').values(Array.from({ length: 25 }, () => ({ contact_id: contact.id, channel: 'telegram', recipient: '6262', kind: 'reply' as const, status: 'sent' as const, payload: '{"text":"Merci"}' }))).returning('id').execute();
    const ids = rows.map((r) => r.id);
    await makeOld(t.db, { table: 'outbox', columns: ['created_at'], ids: ids.slice(0, 23) }, OLD);
    const report = await runRetention(t.db, { retentionDays: 180, batchRows: 4 }, logger);
    expect(report).toMatchObject({ ran: true, outbox: 23 });
    expect((await t.db.selectFrom('outbox').select('id').where('id', 'in', ids).execute()).map((r) => r.id)).toEqual(ids.slice(23));
  });

  it('does nothing while another run holds the lock, and two runs at once remove each row once', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    const rows = await t.db.insertInto('outbox').values(Array.from({ length: 40 }, () => ({ contact_id: contact.id, channel: 'telegram', recipient: '7373', kind: 'reply' as const, status: 'sent' as const, payload: '{"text":"Merci"}' }))).returning('id').execute();
    await makeOld(t.db, { table: 'outbox', columns: ['created_at'], ids: rows.map((r) => r.id) }, OLD);
    const held = await t.db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(${RETENTION_LOCK})`.execute(conn);
      try {
        return await runRetention(t.db, { retentionDays: 180 }, logger);
      } finally {
        await sql`select pg_advisory_unlock(${RETENTION_LOCK})`.execute(conn);
      }
    });
    expect(held).toEqual({ ran: false, reason: 'another retention run is in progress' });
    expect(await t.db.selectFrom('outbox').select('id').where('contact_id', '=', contact.id).execute()).toHaveLength(40);

    const both = await Promise.all([runRetention(t.db, { retentionDays: 180, batchRows: 5 }, logger), runRetention(t.db, { retentionDays: 180, batchRows: 5 }, logger)]);
    const removed = both.reduce((sum, r) => sum + (r.ran ? r.outbox : 0), 0);
    expect(removed).toBe(40);
    expect(await t.db.selectFrom('outbox').select('id').where('contact_id', '=', contact.id).execute()).toEqual([]);
  });
});
