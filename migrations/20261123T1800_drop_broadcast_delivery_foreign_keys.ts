// A broadcast page writes a thousand delivery rows in one statement, from the outbox rows, contacts and
// broadcast that statement itself has just written or locked: the three foreign-key checks per row
// guarded nothing, and took a third of the page's time while the channel was busy sending.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table broadcast_deliveries drop constraint if exists broadcast_deliveries_broadcast_id_fkey`.execute(db);
  await sql`alter table broadcast_deliveries drop constraint if exists broadcast_deliveries_contact_id_fkey`.execute(db);
  await sql`alter table broadcast_deliveries drop constraint if exists broadcast_deliveries_outbox_id_fkey`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table broadcast_deliveries add constraint broadcast_deliveries_broadcast_id_fkey foreign key (broadcast_id) references broadcasts (id) on delete cascade`.execute(db);
  await sql`alter table broadcast_deliveries add constraint broadcast_deliveries_contact_id_fkey foreign key (contact_id) references contacts (id) on delete cascade`.execute(db);
  await sql`alter table broadcast_deliveries add constraint broadcast_deliveries_outbox_id_fkey foreign key (outbox_id) references outbox (id) on delete cascade`.execute(db);
}
