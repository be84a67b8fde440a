// The pure steps around the reports' queries: zeros where nothing was counted, every band and blood group
// in order, the national sums by province and region.
import { describe, expect, it } from 'vitest';
import { byGroup } from '../../../src/domain/reports/blood-drive.ts';
import { allBands } from '../../../src/domain/reports/lead-times.ts';
import { nationalTotals } from '../../../src/domain/reports/national-totals.ts';
import { pyramidOf } from '../../../src/domain/reports/people.ts';
import { mergeServiceDays } from '../../../src/domain/reports/service-days.ts';
import type { NationalCampaign } from '../../../src/http/console/reports.schemas.ts';

const campaign = (id: number, provinceCode: string, regionCode: string, registered: number): NationalCampaign => ({
  campaignId: id, title: { fr: `C${id}` }, organisation: 'M', kind: 'caravan', status: 'published', firstDay: '2026-01-01', lastDay: '2026-01-02',
  provinceCode, regionCode, capacity: 10 * id, registered, walkIns: 1, checkedIn: id, seen: 0, operated: 0, noShow: 2,
});

describe('the reports’ shapes', () => {
  it('keeps every day and service that has places, with zeros where nobody booked', () => {
    const figures = { day: 'd1', service: 'dental', registered: 3, overCapacity: 1, walkIns: 2, checkedIn: 2, seen: 1, operated: 0, noShow: 1, cancelled: 4 };
    const merged = mergeServiceDays([{ day: 'd1', service: 'dental', capacity: 5 }, { day: 'd1', service: 'ent', capacity: 7 }], [figures]);
    expect(merged[0]).toEqual({ ...figures, capacity: 5 });
    expect(merged[1]).toEqual({ day: 'd1', service: 'ent', capacity: 7, registered: 0, overCapacity: 0, walkIns: 0, checkedIn: 0, seen: 0, operated: 0, noShow: 0, cancelled: 0 });
  });

  it('gives every lead-time band, age band and blood group in order, zeros included', () => {
    expect(allBands([{ band: 'more', booked: 4, decided: 2, noShow: 1 }]).map((b) => [b.band, b.booked])).toEqual([['same_day', 0], ['one_to_two', 0], ['three_to_seven', 0], ['more', 4]]);
    const pyramid = pyramidOf([{ band: '70+', sex: 'female', people: 3 }, { band: '70+', sex: null, people: 1 }, { band: 'unknown', sex: 'male', people: 2 }]);
    expect(pyramid.map((r) => r.band)).toEqual(['0-9', '10-19', '20-29', '30-39', '40-49', '50-59', '60-69', '70+', 'unknown']);
    expect(pyramid.find((r) => r.band === '70+')).toEqual({ band: '70+', female: 3, male: 0, unknown: 1 });
    expect(byGroup([{ group: 'O+', donated: 5 }, { group: null, donated: 2 }]).filter((g) => g.donated > 0)).toEqual([{ group: 'O+', donated: 5 }, { group: 'unknown', donated: 2 }]);
  });

  it('sums the campaigns by province and region, leaves out areas without any, and totals them', () => {
    const report = nationalTotals(
      [campaign(1, 'tinghir', 'MA-08', 5), campaign(2, 'tinghir', 'MA-08', 7), campaign(3, 'tata', 'MA-09', 11)],
      [{ code: 'tata', nameFr: 'Tata', nameAr: 'طاطا', regionCode: 'MA-09' }, { code: 'tinghir', nameFr: 'Tinghir', nameAr: 'تنغير', regionCode: 'MA-08' }, { code: 'zagora', nameFr: 'Zagora', nameAr: 'زاكورة', regionCode: 'MA-08' }],
      [{ code: 'MA-08', nameFr: 'Drâa-Tafilalet', nameAr: 'درعة تافيلالت' }, { code: 'MA-09', nameFr: 'Souss-Massa', nameAr: 'سوس ماسة' }],
    );
    expect(report.provinces.map((p) => [p.code, p.campaigns, p.registered, p.capacity])).toEqual([['tata', 1, 11, 30], ['tinghir', 2, 12, 30]]);
    expect(report.regions.map((r) => [r.code, r.campaigns, r.registered])).toEqual([['MA-08', 2, 12], ['MA-09', 1, 11]]);
    expect(report.totals).toEqual({ campaigns: 3, capacity: 60, registered: 23, walkIns: 3, checkedIn: 6, seen: 0, operated: 0, noShow: 6 });
  });
});
