// The answers of the server the console reads, as the API contract gives them.
// The sign-in API's types come from the schemas its routes validate with: a renamed field fails both type-checks.
export type { Me, SessionAnswer } from '../../../src/http/console/session.schemas.ts';

export type Phase = 'draft' | 'upcoming' | 'running' | 'past';

/**
 * One row of GET /admin/api/campaigns (CampaignSummary of src/domain/campaigns/organisation-campaigns.ts, which the
 * browser's type-check cannot read: it pulls Node's Buffer); `phase` comes with the console's list, computed here when absent.
 */
export interface CampaignSummary {
  id: number;
  slug: string;
  kind: 'caravan' | 'blood_drive';
  status: 'draft' | 'published' | 'closed' | 'cancelled';
  title: { fr: string; ar?: string; ary?: string; 'ary-Latn'?: string };
  provinceCode: string;
  commune: string;
  venueName: string;
  firstDay: string;
  lastDay: string;
  capacity: number;
  booked: number;
  phase?: Phase;
}

export interface CampaignPage {
  items: CampaignSummary[];
  nextCursor: string | null;
}
