// Runs the migrations in migrations/ with Kysely's Migrator, oldest first.
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Db } from './connection.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** Loads every `*.ts` file of a folder as a `{ up, down }` migration, keyed by file name. */
export class FolderMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: string = MIGRATIONS_DIR) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.folder)).filter((f) => /^\d{8}T\d{4}_[a-z0-9_]+\.ts$/.test(f)).sort();
    const entries = await Promise.all(
      files.map(async (file): Promise<[string, Migration]> => {
        const mod: unknown = await import(pathToFileURL(path.join(this.folder, file)).href);
        if (!isMigration(mod)) throw new Error(`Migration ${file} must export async up() and down()`);
        return [file.replace(/\.ts$/, ''), mod];
      }),
    );
    return Object.fromEntries(entries);
  }
}

function isMigration(mod: unknown): mod is Migration {
  return typeof mod === 'object' && mod !== null && 'up' in mod && typeof mod.up === 'function';
}

export class MigrationFailed extends Error {
  override readonly name = 'MigrationFailed';
}

/** Brings the schema up to date; throws `MigrationFailed` naming the migration that broke. */
export async function migrateToLatest(db: Db, folder?: string): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider(folder) });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationFailed(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, {
      cause: result.error,
    });
  }
  return result;
}
