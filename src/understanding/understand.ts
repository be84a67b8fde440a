// Text -> { intent, locale, script, entities }: pure, deterministic, no I/O.
import type { ServiceCode } from '../domain/service-codes.ts';
import { addressedTokens } from './addressee.ts';
import {
  allAddressed, coveredBy, findPhrases, insideComplaint, insideGreeting, isBirthNotNow, isDeniedUrgency, isIntent, isLetterPrefix, isOurDoing, isPastDeath, isPersonNamed, namesField, namesTheBot, onlyApproximate,
  onlyNamesService, talksToTheBot, withoutCovered, type Match,
} from './heard-phrases.ts';
import type { Intent, Understanding } from './intents.ts';
import { arabiziWeight, decideLocale, detectScript, isTachelhit, tachelhitOpenings, tifinaghWords, voicedTachelhit, type Evidence } from './language-detection.ts';
import { canonicalWord, DEFAULT_LEXICON, type Lexicon, type LexiconLanguage } from './lexicon.ts';
import { normalizeText, tokenize } from './normalize.ts';
import { mourns, speaksOfDeath } from './mourning.ts';
import { asides, JOKE, MARKET } from './off-topic.ts';
import { closesWithRefusal, ENOUGH, isDeniedStop, isFirmStop, saysMoreThanEnough } from './stop-firmness.ts';
import { tachelhitPatterns } from './tachelhit-patterns.ts';
import { frenchWords, wordEvidence } from './word-evidence.ts';
import {
  ARABIZI_BOOKING_OVERRIDE_CONFIDENCE, FRENCH_MIN_TOKENS_TO_LEAD, LONG_MESSAGE_LEAVE_EMERGENCY_CONFIDENCE, MIN_TOKENS_TO_LEAVE_EMERGENCY, LEARNED_OPINION, mayBecome, NEVER_FROM_SECOND_OPINION, TABLE_LED_DICTATED_CONFIDENCE, TABLE_LED_EMERGENCY_CONFIDENCE, TABLE_LED_LEAVE_EMERGENCY_CONFIDENCE, TABLE_LED_LONG_HELP_CONFIDENCE, TABLE_LED_MIN_CONFIDENCE,
  TABLE_LED_NEVER_REPICKED, TABLE_LED_OVERRIDE_CONFIDENCE, TABLE_LED_PICK_CONFIDENCE, TABLE_LED_STOP_CONFIDENCE, TABLE_LED_RULES_KEPT, TACHELHIT_STOP_CONFIDENCE,
  TACHELHIT_STOP_FROM, type SecondOpinion,
} from './second-opinion.ts';

/**
 * When several intents are present, the first in this list wins: safety first, small talk last.
 * Erasing names a verb ("effacer mes données"), correcting names a field ("changer mon nom"): both
 * say more than "mes données" alone, which asks what is kept; a field also says more than "changer". "Move it"
 * says more than "I cannot come" ("ur zdarɣ ad d aškɣ, bddlat t"), which is often said with it.
 */
const PRECEDENCE: readonly Intent[] = [
  'emergency', 'stop', 'delete_data', 'correct_data', 'my_data', 'human', 'change_language', 'reschedule', 'cancel', 'my_appointments',
  'donate_blood', 'subscribe', 'book', 'campaigns_info', 'help', 'thanks', 'no', 'yes', 'greeting',
];
/**
 * Words that only answer yes/no/hello/help when the message is this short ("la" is also French's "the"). Asking
 * for help takes more words than an answer: "I don't understand anything, what must I do" is eight.
 */
const MAX_TOKENS_FOR: Partial<Record<Intent, number>> = { yes: 4, no: 4, greeting: 6, help: 8 };
/**
 * Greetings run long ("السلام عليكم، مامنك ا تڭيت؟ ئس لاباس؟"): a message of greetings with this few other words greets,
 * however many words the greetings take.
 */
const MAX_WORDS_BESIDE_GREETING = 2;
/** Longer messages are read only up to here: enough for any request, and bounded work per message. */
const MAX_TOKENS = 200;
/**
 * The second opinion reads messages up to this long: its cost grows with length. A request with the family's story around
 * it runs past 30 words ("... Khti Zhor, sakna m3ana mn mat rajelha ..."), where the rules alone took a death told in
 * passing for an emergency. Read up to 60, the tuning lines (each by a table trained without it) had 13 righted and 1
 * broken, all Darija in Latin letters or Tachelhit. French writers tell the family's story at more length still ("salam
 * alikoum bon alors c'est pour ma belle-mère ... quelqu'un ..."): read up to 100, 7 French tuning lines were righted and
 * none in any language broken.
 */
const MAX_TOKENS_FOR_OPINION = 100;
/** Fewer words than this say too little of how a message is written for the Latin table to overrule the lexicons ("lah yjazik bikhir"). */
const MIN_TOKENS_FOR_STYLE = 5;
/** Traces of dictated Tachelhit ("rendez-vous inou … mal mi") that make a message French's words claim Tachelhit. */
const MIN_VOICED_TRACES = 2;
/** Outside Tachelhit, a table's stop counts in this many words or more: "safi baraka" is as often "that's all". */
const MIN_TOKENS_FOR_LED_STOP = 3;
/** A language named against another is asked for in a message this short. */
const MAX_TOKENS_FOR_LANGUAGE = 6;
/** A number its word names as a choice ("wis sin", "numéro 2") is one in a sentence this short. */
const MAX_TOKENS_FOR_NAMED_CHOICE = 6;
const MAX_CHARS = 4_000;

const APPOINTMENT_WORDS = new Set(['rendez', 'rdv', 'maw3id', 'lmaw3id', 'موعد', 'الموعد', 'لموعد', 'رونديفو', 'الرونديفو', 'موعدي']);
const WHEN_WHERE_WORDS = new Set([
  'quand', 'imta', 'fo9ach', 'foqach', 'fin', 'fine', 'متي', 'امتي', 'فوقاش', 'فين', 'اين', 'mani', 'manig', 'mlmi', 'ماني', 'ملمي', 'مليمي',
  'mnshk', 'mnchk', 'mnck', 'manaku', 'managu', 'منشك', 'مانكو', 'manza', 'mnnaw', 'mnaw', 'مانزا', 'منناو',
]);
/** Requests whose words also ask for a joke ("tell me", "give me", "I want"): a person asked for is not among them. */
const ASKED_WITH_FUN: ReadonlySet<Intent> = new Set(['subscribe', 'help', 'book', 'campaigns_info', 'yes', 'greeting', 'choice']);
const THUMBS: Record<string, Intent> = { thumbsup: 'yes', thumbsdown: 'no', thankshands: 'thanks', sos: 'emergency' };
/** Each lexicon's memo of the words tokens stand for (see canonicalWord). */
const memos = new WeakMap<Lexicon, Map<string, string>>();

/**
 * @example understand('bghit nsajel mmi f l9afila') // { intent: 'book', locale: 'ary', script: 'latn', entities: {} }
 * @example understand('٢') // { intent: 'choice', locale: 'ary', script: 'arab', entities: { number: 2 } }
 */
export function understand(text: string, lexicon: Lexicon = DEFAULT_LEXICON, opinion: SecondOpinion = LEARNED_OPINION): Understanding {
  const normalized = normalizeText(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
  const all = tokenize(normalized);
  const raw = all.length > MAX_TOKENS ? all.slice(0, MAX_TOKENS) : all;
  const memo = memoOf(lexicon);
  const tokens = raw.map((t) => canonicalWord(lexicon, t, memo));
  const found = findPhrases(lexicon, tokens);
  // Whom the message speaks to says which language it is in, but asks for nothing and lengthens no answer.
  const addressed = addressedTokens(raw);
  const heard = tachelhitPatterns(raw);
  const patterns = heard.map((p): Match => ({ phrase: { tokens: tokens.slice(p.from, p.to + 1), meaning: { kind: 'intent', intent: p.intent }, source: 'shi' }, at: p.from }));
  // "baba immut, llah irḥmu", "a death in the family, cancel my visit": a death mourned, or told beside a visit called off,
  // is past, and what the message asks comes after it. A cancel word alone is no death: dictated "ikes tour ir dame" is
  // "ikkes tuɣirdmt", a scorpion stung.
  const heardAll = [...found, ...patterns];
  const mourning = mourns(raw) || (speaksOfDeath(raw) && heardAll.some((m) => isIntent(m.phrase, 'cancel')));
  // "ikhssa ad nack zik ad nbdd f sf" (we must come early and stand in line): a lone stop verb said of "we" inside a
  // whole question is what the villagers will do, not an order to the messages.
  const asksWhole = heard.some((p) => p.anyLength && p.intent !== 'stop' && p.intent !== 'maybe_stop');
  const fields = heardAll.filter((m) => namesField(m, raw));
  const matches = withoutCovered(heardAll).filter(
    (m) => !allAddressed(m, addressed) && !(mourning && isPastDeath(m, raw)) && !(asksWhole && isOurDoing(m, raw, tokens)) && !namesField(m, raw) && !isPersonNamed(m, raw) && !isDeniedStop(m, raw) && !isDeniedUrgency(m, raw) && !isBirthNotNow(m, raw),
  );
  const length = raw.length - addressed.size;

  const script = detectScript(normalized, frenchWords(found, raw));
  const digits = script === 'latn' ? arabiziWeight(raw) : 0;
  const evidence: Evidence = { fr: 0, ar: 0, ary: digits, shi: digits };
  // "n°" goes before a number in every language, and "n" is Tachelhit's "of": it says nothing of which one ("rdv n illi").
  for (const m of found) if (!isLetterPrefix(m.phrase)) evidence[m.phrase.source] += 1;
  const words = wordEvidence(found, raw, addressed);
  // "ur … iyi … tazznm" is Tachelhit grammar, whatever borrowed nouns sit between.
  const written = text.slice(0, MAX_CHARS);
  const grammar = heard.filter((p) => !p.shared).length + 3 * (tachelhitOpenings(written) + tifinaghWords(written));
  evidence.shi += grammar;
  words.shi += grammar;
  words.ary += digits;
  words.shi += digits;
  // Arabic script with even evidence (often none): the n-gram table tells MSA's style from Darija's.
  const even = script === 'arab' && evidence.ar === evidence.ary && !isTachelhit(script, evidence) && !isTachelhit(script, words);
  const decided = even ? opinion.arabicLocale(normalized) : decideLocale(script, evidence, words);
  // Tachelhit dictated to a French keyboard ("mana cou rated a chic la caravane") or typed with Darija loans has few words
  // the Tachelhit lexicon claims; in five words or more, the Latin table knows how it is written.
  // Words French never writes ("inou", "mellemi", "rig") say so in fewer: one lets the table judge a shorter message, and
  // enough of them outweigh any number of French words.
  const latin = script === 'latn' && (decided === 'fr' || decided === 'ary');
  const voiced = latin ? voicedTachelhit(raw) : 0;
  const styled = latin && (raw.length >= MIN_TOKENS_FOR_STYLE || voiced > 0) && opinion.latinTachelhit?.(normalized) === true;
  const tachelhit = styled || (decided === 'fr' && voiced >= MIN_VOICED_TRACES);
  // Arabizi with French nouns and words no lexicon holds ("kol nhar message"): the Latin table knows how Darija is written.
  // A single word ("bjr", "ok") says too little of which it is.
  const darija = script === 'latn' && decided === 'fr' && raw.length >= 2 && opinion.latinDarija?.(normalized) === true;
  const locale = tachelhit ? 'shi' : darija ? 'ary' : decided;

  const intents = new Set<Intent>();
  let service: ServiceCode | undefined;
  let language: LexiconLanguage | undefined;
  let back = false;
  for (const { phrase } of matches) {
    const m = phrase.meaning;
    if (m.kind === 'intent') intents.add(m.intent);
    else if (m.kind === 'service') service = moreSpecific(service, m.service);
    else if (m.kind === 'language') language ??= m.language;
    else if (m.kind === 'back') back = true;
  }
  if (fields.length > 0) service = moreSpecific(service, 'gynecology');
  for (const t of raw) {
    const intent = THUMBS[t];
    if (intent) intents.add(intent);
  }
  if (tokens.some((t) => APPOINTMENT_WORDS.has(t)) && tokens.some((t) => WHEN_WHERE_WORDS.has(t))) intents.add('my_appointments');
  // A language named is asked for in a short message, or against another ("riɣ tachelhit, machi l3rbiya": the "not" is
  // of Arabic, not the villager's answer).
  const against = length <= MAX_TOKENS_FOR_LANGUAGE && service === undefined && intents.size === 1 && intents.has('no');
  if (language !== undefined && (length <= 3 || against)) intents.add('change_language');
  // "How much is argan oil", "when will it rain", "tell me a joke": the market, the weather and jokes are not the caravan.
  const kinds = asides(raw);
  const fun = (kinds & JOKE) !== 0;
  const aside = (kinds & (JOKE | MARKET)) !== 0;
  if (!aside && tokens.some((t, i) => WHEN_WHERE_WORDS.has(t) && !insideGreeting(matches, i) && !insideComplaint(heard, i))) intents.add('campaigns_info');

  const numbered = findNumber(lexicon, raw, length, matches, back);
  const number = numbered?.value;
  // A pattern that is a whole request ("mad iqqan ad nskr") is heard in a long message too.
  const whole = new Set(heard.filter((p) => p.anyLength).map((p) => p.intent));
  // Only a message that says nothing else: a number, a doctor or "enough" beside the greetings is what it is about.
  const greetsOnly = intents.size === 1 && number === undefined && service === undefined && !tokens.some((t) => ENOUGH.has(t)) && length - coveredBy(matches, 'greeting') <= MAX_WORDS_BESIDE_GREETING;
  let intent: Intent | undefined = PRECEDENCE.find(
    (i) => intents.has(i) && (length <= (MAX_TOKENS_FOR[i] ?? MAX_TOKENS) || whole.has(i) || isThumb(raw, i) || (i === 'greeting' && greetsOnly)),
  );
  // "oui oui c'est ça", "Non, je vous remercie, pas nécessaire": in French, an answer that opens a short
  // message, beside nothing but courtesy, is that answer however many words follow it. Darija's "safi" opens as many
  // complaints ("safi ma b9itch m7taj chi 7aja") as answers, and Tachelhit's "ur riɣ" as many refusals of the messages.
  if (locale === 'fr' && number === undefined && service === undefined && (intent === undefined || ANSWER_ASIDES.has(intent))) intent = openingAnswer(matches, intents, length) ?? intent;
  // "inni yi yat tnkit" (tell me a joke): what "tell me" or "give me" asks for is the joke, not news of the caravan.
  if (intent !== undefined && ASKED_WITH_FUN.has(intent) && fun) intent = undefined;
  // "Where is the eye doctor?" asks for a consultation, not for the caravan's dates.
  if (intent === 'campaigns_info' && !matches.some((m) => m.phrase.meaning.kind === 'intent') && service !== undefined) intent = 'book';
  // "quand vient la caravane, il y a un dentiste ?": a doctor named beside a question on when or where the caravan comes asks
  // what it brings; only words that ask for a visit ("je veux", "sjjl") make it a booking.
  if (intent === 'book' && intents.has('campaigns_info') && matches.some((m) => isIntent(m.phrase, 'campaigns_info')) && onlyNamesService(matches, 'book')) intent = 'campaigns_info';
  // "baba ira l'operation n walln, manik ad t nsjjl?": how to sign up for a named doctor asks to be booked with them.
  if (intent === 'help' && service !== undefined && heard.some((p) => p.intent === 'help' && p.sure)) intent = 'book';
  // "manik ad skrɣ s robot ad?" (how do I use this robot): the bot named in a question on using it asks for help, not a person.
  if (intent === 'human' && whole.has('help') && matches.every((m) => !isIntent(m.phrase, 'human') || namesTheBot(m.phrase))) intent = 'help';
  // "mamnk ad sawlɣ d lbot ad? ur fhimɣ" (how do I talk to this bot? I don't understand): talking to the bot, beside a
  // request for help, is using it.
  const towardTheBot = matches.some((m) => isIntent(m.phrase, 'human') && talksToTheBot(m, raw));
  if (intent === 'human' && towardTheBot && intents.has('help') && matches.every((m) => !isIntent(m.phrase, 'human') || namesTheBot(m.phrase) || talksToTheBot(m, raw))) intent = 'help';
  if (intent === 'book' && service === 'blood_donation') intent = 'donate_blood';
  // A complaint that may mean "stop" ("bahra n lmsajat") is asked about when nothing else is asked.
  if (intent === undefined && intents.has('maybe_stop')) intent = 'maybe_stop';
  // "wis sin" (the second), "numéro 2": a named number is a choice in a sentence too ("nkki ad afrnɣ wis sin").
  if (intent === undefined && number !== undefined && (length <= 3 || (numbered?.named === true && length <= MAX_TOKENS_FOR_NAMED_CHOICE))) intent = 'choice';
  // "2️⃣ tbib n tughmas", "tbib n walln 3": a menu line copied with its number picks that line, as the number alone would.
  if (intent === undefined && service !== undefined && number !== undefined && length <= MAX_TOKENS_FOR_NAMED_CHOICE && numberAtEdge(raw)) intent = 'choice';
  if (intent === undefined && service !== undefined) intent = service === 'blood_donation' ? 'donate_blood' : 'book';
  // Only a firm stop stops at once (a message of stop words, or a stop said twice); any other is asked about.
  if (intent === 'stop' && !isFirmStop(raw, matches, addressed)) intent = 'maybe_stop';
  if (intent === undefined && raw.length > (MAX_TOKENS_FOR.yes ?? 0) && tokens.some((t) => ENOUGH.has(t)) && !saysMoreThanEnough(matches)) intent = 'maybe_stop';
  // A complaint ("enough of these", "every day you send me") that closes on "I don't want" refuses what it complained
  // of, however short ("lmsajat bzaf, ur righ" is no bare "no", nor "ur sul righ" a visit called off).
  const refusal = intent === 'maybe_stop' || ((intent === 'no' || intent === 'cancel') && intents.has('maybe_stop'));
  if (refusal && closesWithRefusal(raw, matches)) intent = 'stop';
  // The rules are unsure when they heard no intent at all (not when they heard one and set it aside as too
  // short an answer for a long message): then, and only then, the learned second opinion may answer. A
  // single word, or words none of which the lexicons know, is a name or a place ("Tinghir"), not a request.
  let learned = false;
  // A message the table may be asked about: one word is a name or a place, and the table reads short messages only.
  const readable = raw.length >= 2 && raw.length <= MAX_TOKENS_FOR_OPINION;
  const unsure = intent === undefined && intents.size === 0 && service === undefined && !aside;
  if (unsure && readable && tokens.some((t) => lexicon.known.has(t))) {
    const guess = tableSays(opinion, normalized, mourning);
    if (guess !== undefined && !NEVER_FROM_SECOND_OPINION.has(guess) && raw.length <= (MAX_TOKENS_FOR[guess] ?? MAX_TOKENS)) {
      intent = guess;
      learned = true;
    }
  }
  // Tachelhit dictated to a French keyboard ("mana cou rated a chic la caravane") that the Latin table finds only fairly
  // likely to be Tachelhit keeps its French answers, but the table reads its request.
  const dictated = locale === 'fr' && readable && opinion.latinTachelhit?.(normalized, TABLE_LED_DICTATED_CONFIDENCE) === true;
  // Tachelhit, Darija in Latin letters and longer French, whose rules know less of how a new writer writes: a fairly sure
  // table answers where they heard nothing, a very sure one in place of the request they heard (see second-opinion.ts).
  const arabizi = locale === 'ary' && script === 'latn';
  // French in a longer message: its rules were fitted to short messages by few writers (see second-opinion.ts). The
  // table neither makes a stop of what they heard (a stop it hears alone is asked about) nor picks among their requests.
  const french = locale === 'fr' && !dictated && raw.length >= FRENCH_MIN_TOKENS_TO_LEAD;
  const tableLed = locale === 'shi' || arabizi || dictated || french;
  // A question whose form says what it asks ("is ittusjjl baba", is my father registered) is the rules' to answer.
  const sure = heard.some((p) => p.sure && p.intent === intent);
  // In talk of the market or the weather, where the rules still heard a request ("3ndi zit beldi lbi3", oil for sale,
  // "beldi" misread as "weldi", my son), the table may only say it is off-topic.
  if (tableLed && (!aside || intent !== undefined) && !sure && readable && (intent === undefined || !TABLE_LED_RULES_KEPT.has(intent))) {
    const over = arabizi && intent === 'book' ? ARABIZI_BOOKING_OVERRIDE_CONFIDENCE : TABLE_LED_OVERRIDE_CONFIDENCE;
    const guess = tableSays(opinion, normalized, mourning, intent === undefined ? TABLE_LED_MIN_CONFIDENCE : over);
    // The rules cap "help" at a few words, where a help word in a longer message is incidental; the table read it all.
    const fits = guess !== undefined && (raw.length <= (MAX_TOKENS_FOR[guess] ?? MAX_TOKENS) || (guess === 'help' && tableSays(opinion, normalized, mourning, TABLE_LED_LONG_HELP_CONFIDENCE) === 'help'));
    // A table very sure that a request the rules heard is talk of a sale or a job ("is ira chi yan?") may say so.
    const offTopic = guess === 'unknown' && intent !== undefined;
    if (guess !== undefined && guess !== intent && (aside ? offTopic : !NEVER_FROM_SECOND_OPINION.has(guess) || offTopic) && fits && (intent === undefined || mayBecome(intent, guess))) {
      intent = guess;
      learned = true;
    }
  }
  // An emergency the rules heard in a long Darija or French message that the table is all but certain is something else.
  if ((arabizi || french) && intent === 'emergency' && !sure && readable && raw.length >= MIN_TOKENS_TO_LEAVE_EMERGENCY) {
    const other = tableSays(opinion, normalized, mourning, LONG_MESSAGE_LEAVE_EMERGENCY_CONFIDENCE);
    if (other !== undefined && other !== 'emergency' && !NEVER_FROM_SECOND_OPINION.has(other)) {
      intent = other;
      learned = true;
    }
  }
  // The rules heard several requests and their order put one first ("is sjjlɣ? ur iyi d yuckin yan lmsaj", "ism inu yura
  // ɣlaṭ"): a sure table picks among the ones they heard (see second-opinion.ts). An emergency is left only where the
  // rules heard it in misspelt words alone ("yura", written, read as "yuda", she fell): "ur a itnffas" beside a booking
  // is a villager who cannot breathe, however sure the table is of the booking.
  const repickable = intent !== undefined && !TABLE_LED_NEVER_REPICKED.has(intent) && (intent !== 'emergency' || onlyApproximate(intent, raw, tokens, matches));
  if (tableLed && !french && !aside && !sure && intent !== undefined && repickable && readable) {
    const pick = tableSays(opinion, normalized, mourning, intent === 'emergency' ? TABLE_LED_LEAVE_EMERGENCY_CONFIDENCE : TABLE_LED_PICK_CONFIDENCE);
    if (pick !== undefined && pick !== intent && intents.has(pick) && !NEVER_FROM_SECOND_OPINION.has(pick) && !TABLE_LED_NEVER_REPICKED.has(pick) && mayBecome(intent, pick)) {
      intent = pick;
      learned = true;
    }
  }

  // A stop the table is sure of: firm where the rules heard a complaint or a list to leave, asked about where they
  // heard nothing (see second-opinion.ts). Elsewhere the table leads, a surer one in three words or more: Darija's two
  // words "safi baraka" are as often "that's all" as "stop".
  const stopsHere = intent === undefined ? !aside && raw.length >= 2 : TACHELHIT_STOP_FROM.has(intent);
  const stopConfidence = locale === 'shi' ? TACHELHIT_STOP_CONFIDENCE : TABLE_LED_STOP_CONFIDENCE;
  const stopLed = locale === 'shi' || (tableLed && (!french || intent === undefined) && raw.length >= MIN_TOKENS_FOR_LED_STOP);
  if (stopLed && stopsHere && raw.length <= MAX_TOKENS_FOR_OPINION && tableSays(opinion, normalized, mourning, stopConfidence) === 'stop') {
    intent = intent === undefined ? 'maybe_stop' : 'stop';
    learned = true;
  }

  // An emergency the table is sure of, whatever else the rules heard but a stop (see second-opinion.ts).
  if (tableLed && intent !== 'emergency' && intent !== 'stop' && readable && tableSays(opinion, normalized, mourning, TABLE_LED_EMERGENCY_CONFIDENCE) === 'emergency') {
    intent = 'emergency';
    learned = true;
  }

  const entities: Understanding['entities'] = {};
  if (service !== undefined) entities.service = service;
  if (number !== undefined) entities.number = number;
  if (language !== undefined) entities.language = language;
  const result: Understanding = { intent: intent ?? 'unknown', locale, script, entities };
  if (intent !== undefined && (learned || onlyApproximate(intent, raw, tokens, matches))) result.approximate = true;
  return result;
}

/** A death mourned is past: the table, which has read many deaths among emergencies, is not asked to call it one. */
function tableSays(opinion: SecondOpinion, normalized: string, mourning: boolean, minConfidence?: number): Intent | undefined {
  const guess = opinion.intent(normalized, minConfidence);
  return guess === 'emergency' && mourning ? undefined : guess;
}

/** What may stand beside a yes or a no that opens a message without asking anything else. */
const ANSWER_ASIDES: ReadonlySet<Intent> = new Set(['yes', 'no', 'thanks', 'greeting']);
/** An answer opening a message this short is what it says: "oui d'accord ça marche", "Oui, c'est bien cela, je confirme." */
const MAX_TOKENS_FOR_OPENING_ANSWER = 8;

/**
 * The yes or the no a message opens with, when it heard one of them alone beside courtesy, in a short message. A yes
 * beside thanks ("c'est bon merci") closes the talk as often as it agrees, and is left to thank.
 */
function openingAnswer(matches: readonly Match[], intents: ReadonlySet<Intent>, length: number): 'yes' | 'no' | undefined {
  if (length > MAX_TOKENS_FOR_OPENING_ANSWER || ![...intents].every((i) => ANSWER_ASIDES.has(i))) return undefined;
  const answer = intents.has('yes') ? (intents.has('no') || intents.has('thanks') ? undefined : 'yes') : intents.has('no') ? 'no' : undefined;
  return answer !== undefined && matches.some((m) => m.at === 0 && isIntent(m.phrase, answer)) ? answer : undefined;
}

/** A number in digits opening or closing the message, where a menu line writes it. */
function numberAtEdge(raw: readonly string[]): boolean {
  return [raw[0], raw.at(-1)].some((t) => t !== undefined && /^\d{1,2}$/.test(t));
}

function isThumb(raw: readonly string[], intent: Intent): boolean {
  return raw.some((t) => THUMBS[t] === intent);
}

function memoOf(lexicon: Lexicon): Map<string, string> {
  const known = memos.get(lexicon);
  if (known !== undefined) return known;
  const memo = new Map<string, string>();
  memos.set(lexicon, memo);
  return memo;
}

/** General medicine is the fallback: any named specialty or body part says more. */
function moreSpecific(current: ServiceCode | undefined, next: ServiceCode): ServiceCode {
  if (current === undefined || current === 'general_medicine') return next;
  return current;
}

/**
 * Digits anywhere (not phone numbers), number words in short answers (`length` words besides a vocative) or after "numéro"/"رقم".
 * `named` when a word ("wis", "numéro", "uttun"), not the letter "n", says the number is one.
 */
function findNumber(lexicon: Lexicon, raw: readonly string[], length: number, matches: readonly Match[], back: boolean): { value: number; named: boolean } | undefined {
  const prefixes = matches.filter((m) => m.phrase.meaning.kind === 'prefix');
  const prefixed = new Set(prefixes.map((m) => m.at + m.phrase.tokens.length));
  const named = new Set(prefixes.filter((m) => !isLetterPrefix(m.phrase)).map((m) => m.at + m.phrase.tokens.length));
  const digits = raw.findIndex((t) => /^\d{1,3}$/.test(t));
  if (digits >= 0) return { value: Number(raw[digits]), named: named.has(digits) };
  for (let i = 0; i < raw.length; i++) {
    if (length > 2 && !prefixed.has(i)) continue;
    const word = raw[i] ?? '';
    const n = lexicon.numbers.get(word) ?? lexicon.numbers.get(canonicalWord(lexicon, word, memoOf(lexicon)));
    if (n !== undefined) return { value: n, named: named.has(i) };
  }
  return back ? { value: 0, named: false } : undefined;
}

