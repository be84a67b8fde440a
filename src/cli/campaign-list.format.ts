// Plain-text listing of upcoming campaigns for coordinators at a terminal.
import type { UpcomingCampaign } from '../domain/campaigns/campaign-finder.ts';
import { inLocale } from '../domain/campaigns/localized-text.ts';

export function formatCampaignList(list: readonly UpcomingCampaign[]): string {
  if (list.length === 0) return 'No upcoming published campaign.\n';
  return list
    .map((c) => {
      const days = c.firstDay === c.lastDay ? c.firstDay : `${c.firstDay} to ${c.lastDay}`;
      const where = `${c.venue.name}, ${c.commune}${c.distanceKm !== undefined ? ` (${c.distanceKm} km)` : ''}`;
      const target = c.donorTarget ? `  target ${c.donorTarget} donors\n` : '';
      const services = c.services
        .map((s) => `    ${s.service.padEnd(18)} ${String(s.remaining).padStart(5)} of ${String(s.capacity).padStart(5)} places left`)
        .join('\n');
      return `${inLocale(c.title, 'fr')} [${c.slug}]\n  ${days} · ${where}\n  ${c.organisationName}\n${target}${services}\n`;
    })
    .join('\n');
}
