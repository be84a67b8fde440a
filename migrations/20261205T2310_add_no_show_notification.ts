// The day's close: a person who did not come gets one message offering another day, as a notification
// of its own kind (its timer waits out the quiet hours like a reminder's).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check check (kind in ('reminder', 'checkin', 'recall', 'broadcast', 'no_show'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from notifications where kind = 'no_show'`.execute(db);
  await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check check (kind in ('reminder', 'checkin', 'recall', 'broadcast'))`.execute(db);
}
