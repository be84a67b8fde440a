// `npm run campaign -- import FILE.json` and `npm run campaign -- list [--province CODE] [--json]`.
import { parseArgs } from 'node:util';
import { loadDatabaseConfig } from '../config/load-config.ts';
import { createDatabase, type Db } from '../db/connection.ts';
import { inTransaction } from '../db/transaction.ts';
import { localDay, systemClock } from '../domain/clock.ts';
import { importCampaign, parseCampaignFile } from '../domain/campaigns/campaign-import.ts';
import { listUpcomingCampaigns } from '../domain/campaigns/campaign-finder.ts';
import { requireOrganisation } from '../domain/organisations/organisations.ts';
import { formatCampaignList } from './campaign-list.format.ts';
import { readJsonFile } from './read-json-file.ts';
import { runCommand, UsageError } from './command-runner.ts';

const USAGE = `Usage:
  npm run campaign -- import FILE.json [--organisation SLUG] [--allow-removal]
                                                create or update the campaign described in FILE.json, for the
                                                organisation the file names (or --organisation); it must exist;
                                                --allow-removal lets it delete the time windows the file leaves out
  npm run campaign -- list [--province CODE]    upcoming published campaigns with places left
                           [--json]             the same as JSON`;

await runCommand(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { province: { type: 'string' }, organisation: { type: 'string' }, json: { type: 'boolean', default: false }, 'allow-removal': { type: 'boolean', default: false } },
  });
  const [verb, file, ...rest] = positionals;
  if (verb === 'import' && file && rest.length === 0) {
    // Validate before touching the database: a bad file is reported even with Postgres down.
    const campaign = parseCampaignFile(await readJsonFile(file));
    const slug = campaign.organisation ?? values.organisation;
    if (slug === undefined) throw new UsageError('Say whose campaign it is: "organisation" in the file, or --organisation SLUG.');
    if (values.organisation !== undefined && campaign.organisation !== undefined && values.organisation !== campaign.organisation) {
      throw new UsageError(`The file names the organisation ${campaign.organisation}, and --organisation says ${values.organisation}.`);
    }
    await withDb(async (db, today) => {
      const organisation = await requireOrganisation(db, slug);
      const ctx = { actor: { kind: 'staff' as const, id: 'cli' }, channel: 'import' as const, today };
      const r = await inTransaction(db, (trx) => importCampaign(trx, ctx, campaign, organisation.id, { allowRemoval: values['allow-removal'] }));
      process.stdout.write(
        `${r.created ? 'Created' : 'Updated'} campaign ${campaign.slug} (id ${r.campaignId}, ${r.status}): ` +
          `${r.slots.inserted} windows added, ${r.slots.updated} changed, ${r.slots.deleted} removed, ${r.slots.unchanged} unchanged\n` +
          r.notes.map((note) => `Note: ${note}\n`).join(''),
      );
    });
  } else if (verb === 'list' && !file) {
    await withDb(async (db, today) => {
      const list = await listUpcomingCampaigns(db, { today, ...(values.province ? { near: { provinceCode: values.province } } : {}) });
      process.stdout.write(values.json ? `${JSON.stringify(list, null, 2)}\n` : formatCampaignList(list));
    });
  } else {
    throw new UsageError(verb ? `Cannot understand: ${positionals.join(' ')}` : 'Say what to do: import or list.');
  }
}, USAGE);

async function withDb(work: (db: Db, today: string) => Promise<void>): Promise<void> {
  const config = loadDatabaseConfig(process.env);
  const db = createDatabase({ connectionString: config.DATABASE_URL, poolSize: 2 });
  try {
    await work(db, localDay(systemClock.now(), config.TIME_ZONE));
  } finally {
    await db.destroy();
  }
}
