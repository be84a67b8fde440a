// A campaign file is small but expands into days x windows slots: its size is bounded, and a file
// past a bound is refused at once, as invalid input naming the field and the limit, never a failure.
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_LIMITS } from '../../../src/domain/campaigns/campaign-file.ts';
import { daysBetween } from '../../../src/domain/campaigns/days.ts';
import { campaignProblems as problemsOf } from '../../support/campaign-problems.ts';
import { campaignFile } from '../../support/fixtures.ts';

/** Parses the JSON text as the admin API and the import command do, and measures how long refusing it took. */
function timedProblems(json: string): { problems: string[]; ms: number } {
  const started = performance.now();
  const problems = problemsOf(JSON.parse(json));
  return { problems, ms: performance.now() - started };
}

const window = (start: string, end: string, days?: string[]) => ({ start, end, capacity: 1, ...(days ? { days } : {}) });

describe('bounded campaign files', () => {
  it('refuses a file of a few hundred bytes that would expand into 14,610 time windows, naming lastDay and the 31-day limit', () => {
    const json = JSON.stringify(campaignFile({ slug: 'x', firstDay: '2026-01-01', lastDay: '2065-12-31', services: [{ code: 'dental', windows: [window('08:00', '08:01')] }] }));
    expect(json.length).toBeLessThan(600);
    expect(daysBetween('2026-01-01', '2065-12-31')).toHaveLength(14_610);

    const { problems, ms } = timedProblems(json);

    expect(problems).toEqual(['lastDay: the campaign would last 14,610 days (2026-01-01 to 2065-12-31); a campaign lasts at most 31 days: split a longer one into several campaigns']);
    expect(ms).toBeLessThan(200);
  });

  it('accepts a campaign of 31 days and refuses one of 32', () => {
    expect(problemsOf(campaignFile({ firstDay: '2026-12-01', lastDay: '2026-12-31' }))).toEqual([]);
    expect(problemsOf(campaignFile({ firstDay: '2026-12-01', lastDay: '2027-01-01' }))).toEqual([
      'lastDay: the campaign would last 32 days (2026-12-01 to 2027-01-01); a campaign lasts at most 31 days: split a longer one into several campaigns',
    ]);
  });

  it('refuses more than 24 time windows of one service on one day, naming the day', () => {
    const hours = Array.from({ length: 24 }, (_, h) => window(`${String(h).padStart(2, '0')}:00`, `${String(h).padStart(2, '0')}:30`));
    expect(problemsOf(campaignFile({ services: [{ code: 'dental', windows: hours }] }))).toEqual([]);
    const oneMore = [...hours, window('23:30', '23:45', ['2026-12-15'])];
    expect(problemsOf(campaignFile({ services: [{ code: 'dental', windows: oneMore }] }))).toEqual([
      'services[0].windows: 25 time windows on 2026-12-15; a service has at most 24 a day',
    ]);
  });

  it('refuses a days list longer than a campaign, a day listed twice, more services than there are codes, and a huge capacity', () => {
    const days = daysBetween('2026-12-01', '2027-01-01');
    expect(problemsOf(campaignFile({ services: [{ code: 'ent', windows: [window('09:00', '10:00', days)] }] }))).toEqual([
      'services[0].windows[0].days: list at most 31 days, the longest a campaign lasts (or write "all")',
    ]);
    expect(problemsOf(campaignFile({ services: [{ code: 'ent', windows: [window('09:00', '10:00', ['2026-12-14', '2026-12-14'])] }] }))).toEqual([
      'services[0].windows[0].days[1]: 2026-12-14 is listed twice',
    ]);
    const eleven = Array.from({ length: 11 }, () => ({ code: 'ent' as const, windows: [window('09:00', '10:00')] }));
    expect(problemsOf(campaignFile({ services: eleven }))).toEqual(['services: at most 10 services, one per service code']);
    expect(problemsOf(campaignFile({ services: [{ code: 'ent', windows: [{ start: '09:00', end: '10:00', capacity: 3_000_000_000 }] }] }))).toEqual([
      'services[0].windows[0].capacity: at most 10,000 places in one time window',
    ]);
  });

  it('refuses quickly the largest file the admin API takes (1 MB): services with their most windows, each on every day', () => {
    const days = daysBetween('2026-12-01', '2026-12-31');
    // Just under the most windows a service may list (744), so that the file stays under 1 MB.
    const many = CAMPAIGN_LIMITS.windowsPerServiceDay * CAMPAIGN_LIMITS.days - 44;
    const windows = Array.from({ length: many }, (_, i) => window(`${String(i % 24).padStart(2, '0')}:00`, `${String(i % 24).padStart(2, '0')}:30`, days));
    const codes = ['ophthalmology', 'ent', 'dental'] as const;
    const json = JSON.stringify(campaignFile({ firstDay: days[0], lastDay: days.at(-1), services: codes.map((code) => ({ code, windows })) }));
    expect(json.length).toBeGreaterThan(900_000);
    expect(json.length).toBeLessThan(1024 * 1024);

    const { problems, ms } = timedProblems(json);

    expect(problems).toHaveLength(codes.length);
    expect(problems[0]).toBe('services[0].windows: 700 time windows on 2026-12-01; a service has at most 24 a day');
    expect(ms).toBeLessThan(1500);
  });
});
