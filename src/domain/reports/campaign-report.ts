// A campaign's report: every figure the coordinators hand to the provincial delegation, read from the rows
// themselves (never from counters), for the campaign's own organisation only.
import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/tables.ts';
import type { CampaignReport } from '../../http/console/reports.schemas.ts';
import { localDay } from '../clock.ts';
import { bloodDrive } from './blood-drive.ts';
import { bookingsPerDay } from './bookings-per-day.ts';
import { followUp } from './follow-up.ts';
import { leadTimes } from './lead-times.ts';
import { people } from './people.ts';
import { serviceDays } from './service-days.ts';

export interface ReportScope {
  /** Only this organisation's campaign is found; another's gives undefined (the route answers 404). */
  organisationId: number;
  today: IsoDate;
  timeZone: string;
}

/** @example const report = await campaignReport(db, 12, { organisationId: 3, today: '2026-12-14', timeZone: 'Africa/Casablanca' }); */
export async function campaignReport(db: Kysely<Database>, campaignId: number, scope: ReportScope): Promise<CampaignReport | undefined> {
  const campaign = await db
    .selectFrom('campaigns')
    .select(['id', 'kind', 'title', 'first_day', 'last_day', 'created_at', 'donor_target'])
    .where('id', '=', campaignId)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst();
  if (!campaign) return undefined;
  const since = localDay(campaign.created_at, scope.timeZone);
  const until = campaign.last_day < scope.today ? campaign.last_day : scope.today;
  const [days, leads, who, after, drive, perDay] = await Promise.all([
    serviceDays(db, campaignId),
    leadTimes(db, campaignId, scope.timeZone),
    people(db, campaignId, campaign.first_day),
    followUp(db, campaignId),
    campaign.kind === 'blood_drive' ? bloodDrive(db, campaignId, campaign.donor_target) : Promise.resolve(null),
    bookingsPerDay(db, campaignId, since, until, scope.timeZone),
  ]);
  return {
    campaignId,
    kind: campaign.kind,
    title: campaign.title,
    firstDay: campaign.first_day,
    lastDay: campaign.last_day,
    since,
    today: scope.today,
    serviceDays: days,
    leadTimes: leads,
    pyramid: who.pyramid,
    places: who.places,
    followUp: after,
    bloodDrive: drive,
    bookingsPerDay: perDay,
  };
}
