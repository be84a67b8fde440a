// Sums and rates the report page shows beside the server's counts. Pure.
import type { CampaignReport } from '../../api/types.ts';

type ServiceDay = CampaignReport['serviceDays'][number];
export type ServiceTotals = Omit<ServiceDay, 'day'>;

const ZERO = { capacity: 0, registered: 0, overCapacity: 0, walkIns: 0, checkedIn: 0, seen: 0, operated: 0, noShow: 0, cancelled: 0 };

/** One line per service, its days added up, in the order the services first appear. */
export function byService(days: readonly ServiceDay[]): ServiceTotals[] {
  const totals = new Map<string, ServiceTotals>();
  for (const { day: _day, ...d } of days) {
    const t = totals.get(d.service) ?? { ...ZERO, service: d.service };
    for (const key of Object.keys(ZERO) as (keyof typeof ZERO)[]) t[key] += d[key];
    totals.set(d.service, t);
  }
  return [...totals.values()];
}

export function allServices(days: readonly ServiceDay[]): Omit<ServiceTotals, 'service'> {
  const { service: _service, ...sum } = byService(days.map((d) => ({ ...d, service: '' })))[0] ?? { ...ZERO, service: '' };
  return sum;
}

/** Absent among those whose day was decided (came or marked absent), in percent to one decimal; undefined when none was. */
export function noShowRate(noShow: number, came: number): number | undefined {
  const decided = noShow + came;
  return decided === 0 ? undefined : Math.round((noShow / decided) * 1000) / 10;
}
