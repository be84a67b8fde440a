// The reference map holds Morocco's 12 regions and 75 prefectures and provinces, consistent and placed.
import { describe, expect, it } from 'vitest';
import { PROVINCES, REGIONS, ProvinceSeedSchema, RegionSeedSchema, distanceKm } from '../../../src/domain/geo/index.ts';

describe('territory reference data', () => {
  it('has 12 regions and 75 prefectures and provinces, 13 of them prefectures', () => {
    expect(REGIONS).toHaveLength(12);
    expect(PROVINCES).toHaveLength(75);
    expect(PROVINCES.filter((p) => p.kind === 'prefecture')).toHaveLength(13);
  });

  it('passes its own schema: Arabic names in Arabic script, coordinates inside Morocco', () => {
    for (const r of REGIONS) expect(RegionSeedSchema.safeParse(r).success, r.code).toBe(true);
    for (const p of PROVINCES) expect(ProvinceSeedSchema.safeParse(p).error?.issues ?? [], p.code).toEqual([]);
  });

  it('has unique codes, and every province belongs to a region that exists and has provinces', () => {
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(75);
    const regions = new Set(REGIONS.map((r) => r.code));
    for (const p of PROVINCES) expect(regions.has(p.regionCode), p.code).toBe(true);
    const perRegion = REGIONS.map((r) => PROVINCES.filter((p) => p.regionCode === r.code).length);
    expect(perRegion).toEqual([8, 8, 9, 7, 5, 9, 8, 5, 6, 4, 4, 2]);
  });

  it('places the demo towns where they are: Rabat to Casablanca 85 km as the crow flies', () => {
    const byCode = new Map(PROVINCES.map((p) => [p.code, p]));
    const rabat = byCode.get('rabat');
    const casa = byCode.get('casablanca');
    if (!rabat || !casa) throw new Error('missing reference provinces');
    expect(distanceKm(rabat, casa)).toBeCloseTo(85.13, 2);
    expect(byCode.get('tinghir')?.aliases).toContain('قلعة مكونة');
  });
});
