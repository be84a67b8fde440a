// Moves every day of a campaign file by a number of days (keeps the demo in the future).
import type { CampaignFile } from './campaign-file.ts';
import { addDays } from './days.ts';

export function shiftCampaignFile(file: CampaignFile, days: number): CampaignFile {
  if (days === 0) return file;
  return {
    ...file,
    firstDay: addDays(file.firstDay, days),
    lastDay: addDays(file.lastDay, days),
    services: file.services.map((s) => ({
      ...s,
      windows: s.windows.map((w) => ({ ...w, days: w.days === 'all' ? 'all' : w.days.map((d) => addDays(d, days)) })),
    })),
  };
}
