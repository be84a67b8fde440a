// Data backfill: staff-chat messages written before they pointed at their alert are linked by the alert
// number their text starts with ("⚠️ Alerte n° 12 : ..."), so erasing the patient finds them too.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update outbox o set staff_alert_id = a.id
    from staff_alerts a
    where o.kind = 'staff_alert' and o.staff_alert_id is null
      and a.id = (substring(o.payload ->> 'text' from 'Alerte n° ([0-9]{1,9}) '))::int`.execute(db);
}

export async function down(): Promise<void> {
  // The links are kept: the column itself goes with the schema migration's down.
}
