// The list's groups: the server gives each campaign its phase by Morocco's today. Pure.
import type { CampaignSummary, Phase } from '../../api/types.ts';

export const PHASE_ORDER: readonly Phase[] = ['running', 'upcoming', 'draft', 'past'];

export function groupByPhase(campaigns: readonly CampaignSummary[]): Record<Phase, CampaignSummary[]> {
  const groups: Record<Phase, CampaignSummary[]> = { running: [], upcoming: [], draft: [], past: [] };
  for (const c of campaigns) groups[c.phase].push(c);
  // Soonest first for what is to come; the list arrives newest first, which suits the past.
  groups.upcoming.sort((a, b) => a.firstDay.localeCompare(b.firstDay));
  groups.running.sort((a, b) => a.lastDay.localeCompare(b.lastDay));
  return groups;
}
