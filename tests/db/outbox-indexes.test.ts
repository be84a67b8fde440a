// The outbox is written for every message and updated about twice: it keeps only the indexes a query of
// the service reads, so no update maintains one for nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('the outbox indexes', () => {
  it('are only those its queries use', async () => {
    const rows = await sql<{ indexname: string }>`select indexname from pg_indexes where tablename = 'outbox' order by indexname`.execute(t.db);
    expect(rows.rows.map((r) => r.indexname)).toEqual([
      'outbox_broadcast', // one message per person per broadcast; a broadcast's progress, cancel and count
      'outbox_campaign', // a campaign's messages counted (campaignMessageCounts)
      'outbox_contact', // erasure, a changed number, the Telegram group notice, contacts deleted
      'outbox_pending', // the sweep of rows whose job was lost (pendingOutbox)
      'outbox_pkey', // claims, sends, statuses, the retention job's walk
      'outbox_sending_by_organisation', // messages a crash left in doubt (doubtfulOutbox)
      'outbox_staff_alert', // erasure of a patient named in a staff chat's alert
    ]);
  });

  it('let an outbox row go without scanning the notifications that pointed at it', async () => {
    const rows = await sql<{ indexdef: string }>`select indexdef from pg_indexes where tablename = 'notifications' and indexname = 'notifications_outbox'`.execute(t.db);
    expect(rows.rows[0]?.indexdef).toContain('(outbox_id)');
  });
});
