// Finds the province a villager means by a place name ("Tinghir", "تنغير", "kelaa mgouna"), best first.
import { boundedDistance, toleratedEdits } from '../../understanding/edit-distance.ts';
import { normalizeText } from '../../understanding/normalize.ts';
import { PROVINCES } from './morocco-territory.data.ts';
import type { ProvinceSeed } from './territory.types.ts';

export interface ProvinceMatch {
  code: string;
  /** 0 for an exact name, higher for each edit needed. */
  distance: number;
  matched: string;
}

/** Place names compare without spaces, so "kelaat mgouna", "kelaatmgouna" and "kelaat m'gouna" agree. */
const squash = (text: string) => normalizeText(text).replace(/ /g, '');

/**
 * @example matchProvince('kelaa mgouna')[0]?.code // 'tinghir'
 */
export function matchProvince(text: string, provinces: readonly ProvinceSeed[] = PROVINCES): ProvinceMatch[] {
  const wanted = squash(text);
  if (wanted.length < 3) return [];
  const best = new Map<string, ProvinceMatch>();
  for (const p of provinces) {
    for (const name of [p.nameFr, p.nameAr, p.code, ...p.aliases]) {
      const candidate = squash(name);
      const max = Math.min(toleratedEdits(candidate), toleratedEdits(wanted));
      const distance = candidate === wanted ? 0 : boundedDistance(wanted, candidate, max);
      if (distance > max) continue;
      const previous = best.get(p.code);
      if (!previous || distance < previous.distance) best.set(p.code, { code: p.code, distance, matched: name });
    }
  }
  return [...best.values()].sort((a, b) => a.distance - b.distance || a.code.localeCompare(b.code));
}
