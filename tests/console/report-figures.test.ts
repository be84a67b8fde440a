// The report page's own arithmetic: a service's days added up, and the no-show rate among those decided.
import { describe, expect, it } from 'vitest';
import { allServices, byService, noShowRate } from '../../web/src/pages/reports/report-figures.ts';

const day = (d: string, service: string, registered: number, noShow: number) => ({ day: d, service, capacity: 10, registered, overCapacity: 0, walkIns: 1, checkedIn: 4, seen: 2, operated: 1, noShow, cancelled: 0 });

describe('the report page’s figures', () => {
  it('adds a service’s days together, in the order services first appear', () => {
    const totals = byService([day('d1', 'dental', 3, 1), day('d1', 'ent', 5, 0), day('d2', 'dental', 4, 2)]);
    expect(totals.map((s) => [s.service, s.registered, s.noShow, s.capacity])).toEqual([['dental', 7, 3, 20], ['ent', 5, 0, 10]]);
    expect(allServices([day('d1', 'dental', 3, 1), day('d1', 'ent', 5, 0)])).toMatchObject({ registered: 8, capacity: 20, checkedIn: 8 });
  });

  it('gives the no-show rate to one decimal among those who came or were absent, none when nobody was', () => {
    expect(noShowRate(1, 2)).toBe(33.3);
    expect(noShowRate(0, 0)).toBeUndefined();
  });
});
