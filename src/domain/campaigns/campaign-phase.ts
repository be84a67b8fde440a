// Where a campaign stands for its staff, from its status and its days seen from today in Morocco. Pure.
import type { CampaignStatus, IsoDate } from '../../db/tables.ts';

export type CampaignPhase = 'draft' | 'upcoming' | 'running' | 'past';

/**
 * ISO days compare as strings, so no time zone enters here: `today` is already Morocco's.
 *
 * @example campaignPhase('published', '2026-12-14', '2026-12-15', '2026-12-14') // 'running'
 */
export function campaignPhase(status: CampaignStatus, firstDay: IsoDate, lastDay: IsoDate, today: IsoDate): CampaignPhase {
  if (status === 'draft') return 'draft';
  if (today < firstDay) return 'upcoming';
  return today <= lastDay ? 'running' : 'past';
}
