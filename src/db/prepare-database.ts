// What start-up and `npm run migrate` both do: schema migrations, then the reference data.
import type { Db } from './connection.ts';
import { migrateToLatest } from './migrator.ts';
import { syncTerritory } from '../domain/geo/territory-sync.ts';

export async function prepareDatabase(db: Db): Promise<{ applied: string[]; regions: number; provinces: number }> {
  const result = await migrateToLatest(db);
  const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const territory = await syncTerritory(db);
  return { applied, ...territory };
}
