// Who got a broadcast was a row in broadcast_deliveries beside each outbox row: a second heap row and three
// index entries per person, about a third of the bytes a national broadcast writes while it fans out. The
// outbox row now names its broadcast; one partial unique index keeps "one message per person per
// broadcast" and finds a broadcast's messages for its progress, its cancel and its count.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox add column broadcast_id integer`.execute(db);
  await sql`update outbox o set broadcast_id = d.broadcast_id from broadcast_deliveries d where d.outbox_id = o.id`.execute(db);
  await sql`create unique index outbox_broadcast on outbox (broadcast_id, contact_id) where broadcast_id is not null`.execute(db);
  await sql`drop table broadcast_deliveries`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table broadcast_deliveries (
      broadcast_id integer not null, contact_id integer not null, outbox_id bigint not null,
      constraint broadcast_deliveries_pk primary key (broadcast_id, contact_id))`.execute(db);
  await sql`create index broadcast_deliveries_outbox on broadcast_deliveries (outbox_id)`.execute(db);
  await sql`insert into broadcast_deliveries (broadcast_id, contact_id, outbox_id) select broadcast_id, contact_id, id from outbox where broadcast_id is not null and contact_id is not null`.execute(db);
  await sql`alter table broadcast_deliveries set (autovacuum_vacuum_scale_factor = 0.02)`.execute(db);
  await sql`alter table outbox drop column broadcast_id`.execute(db);
}
