// `npm run migrate`: creates the database if needed, applies migrations, loads the reference data.
import { loadDatabaseConfig } from '../config/load-config.ts';
import { createDatabase } from '../db/connection.ts';
import { ensureDatabaseExists } from '../db/ensure-database.ts';
import { prepareDatabase } from '../db/prepare-database.ts';
import { runCommand } from './command-runner.ts';

await runCommand(async () => {
  const config = loadDatabaseConfig(process.env);
  if (await ensureDatabaseExists(config.DATABASE_URL)) process.stdout.write('Created the database.\n');
  const db = createDatabase({ connectionString: config.DATABASE_URL, poolSize: 2 });
  try {
    const result = await prepareDatabase(db);
    const applied = result.applied.length ? result.applied.map((m) => `  applied ${m}`).join('\n') : '  schema already up to date';
    process.stdout.write(`${applied}\n  reference data: ${result.regions} regions, ${result.provinces} provinces\n`);
  } finally {
    await db.destroy();
  }
});
