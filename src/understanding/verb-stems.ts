// Tachelhit verbs carry their person on both ends ("t-kks-m", "n-kttb", "sifd-at"): strip it to find the stem the lexicon knows.

/** Person and aspect prefixes: you, we, he, habitual "tt", and a glued "ad" (will); then the same in Arabic script. */
const PREFIXES = ['', 't', 'tt', 'n', 'i', 'y', 'ad', 'adt', 'ت', 'تت', 'ن', 'ي', 'اد'] as const;
/** Person endings: I ("gh", "x"), you plural ("m", "mt"), they ("n", "nt"), the imperative plural ("at", "amt"), you ("t"). */
const SUFFIXES = ['', 'gh', 'x', 'm', 'mt', 'n', 'nt', 'at', 'amt', 't', 'غ', 'م', 'ن', 'نت', 'ات', 'ت'] as const;
const MIN_STEM = 3;

/**
 * The verb stem a token is a form of, among `stems`, or undefined. `spell` maps a candidate to the lexicon's
 * spelling of it ("kkis" to "kks"), or returns undefined.
 *
 * @example verbStem('tkksm', new Set(['kks']), (w) => w) // 'kks'
 * @example verbStem('kttbat', new Set(['kttb']), (w) => w) // 'kttb'
 */
export function verbStem(token: string, stems: ReadonlySet<string>, spell: (word: string) => string | undefined): string | undefined {
  for (const prefix of PREFIXES) {
    if (!token.startsWith(prefix)) continue;
    for (const suffix of SUFFIXES) {
      if (!token.endsWith(suffix) || token.length - prefix.length - suffix.length < MIN_STEM) continue;
      if (prefix === '' && suffix === '') continue;
      // "-t" alone is Darija's past ("ktbt", "bdlt"); Tachelhit's "you" has "t-" in front too ("tkkst").
      if ((suffix === 't' || suffix === 'ت') && !prefix.startsWith('t') && !prefix.startsWith('ت')) continue;
      const candidate = token.slice(prefix.length, token.length - suffix.length);
      const stem = stems.has(candidate) ? candidate : spell(candidate);
      if (stem !== undefined && stems.has(stem)) return stem;
    }
  }
  return undefined;
}
