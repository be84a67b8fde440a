// The national view sums 800,000 appointments; counting them at every read takes far too long on a busy
// machine. Each statement that writes appointments now adds its change to campaign_figures (a row per
// campaign it touched; inserts only, no row locked, so bookings never wait on each other here), and a
// reader sums the rows, folding them into one per campaign as it goes (domain/reports/campaign-figures.ts).
// The existing appointments are counted in the same transaction as the triggers are made, with writes held
// off, so none is missed or counted twice.
import { sql, type Kysely } from 'kysely';

/** What one appointment row adds to its campaign's figures. */
const FIGURES = `
  (status <> 'cancelled' and not walk_in)::int as registered,
  (status <> 'cancelled' and walk_in)::int as over_capacity,
  (status = 'attended')::int as checked_in,
  (status <> 'cancelled' and seen_at is not null)::int as seen,
  (status <> 'cancelled' and procedure_done_at is not null)::int as operated,
  (status = 'no_show')::int as no_show`;

const COLUMNS = ['registered', 'over_capacity', 'checked_in', 'seen', 'operated', 'no_show'];

/** Rows arriving count positively, rows leaving negatively; a change of other columns adds no row. */
function countingFunction(name: string, parts: string[]): string {
  return `
    create function ${name}() returns trigger language plpgsql as $$
    begin
      insert into campaign_figures (campaign_id, ${COLUMNS.join(', ')})
      select campaign_id, ${COLUMNS.map((c) => `sum(${c})`).join(', ')}
      from (${parts.join(' union all ')}) d
      group by campaign_id
      having ${COLUMNS.map((c) => `sum(${c}) <> 0`).join(' or ')};
      return null;
    end $$`;
}

const arriving = `select campaign_id, ${FIGURES} from new_rows`;
const leaving = `select campaign_id, ${COLUMNS.map((c) => `-${c} as ${c}`).join(', ')} from (select campaign_id, ${FIGURES} from old_rows) o`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table campaign_figures (
      campaign_id integer not null,
      registered integer not null,
      over_capacity integer not null,
      checked_in integer not null,
      seen integer not null,
      operated integer not null,
      no_show integer not null
    )`.execute(db);
  await sql`create index campaign_figures_campaign on campaign_figures (campaign_id)`.execute(db);
  // A trigger with transition tables answers one event: three functions, three triggers.
  await sql.raw(countingFunction('count_inserted_appointments', [arriving])).execute(db);
  await sql.raw(countingFunction('count_updated_appointments', [arriving, leaving])).execute(db);
  await sql.raw(countingFunction('count_deleted_appointments', [leaving])).execute(db);
  await sql`lock table appointments in share row exclusive mode`.execute(db);
  await sql`create trigger appointments_counted_on_insert after insert on appointments referencing new table as new_rows for each statement execute function count_inserted_appointments()`.execute(db);
  await sql`create trigger appointments_counted_on_update after update on appointments referencing old table as old_rows new table as new_rows for each statement execute function count_updated_appointments()`.execute(db);
  await sql`create trigger appointments_counted_on_delete after delete on appointments referencing old table as old_rows for each statement execute function count_deleted_appointments()`.execute(db);
  await sql.raw(`insert into campaign_figures (campaign_id, ${COLUMNS.join(', ')}) select campaign_id, ${COLUMNS.map((c) => `sum(${c})`).join(', ')} from (select campaign_id, ${FIGURES} from appointments) a group by campaign_id`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger appointments_counted_on_${event} on appointments`).execute(db);
  for (const name of ['count_inserted_appointments', 'count_updated_appointments', 'count_deleted_appointments']) await sql.raw(`drop function ${name}()`).execute(db);
  await sql`drop table campaign_figures`.execute(db);
}
