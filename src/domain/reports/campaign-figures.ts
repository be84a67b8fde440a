// Each campaign's appointment figures from campaign_figures, the changes the appointments' triggers write
// (migrations/20261206T1310_count_campaign_figures.ts): summing a few rows per campaign instead of counting
// every appointment of the country. Reading folds the rows into one per campaign so they stay few.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';

/**
 * Replaces the rows by their sums, one per campaign. Two folds at once neither lose nor double a change: a
 * row is deleted by one of them only, and its sum inserted by that one.
 */
export async function foldCampaignFigures(db: Kysely<Database>): Promise<void> {
  await sql`
    with moved as (delete from campaign_figures returning *)
    insert into campaign_figures (campaign_id, registered, over_capacity, checked_in, seen, operated, no_show)
    select campaign_id, sum(registered), sum(over_capacity), sum(checked_in), sum(seen), sum(operated), sum(no_show)
    from moved group by campaign_id`.execute(db);
}
