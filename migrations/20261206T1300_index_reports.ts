// Reports read one campaign's rows: appointments were reachable only through their windows, donations and
// post-op check-ins not by campaign at all. Indexes so a campaign's report reads its own rows, not the country's,
// and the national view counts 800,000 appointments from a narrow index.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Covering what the national view counts per campaign: it reads this index alone, not the wide rows.
  await sql`create index appointments_campaign on appointments (campaign_id, status) include (walk_in, seen_at, procedure_done_at, id)`.execute(db);
  await db.schema.createIndex('checkins_appointment').on('checkins').column('appointment_id').execute();
  await sql`create index donations_campaign on donations (campaign_id) where campaign_id is not null`.execute(db);
  await db.schema.createIndex('staff_alerts_campaign').on('staff_alerts').column('campaign_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['staff_alerts_campaign', 'donations_campaign', 'checkins_appointment', 'appointments_campaign']) await db.schema.dropIndex(name).execute();
}
