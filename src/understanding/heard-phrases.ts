// The phrases a message holds: found by their words, and what each one's place says of it (covered by a longer one,
// only a vocative, a death already mourned, a name, a question word inside a greeting). Pure.
import type { Intent } from './intents.ts';
import type { Lexicon, Phrase, PhraseMeaning } from './lexicon.ts';
import { namesDoctorsField } from './doctors-field.ts';
import { isDeathWord } from './mourning.ts';
import { namesPerson } from './person-name.ts';
import type { PatternMatch } from './tachelhit-patterns.ts';

/** A phrase heard at a word position: from the lexicons, or made of a Tachelhit pattern's words. */
export interface Match {
  phrase: Phrase;
  at: number;
}

/** The bot's names, as villagers write them. */
const BOT_NAMES = new Set(['robot', 'bot', 'lrobot', 'lbot', 'روبو', 'روبوت', 'بوت', 'البوت']);
/** "With" between talking and whom to: "sawlɣ d lbot", "نهضر مع الروبو". */
const WITH = new Set(['d', 's', 'm3a', 'mea', 'avec', 'د', 'س', 'مع']);

/** Every word of the phrase calls someone ("a khouya"): it says whom the message speaks to, and asks nothing. */
export function allAddressed(m: Match, addressed: ReadonlySet<number>): boolean {
  for (let k = 0; k < m.phrase.tokens.length; k++) if (!addressed.has(m.at + k)) return false;
  return true;
}

/** "Died" in a message that mourns: a death already past. */
export function isPastDeath(m: Match, raw: readonly string[]): boolean {
  return isIntent(m.phrase, 'emergency') && isDeathWord(raw.slice(m.at, m.at + m.phrase.tokens.length));
}

/** A lone stop verb said of "we" ("nbdd f sf", we stand in line). */
export function isOurDoing(m: Match, raw: readonly string[], tokens: readonly string[]): boolean {
  return isIntent(m.phrase, 'stop') && m.phrase.tokens.length === 1 && saidOfUs(raw[m.at] ?? '', tokens[m.at] ?? '');
}

/** "riɣ ad tt tktbm i ṭbiba n lwilada": the doctor's field is asked for, a pregnancy to be seen. */
export function namesField(m: Match, raw: readonly string[]): boolean {
  return isIntent(m.phrase, 'emergency') && namesDoctorsField(raw, m.at, m.phrase.tokens.length);
}

/** "Urgent" said of what is not: "c'est pas une urgence", "rien d'urgent", "machi urgence". */
const URGENCY = new Set(['urgence', 'urgences', 'urgent', 'urgente', 'urgents', 'urgentes']);
const NOT_URGENT = new Set(['pas', 'rien', 'aucune', 'aucun', 'sans', 'machi', 'mashi']);

/**
 * An emergency heard only in the word "urgent" with a "not" just before it: the villager says there is none ("je veux
 * que quelqu'un m'appelle, c'est pas une urgence"). Bleeding or a fall beside it is still heard.
 *
 * @example isDeniedUrgency({ phrase: { tokens: ['urgent'], meaning: { kind: 'intent', intent: 'emergency' } }, at: 2 } as Match, ['rien', 'd', 'urgent']) // true
 */
export function isDeniedUrgency(m: Match, raw: readonly string[]): boolean {
  return isIntent(m.phrase, 'emergency') && m.phrase.tokens.every((t) => URGENCY.has(t)) && raw.slice(Math.max(0, m.at - 2), m.at).some((t) => NOT_URGENT.has(t));
}

/** Giving birth, as French says it. */
const BIRTH = new Set(['accouche', 'accouchement', 'accoucher', 'accouchee']);
/** "a accouché" (has given birth), "doit accoucher", "va accoucher", "vient d'accoucher", "pour l'accouchement". */
const NOT_NOW = new Set(['a', 'doit', 'va', 'devrait', 'pour', 'prevu', 'prevue', 'apres', 'depuis']);

/**
 * An emergency heard only in a birth that is over or still to come: "ma fille a accouché, hamdoullah", "je pars, ma fille
 * doit accoucher". A birth going on ("elle accouche") is heard, and so is bleeding or pain told beside any birth.
 *
 * @example isBirthNotNow({ phrase: { tokens: ['accouche'], meaning: { kind: 'intent', intent: 'emergency' } }, at: 3 } as Match, ['ma', 'fille', 'a', 'accouche']) // true
 */
export function isBirthNotNow(m: Match, raw: readonly string[]): boolean {
  if (!isIntent(m.phrase, 'emergency') || !m.phrase.tokens.every((t) => BIRTH.has(t))) return false;
  const before = raw[m.at - 1] ?? '';
  return NOT_NOW.has(before) || ((before === 'd' || before === 'de' || before === 'l') && NOT_NOW.has(raw[m.at - 2] ?? '')) || (raw[m.at - 2] === 'vient' && before === 'd');
}

/** "is tsjjlm immi Tuda Ait Brahim?": "Tuda" (she fell) with her family or her age after it is her name. */
export function isPersonNamed(m: Match, raw: readonly string[]): boolean {
  return isIntent(m.phrase, 'emergency') && namesPerson(raw, m.at, m.phrase.tokens.length);
}

/** "mani g tlla l3afit" asks how one is: a question word inside a greeting asks nothing of the caravan. */
export function insideGreeting(matches: readonly Match[], i: number): boolean {
  return matches.some((m) => isIntent(m.phrase, 'greeting') && i >= m.at && i < m.at + m.phrase.tokens.length);
}

/**
 * "mani ayd tufit nmra nu" (where did you find my number) complains, and "ur ssingh mani gh rad bdugh" (I don't know
 * where to begin) asks for help: their question word asks nothing of the caravan either.
 */
export function insideComplaint(heard: readonly PatternMatch[], i: number): boolean {
  return heard.some((p) => (p.intent === 'maybe_stop' || p.intent === 'help') && i >= p.from && i <= p.to);
}

/** How many words the phrases and patterns heard as `intent` take. */
export function coveredBy(matches: readonly Match[], intent: Intent): number {
  const covered = new Set<number>();
  for (const m of matches) if (isIntent(m.phrase, intent)) for (let k = 0; k < m.phrase.tokens.length; k++) covered.add(m.at + k);
  return covered.size;
}

/** Every phrase heard as `intent` is also the name of a service ("dentiste"): nothing but the service asks for it. */
export function onlyNamesService(matches: readonly Match[], intent: Intent): boolean {
  return matches.every((m) => !isIntent(m.phrase, intent) || matches.some((s) => s.phrase.meaning.kind === 'service' && s.at === m.at && s.phrase.tokens.length === m.phrase.tokens.length));
}

/** The bot called by its name alone ("robot", "روبو"), which is no request for a person. */
export function namesTheBot(phrase: Phrase): boolean {
  return phrase.tokens.length === 1 && BOT_NAMES.has(phrase.tokens[0] ?? '');
}

/** A request to talk that goes on to name the bot as whom to talk to ("ad sawlɣ d lbot"). */
export function talksToTheBot(m: Match, raw: readonly string[]): boolean {
  const next = m.at + m.phrase.tokens.length;
  return BOT_NAMES.has(raw[next] ?? '') || (WITH.has(raw[next] ?? '') && BOT_NAMES.has(raw[next + 1] ?? '')) || (WITH.has(raw[next - 1] ?? '') && BOT_NAMES.has(raw[next] ?? ''));
}

export function isIntent(phrase: Phrase, intent: Intent): boolean {
  return phrase.meaning.kind === 'intent' && phrase.meaning.intent === intent;
}

/** A verb conjugated for "we" ("nbdd", "نحبس"): written with "n-" before the stem the lexicon knows. */
function saidOfUs(written: string, stem: string): boolean {
  return written !== stem && /^[nن]/.test(written) && !/^[nن]/.test(stem);
}

export function isLetterPrefix(phrase: Phrase): boolean {
  return phrase.meaning.kind === 'prefix' && phrase.tokens.length === 1 && (phrase.tokens[0] ?? '').length === 1;
}

/**
 * A phrase inside a longer phrase of another meaning is not heard on its own: "baraka" (enough) in
 * "baraka llahou fik" (God bless you) is thanks, not stop; "idammn" (blood) in "ta7lil n idammn" (a blood
 * test) is no donation. An emergency is always heard.
 */
export function withoutCovered(matches: readonly Match[]): Match[] {
  if (matches.length < 2) return [...matches];
  return matches.filter((inner) => {
    const meaning = meaningOf(inner.phrase.meaning);
    if (meaning === undefined || (inner.phrase.meaning.kind === 'intent' && meaning === 'emergency')) return true;
    const end = inner.at + inner.phrase.tokens.length;
    return !matches.some(
      (outer) =>
        outer.phrase.meaning.kind === inner.phrase.meaning.kind && meaningOf(outer.phrase.meaning) !== meaning && outer.phrase.tokens.length > inner.phrase.tokens.length && outer.at <= inner.at && outer.at + outer.phrase.tokens.length >= end,
    );
  });
}

/** The intent or service a phrase names; other kinds of phrase are never covered. */
function meaningOf(meaning: PhraseMeaning): string | undefined {
  return meaning.kind === 'intent' ? meaning.intent : meaning.kind === 'service' ? meaning.service : undefined;
}

/** The intent was heard only through words that were misspelt, none written as in the lexicon. */
export function onlyApproximate(intent: Intent, raw: readonly string[], tokens: readonly string[], matches: readonly Match[]): boolean {
  const behind = matches.filter((m) => m.phrase.meaning.kind === 'intent' && m.phrase.meaning.intent === intent);
  return behind.length > 0 && !behind.some((m) => m.phrase.tokens.every((_, k) => raw[m.at + k] === tokens[m.at + k]));
}

export function findPhrases(lexicon: Lexicon, tokens: readonly string[]): Match[] {
  const found: Match[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const opened = lexicon.byFirstTwo.get(tokens[at] ?? '');
    if (opened === undefined) continue;
    const next = tokens[at + 1];
    const phrases = (next === undefined ? undefined : opened.bySecond.get(next)) ?? opened.alone;
    for (const phrase of phrases) if (startsAt(phrase.tokens, tokens, at)) found.push({ phrase, at });
  }
  return found;
}

function startsAt(phrase: readonly string[], tokens: readonly string[], at: number): boolean {
  for (let k = 0; k < phrase.length; k++) if (tokens[at + k] !== phrase[k]) return false;
  return true;
}
