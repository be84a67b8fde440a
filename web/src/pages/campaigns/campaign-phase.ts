// Which group a campaign falls in on the list: drafts apart, then by the days against today in Casablanca. Pure.
import type { CampaignSummary, Phase } from '../../api/types.ts';

export const PHASE_ORDER: readonly Phase[] = ['running', 'upcoming', 'draft', 'past'];

/** The server's phase when it gives one; the same rule otherwise. */
export function phaseOf(campaign: CampaignSummary, today: string): Phase {
  if (campaign.phase) return campaign.phase;
  if (campaign.status === 'draft') return 'draft';
  if (campaign.lastDay < today) return 'past';
  if (campaign.firstDay > today) return 'upcoming';
  return 'running';
}

export function groupByPhase(campaigns: readonly CampaignSummary[], today: string): Record<Phase, CampaignSummary[]> {
  const groups: Record<Phase, CampaignSummary[]> = { running: [], upcoming: [], draft: [], past: [] };
  for (const c of campaigns) groups[phaseOf(c, today)].push(c);
  // Soonest first for what is to come; the list arrives newest first, which suits the past.
  groups.upcoming.sort((a, b) => a.firstDay.localeCompare(b.firstDay));
  groups.running.sort((a, b) => a.lastDay.localeCompare(b.lastDay));
  return groups;
}
