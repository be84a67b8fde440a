// An organisation's own campaigns, every status, for its staff: newest first, a page at a time, with
// how full each is and where it stands (draft, upcoming, running, past). Another organisation's campaign is never in the list, and reading it by id finds nothing.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { CampaignKind, CampaignStatus, Database, LocalizedText } from '../../db/tables.ts';
import { campaignPhase, type CampaignPhase } from './campaign-phase.ts';
import { decodeCursor, pageOf, type Page, type PageQuery } from '../pagination.ts';

export interface CampaignSummary {
  id: number;
  slug: string;
  kind: CampaignKind;
  status: CampaignStatus;
  title: LocalizedText;
  provinceCode: string;
  commune: string;
  venueName: string;
  firstDay: string;
  lastDay: string;
  capacity: number;
  booked: number;
  phase: CampaignPhase;
}

const CampaignCursor = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.number().int()]);

function campaignsOf(db: Kysely<Database>, organisationId: number) {
  return db
    .selectFrom('campaigns as c')
    .select((eb) => [
      'c.id',
      'c.slug',
      'c.kind',
      'c.status',
      'c.title',
      'c.province_code',
      'c.commune',
      'c.venue_name',
      'c.first_day',
      'c.last_day',
      eb.selectFrom('slots as s').select((inner) => inner.fn.coalesce(inner.fn.sum<string>('s.capacity'), inner.lit(0)).as('n')).whereRef('s.campaign_id', '=', 'c.id').as('capacity'),
      eb.selectFrom('slots as s').select((inner) => inner.fn.coalesce(inner.fn.sum<string>('s.booked'), inner.lit(0)).as('n')).whereRef('s.campaign_id', '=', 'c.id').as('booked'),
    ])
    .where('c.organisation_id', '=', organisationId);
}

type Row = Awaited<ReturnType<ReturnType<typeof campaignsOf>['executeTakeFirstOrThrow']>>;
const toSummary = (r: Row, today: string): CampaignSummary => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind,
  status: r.status,
  title: r.title,
  provinceCode: r.province_code,
  commune: r.commune,
  venueName: r.venue_name,
  firstDay: r.first_day,
  lastDay: r.last_day,
  capacity: Number(r.capacity ?? 0),
  booked: Number(r.booked ?? 0),
  phase: campaignPhase(r.status, r.first_day, r.last_day, today),
});

/** `today` is Morocco's, for the phase. @example const { items, nextCursor } = await listOrganisationCampaigns(db, orgId, { limit: 20 }, '2026-12-01'); */
export async function listOrganisationCampaigns(db: Kysely<Database>, organisationId: number, page: PageQuery, today: string): Promise<Page<CampaignSummary>> {
  const after = decodeCursor(page.cursor, CampaignCursor);
  const rows = await campaignsOf(db, organisationId)
    .$if(after !== undefined, (q) => q.where(sql<boolean>`(c.first_day, c.id) < (${after?.[0] ?? ''}::date, ${after?.[1] ?? 0})`))
    .orderBy('c.first_day', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return pageOf(rows.map((r) => toSummary(r, today)), page.limit, (c) => [c.firstDay, c.id]);
}

export async function organisationCampaign(db: Kysely<Database>, organisationId: number, id: number, today: string): Promise<CampaignSummary | undefined> {
  const row = await campaignsOf(db, organisationId).where('c.id', '=', id).executeTakeFirst();
  return row ? toSummary(row, today) : undefined;
}
