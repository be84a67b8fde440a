// Data backfill: audit entries written before they carried an organisation take that of the staff member
// who acted (their organisation today: the log kept no other). Entries of villagers and the system keep none.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update audit_log l set organisation_id = s.organisation_id
    from staff s
    where l.organisation_id is null and l.actor = 'staff:' || s.id and s.organisation_id is not null`.execute(db);
}

export async function down(): Promise<void> {
  // The column itself goes with the schema migration's down.
}
