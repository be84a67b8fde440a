// The answers of the server the console reads, as the API contract gives them.
import type { Locale } from '../i18n/index.ts';

export interface Me {
  id: number;
  name: string;
  role: 'admin' | 'coordinator' | 'medical';
  locale: Locale;
  organisation: { id: number; slug: string; name: string } | null;
}

export interface SessionAnswer {
  staff: Me;
  csrfToken: string;
}

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
