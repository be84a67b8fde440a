// Tachelhit requests heard through word classes in order ("ur" … "iyi" … a "send" verb in any person), where the
// lexicon's fixed phrases cannot list every person, spelling and word between them.
import type { Intent } from './intents.ts';

type WordClass = ReadonlySet<string> | RegExp;

/** Verb person and aspect around a stem: "ad", "t-", "tt-", "i-", "n-" in front; "-gh", "-m", "-n", "-at", "-in" behind. */
const verb = (stems: string, arabic: string): RegExp =>
  new RegExp(`^(?:(?:ad|d|a)?(?:i|y|t|n)?(?:tt|t)?(?:${stems})(?:gh|x|m|mt|n|nt|at|amt|t|in|an|d|a)?|(?:اد|د)?(?:ا|ي|ت|ن)?(?:تت|ت)?(?:${arabic})(?:غ|م|ن|نت|ات|ت|ين|ان|د|ا)?)$`);
const words = (...list: string[]): ReadonlySet<string> => new Set(list);

const NEG = words('ur', 'our', 'wr', 'ور');
const ANYMORE = words('sul', 'soul', 'سول');
/** Me, us, and "to him, to her" ("ur sul as tazznm"): whoever the messages go to. */
const ME = words('iyi', 'yi', 'ayi', 'ايي', 'يي', 'اي', 'agh', 'as', 'اس');
const WHEN = words('igh', 'ig', 'ikh', 'ix', 'ighd', 'mlmi', 'اغ', 'يغ', 'ملمي', 'مليمي');
const NEWS = words('lkhbar', 'lakhbar', 'lmsajat', 'lmessagat', 'sms', 'tibratin', 'لخبار', 'الاخبار', 'مساجات', 'ميساجات', 'الرسائل', 'تيبراتين');
/** "Send" in every person: "tazznm", "ttaznt", "yaz" (he sends), "sifdat". */
const SEND = verb('a?z+n|az|sif[dt]', 'ا?زن|از|سيف[دضط]');
/** "Come" needs "me" beside it: "ur riɣ ad d ashkɣ" is I will not come, "ad iyi d ittashkin" news coming to me. */
const COME = verb('a(?:sh|ch|s)k', 'اشك');
const TELL = verb('ini|inim|ssn|ssin|siwl|sawl|ari', 'يني|سن|سيول|ساول');
const SPEAK = verb('sawl|siwl|sawal|hdr|7dr|hdar', 'ساول|سيول|ساوال|هضر|هدر');
const PERSON = words('yan', 'yat', 'bnadm', 'يان', 'يات');
const WITH = words('d', 'د', 'ak', 'dis');
/** Breathing in every person and spelling: "nffs", "tnffs", "itnffas", "ئتنفاس". */
const BREATH = /^(?:ad|a)?(?:t|tt|i|it|itt|y|yt)?n+f+a?s(?:gh|x)?$|^(?:اد)?(?:ا|ي|ت|تت|يت|ات)?نف+ا?س$/;
const BLOOD = words('idammn', 'idamn', 'idammen', 'idamen', 'idmmn', 'ddm', 'dm', 'ddam', 'damm', 'الدم', 'ادامن', 'يدامن', 'ايدامن', 'دم', 'لدم');
const HOLD = verb('bdd|bdda|bddad|7bs|hbs|7bes|hbes', 'بد|بدا|بداد|حبس');
const WOUND = words('ljr7', 'ljar7', 'jr7', 'ljer7', 'ljrh', 'ljar', 'lgr7', 'الجرح', 'جرح', 'لجرح');
const OPENED = verb('ftt7|ft7|fta7|ftta7|ftth|ftah|nft7|nfta7|nftah|ftt7', 'فتح|نفتح|تفتح');
/** A body that "is hot" ("iskhn", "ئسخن"), not the weather: Darija's "السخانة بزاف", "سخن بزاف" is a hot day. */
const FEVER = words('tawla', 'tawlla', 'lhmma', 'l7mma', 'l7ma', 'iskhn', 'isskhn', 'tskhn', 'تاولا', 'اسخن', 'تسخن', 'الحمى', 'لحما');
const STRONG = words('bahra', 'bzaf', 'bzzaf', 'tqwa', 'بزاف', 'بهرا', 'ghila', 'غيلا', 'غيلاد');
/** Not speaking, not moving: "ur isawal", "ur itmussu"; "ur isawal s tachelhit" is a language, not a collapse. */
const STILL = verb('sawal|mussu|mossu|musu|moussou', 'ساوال|موسو');
const ERASE = verb('s?sf[dt]|ms7', 'س?سفض|مسح');
const DATA = words('nmra', 'nnmra', 'numero', 'numro', 'nimiro', 'ism', 'isem', 'ismiy', 'isim', 'douar', 'duwar', 'dduwwar', 'ddouar', 'l3mr', 'l3omr', 'l3umr', 'lma3lumat', 'tilifun', 'اسم', 'الاسم', 'اسمي', 'نمرا', 'النمره', 'نمره', 'الدوار', 'دوار', 'لعمر', 'العمر', 'لمعلومات');
const WRONG = verb('ghlt|ghld|ghlat|ghalt|ghalat|ghlt', 'غلط|غلض');
const CHANGE = verb('bddl|sgad|sl7|sgd', 'بدل|سكاد|صلح');
const WHAT = words('mad', 'mayd', 'ماد', 'مايد');
const FORGET = verb('ttu|ttiw|ttuy', 'تتو|توي');
const APPOINTMENT = words('code', 'lcode', 'kod', 'lkod', 'rdv', 'lmaw3id', 'maw3id', 'lwqt', 'lw9t', 'lssa3a', 'ssa3a', 'الكود', 'لكود', 'موعد', 'الموعد', 'لموعد', 'الساعه', 'لوقت', 'الوقت');
const BE = words('tga', 'iga', 'ga', 'tgat', 'تكا', 'يكا');
const HOUR = words('lssa3a', 'ssa3a', 'lwqt', 'lw9t', 'الساعه', 'لوقت', 'الوقت');
const MOVE = verb('s?smutt?l?i?|sm3tl|ajjl|ajl|a3tl', 'سموتل|سموتي|اجل|عطل');
const GIVE = verb('fk|fka|fkk|akka', 'فك|فكا');
const MANY = words('bahra', 'bzaf', 'bzzaf', 'بزاف', 'بهرا', 'kullu', 'kulla');
const FULL = verb('3mr|3mmr', 'عمر');
const MESSAGES = words('lmsajat', 'lmessagat', 'lmessages', 'messages', 'sms', 'tibratin', 'لميساجات', 'ميساجات', 'مساجات', 'الرسايل', 'تيبراتين');
const HAVE = words('ghurun', 'darun', 'tarim', 'tkttbm', 'tktbm', 'tssnm', 'tssanm', 'غورون', 'دارون', 'تاريم', 'تكتبم', 'تسنم');
const ABOUT_ME = words('zgi', 'fllai', 'flla', 'ghifi', 'fllawi', 'زكي', 'فلاي', 'غيفي');

interface Pattern {
  intent: Intent;
  /** Classes in order, each within `gap` words of the one before. */
  steps: readonly WordClass[];
  gap: number;
  /** Negated ("ur … ad iyi d tazznm"), the pattern says the opposite, and is not heard. */
  positive?: boolean;
  /** Made of words Darija shares ("الجرح تفتح", "numero ghalat"): heard, but no sign the message is Tachelhit. */
  shared?: true;
  /** A word right before the first step that makes it another word ("من أجل" is "for", not "postpone"). */
  notAfter?: WordClass;
  /** A word right after the last step that undoes it ("ur isawal s …"). */
  unless?: WordClass;
}

const PATTERNS: readonly Pattern[] = [
  { intent: 'emergency', steps: [NEG, BREATH], gap: 2 },
  { intent: 'emergency', steps: [BLOOD, NEG, HOLD], gap: 3 },
  { intent: 'emergency', steps: [NEG, HOLD, BLOOD], gap: 2 },
  { intent: 'emergency', steps: [WOUND, OPENED], gap: 4, shared: true },
  { intent: 'emergency', steps: [OPENED, WOUND], gap: 1, shared: true },
  { intent: 'emergency', steps: [FEVER, STRONG], gap: 1, shared: true },
  { intent: 'emergency', steps: [STRONG, FEVER], gap: 1, shared: true },
  { intent: 'emergency', steps: [NEG, STILL], gap: 1, unless: words('s', 'س', 'd', 'د', 'ak', 'dis', 'iyi', 'ayi') },
  { intent: 'stop', steps: [NEG, ME, SEND], gap: 2 },
  { intent: 'stop', steps: [NEG, ME, COME], gap: 2 },
  { intent: 'stop', steps: [NEG, ANYMORE, ME, SEND], gap: 2 },
  { intent: 'delete_data', steps: [ERASE, DATA], gap: 2, shared: true },
  { intent: 'correct_data', steps: [DATA, WRONG], gap: 2, shared: true },
  { intent: 'correct_data', steps: [CHANGE, DATA], gap: 1, shared: true },
  { intent: 'my_appointments', steps: [FORGET, APPOINTMENT], gap: 2, shared: true },
  { intent: 'my_appointments', steps: [APPOINTMENT, FORGET], gap: 3, shared: true },
  { intent: 'my_appointments', steps: [WHAT, BE, HOUR], gap: 1 },
  { intent: 'reschedule', steps: [MOVE, APPOINTMENT], gap: 2, shared: true, notAfter: words('من', 'mn', 'min') },
  { intent: 'donate_blood', steps: [GIVE, BLOOD], gap: 1, shared: true, positive: true },
  // Too many messages is a complaint that may mean "stop": asked about, never a stop at once.
  { intent: 'maybe_stop', steps: [MANY, MESSAGES], gap: 2, shared: true },
  { intent: 'maybe_stop', steps: [FULL, MESSAGES], gap: 3, shared: true },
  { intent: 'my_data', steps: [WHAT, HAVE, ABOUT_ME], gap: 1 },
  { intent: 'my_data', steps: [WHAT, HAVE, DATA], gap: 2 },
  { intent: 'subscribe', steps: [ME, TELL, WHEN], gap: 3, positive: true },
  { intent: 'subscribe', steps: [ME, SEND, WHEN], gap: 3, positive: true },
  { intent: 'subscribe', steps: [TELL, ME, WHEN], gap: 3, positive: true },
  { intent: 'subscribe', steps: [SEND, ME, WHEN], gap: 3, positive: true },
  { intent: 'subscribe', steps: [ME, COME, NEWS], gap: 2, positive: true },
  { intent: 'subscribe', steps: [ME, SEND, NEWS], gap: 2, positive: true },
  { intent: 'human', steps: [PERSON, SPEAK], gap: 3 },
  { intent: 'human', steps: [SPEAK, WITH, PERSON], gap: 1 },
];

export interface PatternMatch {
  intent: Intent;
  /** Whether the words are Darija's too, so say nothing of the language. */
  shared: boolean;
  /** First and last word the pattern spans. */
  from: number;
  to: number;
}

/** Every class a pattern names, by position: a word is tested against each once, then looked up. */
const CLASSES: readonly WordClass[] = [...new Set([...PATTERNS.flatMap((p) => [...p.steps, p.unless, p.notAfter]), NEG])].filter((c) => c !== undefined);
const CLASS_INDEX = new Map(CLASSES.map((c, i) => [c, i]));
/** Villagers reuse the same few hundred words: each word's classes are worked out once. */
const memo = new Map<string, Uint8Array>();
const NONE = new Uint8Array(CLASSES.length);

function classesOf(token: string): Uint8Array {
  const cached = memo.get(token);
  if (cached !== undefined) return cached;
  const found = new Uint8Array(CLASSES.length);
  CLASSES.forEach((c, i) => {
    if (c instanceof RegExp ? c.test(token) : c.has(token)) found[i] = 1;
  });
  if (memo.size > 50_000) memo.clear();
  memo.set(token, found);
  return found;
}

/**
 * Every pattern the words follow, at its first place.
 *
 * @example tachelhitPatterns(['ur', 'sul', 'iyi', 'tazznm']) // [{ intent: 'stop', shared: false, from: 0, to: 3 }]
 */
export function tachelhitPatterns(tokens: readonly string[]): PatternMatch[] {
  const classes = tokens.map(classesOf);
  const has = (c: WordClass, at: number): boolean => ((classes[at] ?? NONE)[CLASS_INDEX.get(c) ?? -1] ?? 0) === 1;
  const found: PatternMatch[] = [];
  for (const p of PATTERNS) {
    const m = firstMatch(tokens.length, p, has);
    if (m) found.push(m);
  }
  return found;
}

function firstMatch(length: number, p: Pattern, has: (c: WordClass, at: number) => boolean): PatternMatch | undefined {
  const [first, ...rest] = p.steps;
  if (first === undefined) return undefined;
  for (let start = 0; start < length; start++) {
    if (!has(first, start)) continue;
    let at = start;
    for (const step of rest) {
      let next = -1;
      for (let k = at + 1; k <= at + 1 + p.gap && k < length; k++) if (has(step, k)) { next = k; break; }
      at = next;
      if (at < 0) break;
    }
    if (at < 0) continue;
    if (p.unless && has(p.unless, at + 1)) continue;
    if (p.notAfter && has(p.notAfter, start - 1)) continue;
    if (p.positive && [start - 3, start - 2, start - 1].some((k) => has(NEG, k))) continue;
    return { intent: p.intent, shared: p.shared === true, from: start, to: at };
  }
  return undefined;
}
