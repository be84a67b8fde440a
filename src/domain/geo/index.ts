// Morocco's map: regions and provinces as reference data, their sync into Postgres, distances.
export { REGIONS, PROVINCES } from './morocco-territory.data.ts';
export { RegionSeedSchema, ProvinceSeedSchema, type RegionSeed, type ProvinceSeed } from './territory.types.ts';
export { distanceKm, type Point } from './distance.ts';
export { syncTerritory } from './territory-sync.ts';
export { matchProvince, type ProvinceMatch } from './place-match.ts';
