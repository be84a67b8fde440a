// A blood drive's funnel: the target, registered, confirmed, came, donated, and those who came and gave
// no blood (deferred at the interview); the donations by blood group.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { BLOOD_GROUP_KEYS } from '../../http/console/reports.schemas.ts';

type GroupKey = (typeof BLOOD_GROUP_KEYS)[number];

export interface BloodDrive {
  target: number | null;
  registered: number;
  confirmed: number;
  came: number;
  donated: number;
  deferred: number;
  byGroup: { group: GroupKey; donated: number }[];
}

/** Every group in the usual order, zeros included, an unknown group last. Pure. */
export function byGroup(rows: readonly { group: string | null; donated: number }[]): BloodDrive['byGroup'] {
  return BLOOD_GROUP_KEYS.map((group) => ({ group, donated: rows.filter((r) => (r.group ?? 'unknown') === group).reduce((n, r) => n + r.donated, 0) }));
}

export async function bloodDrive(db: Kysely<Database>, campaignId: number, target: number | null): Promise<BloodDrive> {
  const [appointments, groups] = await Promise.all([
    db
      .selectFrom('appointments as a')
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere('a.status', '!=', 'cancelled').as('registered'),
        eb.fn.countAll<number>().filterWhere((w) => w.and([w('a.status', '!=', 'cancelled'), w('a.confirmed_at', 'is not', null)])).as('confirmed'),
        eb.fn.countAll<number>().filterWhere('a.status', '=', 'attended').as('came'),
        eb.fn
          .countAll<number>()
          .filterWhere((w) => w.and([w('a.status', '=', 'attended'), w.not(w.exists(w.selectFrom('donations as d').select('d.id').whereRef('d.appointment_id', '=', 'a.id')))]))
          .as('deferred'),
      ])
      .where('a.campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('donations')
      .select((eb) => ['blood_group as group', eb.fn.countAll<number>().as('donated')])
      .where('campaign_id', '=', campaignId)
      .groupBy('blood_group')
      .execute(),
  ]);
  const shares = byGroup(groups);
  return { target, ...appointments, donated: shares.reduce((n, g) => n + g.donated, 0), byGroup: shares };
}
