// `npm run seed:demo`: the three demo campaigns and their organisations. Present ones are left as they are, so a second run changes nothing.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadDatabaseConfig } from '../config/load-config.ts';
import { createDatabase } from '../db/connection.ts';
import { ensureDatabaseExists } from '../db/ensure-database.ts';
import { prepareDatabase } from '../db/prepare-database.ts';
import { inTransaction } from '../db/transaction.ts';
import { localDay, systemClock } from '../domain/clock.ts';
import { seedDemo } from '../domain/campaigns/demo-seed.ts';
import { parseCampaignFile } from '../domain/campaigns/campaign-import.ts';
import { OrganisationInputSchema } from '../domain/organisations/organisations.ts';
import { readJsonFile } from './read-json-file.ts';
import { runCommand } from './command-runner.ts';

const DEMO_DIR = fileURLToPath(new URL('../../seeds/demo/', import.meta.url));
const DEMO_ORGANISATIONS = fileURLToPath(new URL('../../seeds/demo-organisations.json', import.meta.url));

await runCommand(async () => {
  const config = loadDatabaseConfig(process.env);
  await ensureDatabaseExists(config.DATABASE_URL);
  const db = createDatabase({ connectionString: config.DATABASE_URL, poolSize: 2 });
  try {
    await prepareDatabase(db);
    const names = (await readdir(DEMO_DIR)).filter((f) => f.endsWith('.json')).sort();
    const campaigns = await Promise.all(names.map(async (n) => parseCampaignFile(await readJsonFile(path.join(DEMO_DIR, n)))));
    const organisations = z.array(OrganisationInputSchema).parse(await readJsonFile(DEMO_ORGANISATIONS));
    const today = localDay(systemClock.now(), config.TIME_ZONE);
    const outcome = await inTransaction(db, (trx) => seedDemo(trx, { organisations, campaigns }, today));
    for (const line of outcome) process.stdout.write(`${line.created ? 'created' : 'already present'}  ${line.slug}\n`);
  } finally {
    await db.destroy();
  }
});
