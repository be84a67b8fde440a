// Sums of the national view: per province, per region, and in all. Pure.
import type { NationalCampaign, NationalFigures, NationalReport } from '../../http/console/reports.schemas.ts';

export interface AreaName {
  code: string;
  nameFr: string;
  nameAr: string;
}

const FIGURES = ['capacity', 'registered', 'walkIns', 'checkedIn', 'seen', 'operated', 'noShow'] as const;

/** @example sumFigures([]) // { campaigns: 0, capacity: 0, … } */
export function sumFigures(campaigns: readonly NationalCampaign[]): NationalFigures {
  const total: NationalFigures = { campaigns: campaigns.length, capacity: 0, registered: 0, walkIns: 0, checkedIn: 0, seen: 0, operated: 0, noShow: 0 };
  for (const c of campaigns) for (const f of FIGURES) total[f] += c[f];
  return total;
}

/** Groups the campaigns by province and by region, in the order the names are given, areas without campaigns left out. */
export function nationalTotals(campaigns: NationalCampaign[], provinces: readonly (AreaName & { regionCode: string })[], regions: readonly AreaName[]): NationalReport {
  const areas = <A extends AreaName>(names: readonly A[], codeOf: (c: NationalCampaign) => string) =>
    names.flatMap((name) => {
      const mine = campaigns.filter((c) => codeOf(c) === name.code);
      return mine.length === 0 ? [] : [{ ...name, ...sumFigures(mine) }];
    });
  return { campaigns, provinces: areas(provinces, (c) => c.provinceCode), regions: areas(regions, (c) => c.regionCode), totals: sumFigures(campaigns) };
}
