// Shared shell of the command-line entry points: known failures become one clear message and exit code 1.
import { ConfigError } from '../config/load-config.ts';
import { MigrationFailed } from '../db/migrator.ts';
import { InvalidInput, SlugTaken, WindowsRemovalRefused } from '../domain/errors.ts';

/** Thrown for a wrong command line; printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export async function runCommand(main: () => Promise<void>, usage = ''): Promise<void> {
  try {
    await main();
  } catch (err) {
    process.exitCode = err instanceof UsageError ? 2 : 1;
    process.stderr.write(`${describeFailure(err)}\n`);
    if (err instanceof UsageError && usage) process.stderr.write(`\n${usage}\n`);
  }
}

export function describeFailure(err: unknown): string {
  if (err instanceof ConfigError || err instanceof MigrationFailed || err instanceof UsageError) return err.message;
  if (err instanceof InvalidInput || err instanceof SlugTaken || err instanceof WindowsRemovalRefused) return err.message;
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  if (code === 'ECONNREFUSED') {
    return `Cannot reach the database: ${err instanceof Error ? err.message : ''}. Is Postgres running, and is DATABASE_URL right?`;
  }
  if (code === '3D000') {
    return `${err instanceof Error ? err.message : 'The database does not exist'}. Run \`npm run migrate\` first: it creates it.`;
  }
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
