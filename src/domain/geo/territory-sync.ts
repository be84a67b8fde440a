// Keeps the regions and provinces tables equal to the reference data shipped with the code.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { PROVINCES, REGIONS } from './morocco-territory.data.ts';

/** Upserts the 12 regions and 75 provinces; safe to run on every start. Returns the counts. */
export async function syncTerritory(db: Kysely<Database>): Promise<{ regions: number; provinces: number }> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('regions')
      .values(REGIONS.map((r) => ({ code: r.code, name_fr: r.nameFr, name_ar: r.nameAr })))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({ name_fr: sql.ref('excluded.name_fr'), name_ar: sql.ref('excluded.name_ar') }),
      )
      .execute();
    await trx
      .insertInto('provinces')
      .values(
        PROVINCES.map((p) => ({
          code: p.code,
          region_code: p.regionCode,
          kind: p.kind,
          name_fr: p.nameFr,
          name_ar: p.nameAr,
          lat: p.lat,
          lon: p.lon,
          aliases: p.aliases,
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          region_code: sql.ref('excluded.region_code'),
          kind: sql.ref('excluded.kind'),
          name_fr: sql.ref('excluded.name_fr'),
          name_ar: sql.ref('excluded.name_ar'),
          lat: sql.ref('excluded.lat'),
          lon: sql.ref('excluded.lon'),
          aliases: sql.ref('excluded.aliases'),
        }),
      )
      .execute();
  });
  return { regions: REGIONS.length, provinces: PROVINCES.length };
}
