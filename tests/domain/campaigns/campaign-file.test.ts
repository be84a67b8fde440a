// A campaign file with a mistake is refused, and the message points at the bad field.
import { describe, expect, it } from 'vitest';
import { parseCampaignFile } from '../../../src/domain/campaigns/campaign-import.ts';
import { campaignProblems as problemsOf } from '../../support/campaign-problems.ts';
import { campaignFile } from '../../support/fixtures.ts';

describe('campaign files', () => {
  it('accepts a valid file and applies the defaults', () => {
    const file = parseCampaignFile(campaignFile({ status: undefined }));
    expect(file.status).toBe('draft');
    expect(file.services[0]?.requiresFasting).toBe(false);
    expect(file.services[0]?.windows[0]?.days).toBe('all');
  });

  it('names an unknown service code and lists the known ones', () => {
    const problems = problemsOf(campaignFile({ services: [{ code: 'cardio' as 'ent', windows: [{ start: '09:00', end: '10:00', capacity: 5 }] }] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^services\[0\]\.code: unknown service code "cardio"; expected one of general_medicine, /);
  });

  it('refuses a negative capacity at its exact place', () => {
    const problems = problemsOf(campaignFile({ services: [{ code: 'ent', windows: [{ start: '09:00', end: '10:00', capacity: -4 }] }] }));
    expect(problems).toEqual(['services[0].windows[0].capacity: capacity cannot be negative']);
  });

  it('refuses overlapping windows of the same service on the same day', () => {
    const problems = problemsOf(
      campaignFile({
        services: [
          {
            code: 'dental',
            windows: [
              { start: '09:00', end: '12:00', capacity: 10 },
              { days: ['2026-12-15'], start: '11:30', end: '13:00', capacity: 10 },
            ],
          },
        ],
      }),
    );
    expect(problems).toEqual(['services[0].windows[1]: overlaps window 0 (09:00-12:00) on 2026-12-15']);
  });

  it('allows back-to-back windows and the same hours for two services', () => {
    const file = campaignFile({
      services: [
        { code: 'dental', windows: [{ start: '09:00', end: '12:00', capacity: 10 }, { start: '12:00', end: '13:00', capacity: 5 }] },
        { code: 'ent', windows: [{ start: '09:00', end: '12:00', capacity: 10 }] },
      ],
    });
    expect(problemsOf(file)).toEqual([]);
  });

  it('says which field is missing', () => {
    const { venue, ...withoutVenue } = campaignFile();
    expect(venue.name).toBeTruthy();
    expect(problemsOf(withoutVenue)).toEqual(['venue: is missing (expected object)']);
    expect(problemsOf({ ...campaignFile(), venue: { name: 'Dispensaire', lon: -6.1 } })).toEqual(['venue.lat: is missing (expected number)']);
  });

  it('refuses days in the wrong order, impossible days, windows outside the campaign and unknown fields', () => {
    const problems = problemsOf({
      ...campaignFile({
        firstDay: '2026-12-15',
        lastDay: '2026-12-14',
        services: [{ code: 'ent', windows: [{ days: ['2026-02-30'], start: '10:00', end: '09:00', capacity: 3 }] }],
      }),
      sponsor: 'x',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\(file\): Unrecognized key: "sponsor"/),
        'services[0].windows[0].days[0]: is not a real calendar day',
      ]),
    );
    const sane = problemsOf(campaignFile({ firstDay: '2026-12-15', lastDay: '2026-12-14' }));
    expect(sane).toEqual(['lastDay: is before firstDay (2026-12-15)']);
    const late = problemsOf(campaignFile({ services: [{ code: 'ent', windows: [{ days: ['2026-12-20'], start: '09:00', end: '10:00', capacity: 3 }, { start: '10:00', end: '09:30', capacity: 1 }] }] }));
    expect(late).toEqual([
      'services[0].windows[0].days[0]: 2026-12-20 is outside the campaign (2026-12-14 to 2026-12-15)',
      'services[0].windows[1].end: must be after start (10:00)',
    ]);
  });

  it('requires a blood drive to offer blood donation', () => {
    expect(problemsOf(campaignFile({ kind: 'blood_drive' }))).toEqual(['services: a blood drive must offer blood_donation']);
  });
});
