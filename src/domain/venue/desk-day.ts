// What a desk holds before the day to check codes when the network drops: the day's bookings of one
// campaign with what the desk shows (name, age, sex, commune, service, window, status), and no phone.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { DeskDay } from '../../http/console/desk.schemas.ts';
import { ageOn } from './check-in-decision.ts';

/** The day's bookings, in window order; undefined when the campaign is not the organisation's (404). */
export async function deskDay(db: Kysely<Database>, organisationId: number, campaignId: number, day: string): Promise<DeskDay | undefined> {
  const campaign = await db.selectFrom('campaigns').select('id').where('id', '=', campaignId).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!campaign) return undefined;
  const [rows, services] = await Promise.all([
    db
      .selectFrom('appointments as a')
      .innerJoin('slots as s', 's.id', 'a.slot_id')
      .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
      .select(['a.code', 'b.full_name', 'b.birth_year', 'b.sex', 'b.commune', 'a.service', 's.starts_at', 's.ends_at', 'a.status'])
      .where('a.campaign_id', '=', campaignId)
      .where('s.day', '=', day)
      // An erased person's code is gone: nothing of them goes to a desk.
      .where('b.erased_at', 'is', null)
      .orderBy('s.starts_at')
      .orderBy('a.service')
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('campaign_services as cs')
      .select(['cs.service', 'cs.requires_fasting'])
      .where('cs.campaign_id', '=', campaignId)
      .where(({ exists, selectFrom }) => exists(selectFrom('slots as s').select('s.id').whereRef('s.campaign_id', '=', 'cs.campaign_id').whereRef('s.service', '=', 'cs.service').where('s.day', '=', day)))
      .orderBy('cs.service')
      .execute(),
  ]);
  return {
    campaignId,
    day,
    services: services.map((s) => ({ service: s.service, fasting: s.requires_fasting })),
    bookings: rows.map((r) => ({
      code: r.code,
      name: r.full_name,
      age: ageOn(day, r.birth_year),
      sex: r.sex,
      commune: r.commune,
      service: r.service,
      window: { start: r.starts_at.slice(0, 5), end: r.ends_at.slice(0, 5) },
      status: r.status,
    })),
  };
}
