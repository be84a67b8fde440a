// Finding the province a villager names inside a sentence ("fin l9afila f tinghir"), or nearest a shared point.
import { distanceKm } from '../domain/geo/distance.ts';
import { PROVINCES } from '../domain/geo/morocco-territory.data.ts';
import { matchProvince, type ProvinceMatch } from '../domain/geo/place-match.ts';
import { DEFAULT_LEXICON } from '../understanding/lexicon.ts';
import { normalizeText } from '../understanding/normalize.ts';

/** Place names run up to three words ("kelaat m gouna", "sidi bennour"). */
const MAX_WORDS = 3;

/**
 * The best province named anywhere in `text`, trying the whole text, then every run of up to three words.
 *
 * @example findProvince('fin l9afila f tinghir') // 'tinghir'
 */
export function findProvince(text: string): string | undefined {
  const words = normalizeText(text).split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return undefined;
  let best: ProvinceMatch | undefined;
  const consider = (candidate: string) => {
    // Words the villager uses to ask ("bonjour", "fin", "caravane") are not place names, however close.
    if (candidate.split(' ').every((w) => DEFAULT_LEXICON.known.has(w))) return;
    const top = matchProvince(candidate)[0];
    if (top && (!best || top.distance < best.distance)) best = top;
  };
  consider(words.join(' '));
  for (let size = Math.min(MAX_WORDS, words.length); size >= 1; size--) {
    for (let i = 0; i + size <= words.length; i++) consider(words.slice(i, i + size).join(' '));
    if (best?.distance === 0) break;
  }
  return best?.code;
}

/** The province whose capital is nearest a shared location. */
export function nearestProvince(point: { lat: number; lon: number }): string {
  let nearest = PROVINCES[0];
  let bestKm = Infinity;
  for (const p of PROVINCES) {
    const km = distanceKm(point, p);
    if (km < bestKm) {
      bestKm = km;
      nearest = p;
    }
  }
  return nearest?.code ?? 'rabat';
}
