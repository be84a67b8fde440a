// Whether a heard "stop" is firm enough to stop at once, or is asked about: a wrong stop silences a villager.
import { isFrenchOrder, namesTheSender } from './french-stop.ts';
import type { Phrase } from './lexicon.ts';
import { ARRIVING, EVER_AGAIN, HALT, ME, MESSAGES, NEG, NOTHING, NUMBER, REACHING, REMOVE, UNSUBSCRIBE, WANT } from './tachelhit-classes.ts';
import { inClass, verb, words } from './tachelhit-words.ts';

/** A phrase heard at a word position; what understanding matches the lexicons and patterns into. */
export interface HeardPhrase {
  phrase: Pick<Phrase, 'tokens' | 'meaning'>;
  at: number;
}

/**
 * Words that may surround a stop word without making it less exact ("stop svp", "حبسو عافاك"), Tachelhit's
 * "anything", "nothing", "a single one", "messages" and "your" included ("ur iyi sul tsifdm kra", "ur righ lmessagat nnun").
 */
const POLITE = new Set([
  '3afak', 'afak', 'svp', 'stp', 'plz', 'please', 's', 'il', 'vous', 'plait', 'merci', 'je', 'prie', 'عافاك', 'عفاك', 'من', 'فضلك', 'لو', 'سمحت', 'شكرا',
  'tanmmirt', 'tanmirt', 'kra', 'yat', 'walu', 'walo', 'والو', 'تانميرت', 'tibratin', 'tabrat', 'lmessagat', 'lmsajat', 'messages', 'ميساجات', 'مساجات',
  'تيبراتين', 'nnun', 'نون', 'sms', 'ishi', 'الرسايل', 'lkhbar', 'لخبار',
]);
/**
 * Tachelhit's frame around a refusal, besides the negation, "want", "me" and the messages (their classes, below), in
 * any spelling: "anymore" ("sul", "sar"), "not even one" ("ula yat"), "these" ("ad"), "to me" ("dayi"), "from the list"
 * ("zg liste"), "everything" ("kullu"), "your", "my", "now" ("ghila", "daba": said with a clear stop, it urges).
 */
const FRAME = words(
  ...[
    'sul', 'sar', 'سول', 'سار', 'ula', 'ولا', 'ad', 'اد', 'd', 'د', 'dayi', 'zg', 'زك', 'زغ', 'ليستا', 'ليست', 'liste', 'lista', 'la', 'لائحه', 'الرسائل',
    'kulchi', 'kullu', 'كولشي', 'nnun', 'نون', 'yan', 'had', 'هاد', 'كرا', 'tent', 'tnt', 'تنت', 'inu', 'nu', 'اينو', 'نو', 'ghila', 'ghilad', 'غيلا', 'غيلاد',
    'daba', 'دابا', 'dghya', 'دغيا', 'dghi', 'dghiya', 'دغي', 'lgroup', 'group', 'da', 'دا', 'tilifun', 'tilifon', 'telephone', 'portable', 'تيليفون', 'tt', 'تت',
    'nkki', 'nkkin', 'نكي', 'نكين', 'يات', 'والو', 'انو', 'ino', 'f', 'ف', 'g', 'gh', 'غ', 'fllai', 'flla', 'فلاي', 'gisn', 'gisnt', 'gis', 'كيسن',
    'abadan', 'abadn', 'ابدا', 'jamais', 'ar', 'ار', 'lbda', 'labad', 'l2abad', 'لبدا', 'لابد', 'الابد',
    // "zg lista n whatsapp": the list of what sends them.
    'n', 'ن', 'whatsapp', 'whatsap', 'watsapp', 'watsap', 'wtsp', 'واتساب', 'وتساب', 'واتس',
  ],
);
/** "I don't read them" ("ur da ttghrigh lmsajat") gives the reason for a stop, and asks nothing else. */
const READ = verb('ghr|ghri|qr|9r|qra|9ra', 'غر|غري|قر|قرا');
/** A refusal's frame: the listed words, and any "not", "want", "me", messages or what messages do. */
const inFrame = (t: string): boolean => [FRAME, NEG, WANT, ME, MESSAGES, ARRIVING, READ].some((c) => inClass(c, t));

/** "Enough", "it is over" ("ikfa"): words that stop nothing alone ("safi" is "ok") but, in a longer message with no clear request, may mean "stop". */
export const ENOUGH = new Set(['safi', 'صافي', 'baraka', 'بركا', 'بركه', 'باراكا', 'ikfa', 'kfa', 'يكفا', 'كفى', 'كفا']);

const isStop = (m: HeardPhrase) => m.phrase.meaning.kind === 'intent' && m.phrase.meaning.intent === 'stop';
const isClear = (m: HeardPhrase) => !m.phrase.tokens.every((t) => ENOUGH.has(t));
/** "I don't want (it, any more)": "ur righ yat", "ur sul righ", whatever intent its phrase has alone. */
const isRefusal = (m: HeardPhrase) => m.phrase.meaning.kind === 'intent' && m.phrase.tokens.some((t) => inClass(NEG, t)) && m.phrase.tokens.some((t) => inClass(WANT, t));
const isErasure = (m: HeardPhrase) => m.phrase.meaning.kind === 'intent' && m.phrase.meaning.intent === 'delete_data';
/**
 * "Don't send (or write) to me any more" ("ur sul as tazznm", "ur iyi d sul tarat", "ur iyi tktbm sul", "ur iyi tazznm
 * abadan"): a stop that says "never again", in it or just after it, is no complaint to ask about.
 */
const isNeverAgain = (m: HeardPhrase, raw: readonly string[]) => {
  // "Ever" may close the sentence a few words on: "ur iyi d ttazznm lmsajat ar labad".
  const said = raw.slice(m.at, m.at + m.phrase.tokens.length + 3);
  return isStop(m) && said.some((t) => inClass(NEG, t)) && said.some((t) => inClass(EVER_AGAIN, t)) && said.some((t) => inClass(REACHING, t));
};
/**
 * A stop that says what it orders: a stop or take-off verb with what it stops ("hbsat lmsajat", "kksat numero n yemma zg
 * liste nnun"), "I don't want" ("ur righ imisajn", a refusal), or "unsubscribe" opening the message ("desabonner 3afak,
 * …"; "je veux me désabonner" is a wish, asked about). "ur as tazznm" may be "you did not send her" and "ar iyi d ttazznm"
 * (you keep sending me) only describes: both are asked about.
 */
const isOrder = (m: HeardPhrase) =>
  isStop(m) &&
  (m.phrase.tokens.length >= 2
    ? isRefusal(m) || m.phrase.tokens.some((t) => inClass(HALT, t) || inClass(REMOVE, t))
    : m.at === 0 && m.phrase.tokens.every((t) => UNSUBSCRIBE.test(t)));
/** "The morning messages", "until tomorrow", "at night": a stop of some messages only, asked about. */
const PART_OF_DAY = words(
  'sbah', 'sba7', 'tsbah', 'tifawt', 'tadggwat', 'tadggwt', 'l3chiya', 'lachiya', 'tazzwart', 'azkka', 'ghasad', 'lil', 'llil', 'yid', 'matin', 'soir', 'nuit',
  'demain', 'الصباح', 'صباح', 'تيفاوت', 'تادكوات', 'العشيه', 'الليل', 'ازكا', 'غاساد',
);
const namesWhen = (t: string) => inClass(PART_OF_DAY, t);
/** What closes or opens a message politely. */
const COURTESY: ReadonlySet<string> = new Set(['thanks', 'greeting']);
/** What may surround a stop without asking for something else: greetings, thanks, a "no", a complaint. */
const ASIDE: ReadonlySet<string> = new Set(['stop', 'maybe_stop', 'no', 'yes', 'thanks', 'greeting']);
/** "numero ad ghalat" (this is the wrong number) beside a stop is its reason, not a correction to make. */
const wrongNumber = (m: HeardPhrase, raw: readonly string[]) =>
  m.phrase.meaning.kind === 'intent' && m.phrase.meaning.intent === 'correct_data' && raw.slice(Math.max(0, m.at - 2), m.at + m.phrase.tokens.length).some((t) => inClass(NUMBER, t));
const asksElse = (m: HeardPhrase, raw: readonly string[]) => m.phrase.meaning.kind === 'intent' && !ASIDE.has(m.phrase.meaning.intent) && !wrongNumber(m, raw);
/** "To", before whom a stop is for: "i", "s", "ئ" ("ur sul tsifidm ئ نمرا نس", not to her number). */
const TO = words('i', 's', 'l', 'ي', 'ا', 'س', 'ل');
/** What a stop is sent to, said right after it ("… ئ نمرا نس"), is its object, whatever that phrase asks alone ("her number"). */
const toWhomStopped = (m: HeardPhrase, raw: readonly string[], stops: readonly HeardPhrase[]) =>
  inClass(TO, raw[m.at - 1] ?? '') && stops.some((s) => s.at + s.phrase.tokens.length === m.at - 1);

/**
 * Firm when every word belongs to a stop phrase, or is a "please", a refusal's frame or a vocative around one ("enough"
 * only beside a clear stop, as "safi baraka" alone may mean "that will do"); or when a clear stop is said twice, or
 * beside an "I don't want" ("ur ira imsagn … hbsat kulchi", "arrêtez … ur rix yat"), whatever else is said; or when
 * an order or a "never again" is said with no other request and no time of day beside it.
 *
 * @example isFirmStop(['ur', 'righ', 'imsagn', 'ad'], [{ phrase: { tokens: ['ur', 'righ', 'imsagn'], meaning: { kind: 'intent', intent: 'stop' } }, at: 0 }], new Set()) // true
 */
export function isFirmStop(raw: readonly string[], matches: readonly HeardPhrase[], addressed: ReadonlySet<number>): boolean {
  const stops = matches.filter(isStop);
  const clear = stops.filter(isClear);
  // Asking to erase the number beside a stop ("ur riɣ lmsaj, kksat numero inu") says the stop again.
  const signals = [...clear, ...matches.filter(isRefusal), ...matches.filter(isErasure)];
  if (clear.length > 0 && signals.some((a) => signals.some((b) => b.at >= a.at + a.phrase.tokens.length))) return true;
  // An order said with its reason ("… she is old and cannot read") stops; beside another request ("… but tell me when
  // it comes") it is asked about, lest the request be lost.
  const asks = matches.some((m) => asksElse(m, raw) && !toWhomStopped(m, raw, stops) && !namesTheSender(m, raw));
  if (clear.some((m) => isNeverAgain(m, raw) || ((isOrder(m) || isFrenchOrder(m, raw)) && !raw.some(namesWhen))) && !asks) return true;
  const covered = new Set<number>(addressed);
  // Thanks or a greeting around a clear stop ("merci bzaf, bddat", "azul, ḥbsat tibratin") is only courtesy; "tifawt"
  // (good morning, and the morning) may say which messages to stop.
  const courteous = (m: HeardPhrase) =>
    clear.length > 0 && m.phrase.meaning.kind === 'intent' && COURTESY.has(m.phrase.meaning.intent) && !m.phrase.tokens.some(namesWhen);
  for (const m of matches.filter((m) => isStop(m) || courteous(m))) for (let k = 0; k < m.phrase.tokens.length; k++) covered.add(m.at + k);
  // "ur as ttarum yat, baraka": "enough" after a clear stop repeats it ("baraka mn had lmessagat", enough of these, complains).
  if (raw.some((t, i) => ENOUGH.has(t) && clear.some((m) => i >= m.at + m.phrase.tokens.length))) return true;
  return raw.every((t, i) => covered.has(i) || POLITE.has(t) || (clear.length > 0 && (inFrame(t) || ENOUGH.has(t))));
}

/**
 * A lone stop verb right after "not" says something did not stop ("ttusu ur 7bsat", the cough has not stopped; "ur bddat
 * tawla") or asks not to stop: never an order to stop the messages.
 *
 * @example isDeniedStop({ phrase: { tokens: ['7bsat'], meaning: { kind: 'intent', intent: 'stop' } }, at: 2 }, ['ttusu', 'ur', '7bsat']) // true
 */
export function isDeniedStop(m: HeardPhrase, raw: readonly string[]): boolean {
  return isStop(m) && m.phrase.tokens.length === 1 && inClass(NEG, raw[m.at - 1] ?? '');
}

/** Another request or answer is there besides "safi"/"baraka" ("safi wakha ghadi nji" is a long yes). */
export function saysMoreThanEnough(matches: readonly HeardPhrase[]): boolean {
  return matches.some((m) => m.phrase.meaning.kind === 'intent' && !m.phrase.tokens.every((t) => ENOUGH.has(t)));
}

/** What may follow a closing "I don't want": "(any) more", "anything", "these messages", a "please" ("ur rix sul", "ur ri yat 3afak"). */
const inRefusalTail = (t: string): boolean => POLITE.has(t) || ENOUGH.has(t) || [EVER_AGAIN, NOTHING, MESSAGES].some((c) => inClass(c, t));

/**
 * A complaint closed by a bare "I don't want (any more)" ("baraka mn rsayl, kul ass ar iyi ttaznm. ur rix", "bahra n
 * lmsajat, ur sul righ yat") refuses the messages it complained of: a firm stop, when nothing else is asked before it. "ur righ ad
 * …" (I don't want to …) goes on, and is left as it was.
 *
 * @example closesWithRefusal(['bahra', 'n', 'lmsajat', 'ur', 'rix'], []) // true
 */
export function closesWithRefusal(raw: readonly string[], matches: readonly HeardPhrase[]): boolean {
  let end = raw.length;
  while (end > 0 && inRefusalTail(raw[end - 1] ?? '')) end--;
  const want = end - 1;
  if (want < 2 || !inClass(WANT, raw[want] ?? '')) return false;
  const neg = inClass(EVER_AGAIN, raw[want - 1] ?? '') ? want - 2 : want - 1;
  // The refusal itself may be heard as "no" or as "I no longer want (the visit)": it is what the complaint refuses.
  return inClass(NEG, raw[neg] ?? '') && !matches.some((m) => m.at < neg && asksElse(m, raw));
}
