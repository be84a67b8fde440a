// Data backfill: messages written before the outbox named their campaign get it from what they were about
// (a reminder's or check-in's appointment, a recalled donation, a broadcast, a staff alert), so their counts
// are kept by campaign when the retention job deletes them.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update outbox o set campaign_id = coalesce(a.campaign_id, d.campaign_id)
    from notifications n
    left join appointments a on a.id = n.appointment_id
    left join donations d on d.id = n.donation_id
    where n.outbox_id = o.id and o.campaign_id is null`.execute(db);
  await sql`
    update outbox o set campaign_id = b.campaign_id
    from broadcast_deliveries bd join broadcasts b on b.id = bd.broadcast_id
    where bd.outbox_id = o.id and o.campaign_id is null and b.campaign_id is not null`.execute(db);
  await sql`
    update outbox o set campaign_id = s.campaign_id
    from staff_alerts s
    where s.id = o.staff_alert_id and o.campaign_id is null`.execute(db);
}

export async function down(): Promise<void> {
  // The values go with the column, in the schema migration's down.
}
