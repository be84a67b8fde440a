// Which language a message's words vote for, each word once, and the French words an Arabic-script writer drops in. Pure.
import type { Evidence } from './language-detection.ts';
import { isTachelhitCore, isTachelhitVerb } from './language-detection.ts';
import type { LexiconLanguage } from './lexicon.ts';
import { isLetterPrefix, type Match } from './heard-phrases.ts';

/**
 * Each word is one vote for each language that has it, however many of its phrases it is in: Darija's larger
 * lexicon lists "salam" as a marker, a greeting and the start of "salam 3alaykom", which must not outvote
 * Tachelhit's "manzakin". A Tachelhit first-person verb ("sawlgh", "ساولغ", "fkgh") no phrase claims is a vote too. Tachelhit's
 * grammar words vote twice, and a vocative not at all, so "ur nhtaj" among Darija loans reads as Tachelhit.
 */
export function wordEvidence(found: readonly Match[], raw: readonly string[], addressed: ReadonlySet<number>): Evidence {
  // Each word's voters as LANGUAGE_BIT's bits.
  const voters = new Uint8Array(raw.length);
  for (const m of found) if (!isLetterPrefix(m.phrase)) for (let k = 0; k < m.phrase.tokens.length && m.at + k < raw.length; k++) voters[m.at + k] = (voters[m.at + k] ?? 0) | LANGUAGE_BIT[m.phrase.source];
  const evidence: Evidence = { fr: 0, ar: 0, ary: 0, shi: 0 };
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] ?? '';
    // "a khouya" is said to anyone in any language: whom the message calls says nothing of how it is written.
    // Only Tachelhit's own vocative ("a wddi") says which language calls.
    if (addressed.has(i) && addressed.size < raw.length && !isTachelhitCore(t)) continue;
    let langs = voters[i] ?? 0;
    // Only Tachelhit's lexicon has words in "-gh" ("fkgh"): one no phrase claims still says who is writing.
    if (langs === 0 && isTachelhitVerb(t)) langs = LANGUAGE_BIT.shi;
    // Tachelhit writers borrow Darija words; Darija writers do not borrow Tachelhit's grammar: it weighs double.
    const vote = langs === LANGUAGE_BIT.shi && isTachelhitCore(t) ? 2 : 1;
    for (const l of LANGUAGES) if ((langs & LANGUAGE_BIT[l]) !== 0) evidence[l] += vote;
  }
  return evidence;
}

const LANGUAGES: readonly LexiconLanguage[] = ['fr', 'ar', 'ary', 'shi'];
const LANGUAGE_BIT: Readonly<Record<LexiconLanguage, number>> = { fr: 1, ar: 2, ary: 4, shi: 8 };

/** Words the message shares with French lexicon phrases, as written. */
export function frenchWords(found: readonly Match[], raw: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const m of found) if (m.phrase.source === 'fr') for (let k = 0; k < m.phrase.tokens.length; k++) words.add(raw[m.at + k] ?? '');
  return words;
}
