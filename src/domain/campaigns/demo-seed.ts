// Loads the demo campaigns once: missing ones are created with their days moved into the future.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { WriteContext } from '../actor.ts';
import type { CampaignFile } from './campaign-file.ts';
import { importCampaign } from './campaign-import.ts';
import { shiftCampaignFile } from './campaign-shift.ts';
import { addDays, daysBetween } from './days.ts';

/** The demo starts at least this many days after the day it is loaded, so people can book it. */
const LEAD_DAYS = 7;

export async function seedDemo(
  trx: Kysely<Database>,
  files: readonly CampaignFile[],
  today: string,
): Promise<Array<{ slug: string; created: boolean }>> {
  const ctx: WriteContext = { actor: { kind: 'system', id: 'seed-demo' }, channel: 'system', today };
  const earliest = files.map((f) => f.firstDay).sort()[0];
  const wanted = addDays(today, LEAD_DAYS);
  const shift = earliest !== undefined && earliest < wanted ? daysBetween(earliest, wanted).length - 1 : 0;
  const outcome: Array<{ slug: string; created: boolean }> = [];
  for (const file of files) {
    const present = await trx.selectFrom('campaigns').select('id').where('slug', '=', file.slug).executeTakeFirst();
    if (!present) await importCampaign(trx, ctx, shiftCampaignFile(file, shift));
    outcome.push({ slug: file.slug, created: !present });
  }
  return outcome;
}
