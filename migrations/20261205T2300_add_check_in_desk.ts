// The check-in desk at the venue: a `desk` role for volunteers who only check people in, the arrival on
// each appointment (first arrival kept), walk-ins counted apart from the windows' places, and every scan
// or walk-in a desk sends kept under the client id the desk gave it, so a scan sent again changes nothing.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table staff drop constraint staff_role_check`.execute(db);
  await sql`alter table staff add constraint staff_role_check check (role in ('admin', 'coordinator', 'medical', 'desk'))`.execute(db);

  await db.schema
    .alterTable('appointments')
    // Registered at the desk over a full window: the window's `booked` does not count it.
    .addColumn('walk_in', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('arrived_at', 'timestamptz')
    .addColumn('arrived_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('arrival_client_id', 'uuid')
    .execute();

  await db.schema
    .createTable('desk_checkins')
    .addColumn('client_id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('checkin', 'walk_in')`))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('appointment_id', 'integer', (c) => c.references('appointments.id'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    /** When the desk says it happened (bounded by the server); `received_at` when it reached us. */
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('answer', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('desk_checkins_appointment').on('desk_checkins').column('appointment_id').execute();
  // Whatever the order scans arrive in, one appointment has one "checked in" answer (the row lock makes
  // desks take turns; this holds if that ever breaks).
  await sql`create unique index desk_checkins_one_arrival on desk_checkins (appointment_id) where outcome = 'checked_in'`.execute(db);
  await db.schema.createIndex('desk_checkins_campaign').on('desk_checkins').columns(['campaign_id', 'received_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('desk_checkins').execute();
  await db.schema.alterTable('appointments').dropColumn('walk_in').dropColumn('arrived_at').dropColumn('arrived_by').dropColumn('arrival_client_id').execute();
  await sql`delete from staff where role = 'desk'`.execute(db);
  await sql`alter table staff drop constraint staff_role_check`.execute(db);
  await sql`alter table staff add constraint staff_role_check check (role in ('admin', 'coordinator', 'medical'))`.execute(db);
}
