// What a coordinator reads when a campaign file is refused: one problem per line, or none.
import { parseCampaignFile } from '../../src/domain/campaigns/campaign-import.ts';
import { InvalidInput } from '../../src/domain/errors.ts';

export function campaignProblems(input: unknown): string[] {
  try {
    parseCampaignFile(input);
  } catch (err) {
    if (err instanceof InvalidInput) return [...err.problems];
    throw err;
  }
  return [];
}
