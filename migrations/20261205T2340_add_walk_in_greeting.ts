// A walk-in with a phone and the paper consent gets one message from the bot: their code and what
// comes next, as a notification of its own kind (it waits out the quiet hours like a reminder).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check check (kind in ('reminder', 'checkin', 'recall', 'broadcast', 'no_show', 'walk_in'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from notifications where kind = 'walk_in'`.execute(db);
  await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check check (kind in ('reminder', 'checkin', 'recall', 'broadcast', 'no_show'))`.execute(db);
}
