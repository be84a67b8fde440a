// `npm run retention`: one retention run now (the workers run one every night). Prints what it removed as
// one JSON line on stdout; progress goes to the log, on stderr.
import { pino } from 'pino';
import { loadDatabaseConfig } from '../config/load-config.ts';
import { createDatabase } from '../db/connection.ts';
import { prepareDatabase } from '../db/prepare-database.ts';
import { createLogger } from '../logging/logger.ts';
import { runRetention } from '../retention/index.ts';
import { runCommand } from './command-runner.ts';

await runCommand(async () => {
  const config = loadDatabaseConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL, pino.destination(2));
  const db = createDatabase({ connectionString: config.DATABASE_URL, poolSize: 2 });
  try {
    await prepareDatabase(db);
    const report = await runRetention(db, { retentionDays: config.RETENTION_DAYS }, logger);
    const { ran: _ran, ...line } = report;
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    await db.destroy();
  }
});
