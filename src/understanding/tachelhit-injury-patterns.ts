// Injuries and births in Tachelhit, heard through word classes: a fall, a burn, a bite that swells, a birth that
// bleeds, a child shaking, blood thrown up. Each needs two words, as each word alone also says harmless things.
import { AR, BLOOD, CHILDBIRTH, FUTURE, GIVE, NEG } from './tachelhit-classes.ts';
import { verb, words, type Pattern } from './tachelhit-words.ts';

/** Falling in any person: Tachelhit's "idr", "tdr", "ئضر", Darija's "طاح", "tay7", "ta7at". */
export const FALL = new RegExp(`${verb('dr|drn', 'ضر').source}|^(?:ka|kat|ki|t)?(?:ta7|tah|tay7|tayh|ti7|tih)(?:at|t|et|u|o)?$|^(?:كا|كي|كت|ت)?(?:طاح|طيح)(?:ات|ت|و)?$`);
/** High places a villager falls from, or into: a palm, an argan tree, a roof, a wall, a ladder, a mule, a well. */
const HIGH = words(
  'tazdayt', 'tazdait', 'tazdayin', 'ugrn', 'argan', 'wargan', 'tadgagt', 'sjra', 'chjra', 'nkhla', 'nnkhla', 'ssqf', 'sqf', 'lborj', 'afella', 'ufella',
  'sur', 'lhit', 'l7it', 'ssullum', 'sllum', 'taghrast', 'aghyul', 'ughyul', 'lbghl', 'تزدايت', 'تازدايت', 'شجره', 'نخله', 'السقف', 'سقف', 'الحيط',
  'حيط', 'فوق', 'السلوم', 'سلوم', 'البغل', 'اغيول', 'وغيول',
  'usllum', 'asllum', 'usullum', 'anu', 'wanu', 'lbir', 'lbir2', 'وسلوم', 'اسلوم', 'وانو', 'البير',
);
/** The head or the face, where a fall that bleeds or knocks out is serious. */
const HEAD = words('ixf', 'ikhf', 'ighf', 'ikhfns', 'rras', 'rass', 'udm', 'wudm', 'tete', 'الراس', 'راس', 'يخف', 'ايخف', 'اخف', 'ودم');
/** Out of it: not speaking, not moving, not waking, in the third person only ("ur tsawl", "ور تفاق"). */
export const SENSELESS = /^(?:ar)?(?:i|y|t|it|itt|tt)?(?:sawa?l|mussu|mossu|musu|faq|fiq)(?:n|nt)?$|^(?:ي|ت|يت|تت)?(?:ساوا?ل|موسو|فاق|فيق)(?:ن|نت)?$/;
/** Burning in any person: "iḥrg", "t7rq", "tchwat" (scalded), Tachelhit's "irgha" (got burnt), "tsrgh" (burnt her), "ترغا", French "brûlé". */
export const BURN = new RegExp(`${verb('7rg|hrg|7r9|hr9|7rq|hrq|chwa|shwa|s?rgh', 'حرق|تحرق|شوا|تشوا|س?رغ').source}|^brule[es]?$|^brulures?$`);
/** What burns: boiling water ("lma irghan", "sxun"), oil, fire ("timssi", "l3afit"), the gas bottle. */
const HOT = words(
  'irghan', 'irghn', 'yirghan', 'tirghan', 'sxun', 'skhun', 'skhon', 'sxon', 'bouillante', 'zit', 'zzit', 'timssi', 'lafit', 'l3afit', 'nnar', 'feu', 'lbuta',
  'lbota', 'gaz', 'يرغان', 'ارغان', 'سخون', 'السخون', 'الزيت', 'زيت', 'تيمسي', 'العافيت', 'لعافيت', 'النار', 'البوطا',
  'rghanin', 'irghanin', 'ihmayn', 'i7mayn', 'hmayn', 'ارغانين', 'حماين', 'احماين',
);
/** A body part a burn or a swelling is on. */
const BODY = words(
  'lbdn', 'ddat', 'afus', 'ufus', 'ifassn', 'adar', 'udar', 'idarn', 'udm', 'wudm', 'ixf', 'ikhf', 'lwjh', 'rjlo', 'ydo', 'البدن', 'لبدن', 'افوس', 'وفوس', 'ادار',
  'وضار', 'يدو', 'رجلو', 'وجهو',
  'udmawn', 'افاسن', 'ودماون',
);
/** Snakes, scorpions and dogs, in Tachelhit ("afigr", "azrm", "ulfsa", "ughrdm" also written "ugrdm"), Darija and French. */
export const BITER = words(
  'afigr', 'ufigr', 'alfsa', 'ulfsa', 'lfsa', 'talfsa', 'lef3a', 'lf3a', 'lfa3a', 'aghrdm', 'ughrdm', 'tighirdmt', 'tighrdmt', 'l3qrb', '3qrb', 'l3a9rab', 'aydi',
  'uydi', 'lkelb', 'kelb', 'lkalb', 'l7nch', 'lhnch', 'chien', 'serpent', 'vipere', 'scorpion', 'افيكر', 'وفيكر', 'الفسا', 'ولفسا', 'لفسا', 'الفعه', 'لفعه', 'اغردم',
  'وغردم', 'تيغيردمت', 'عقرب', 'العقرب', 'ايدي', 'ويدي', 'كلب', 'الكلب', 'حنش', 'الحنش',
  'wfigr', 'afighr', 'ufighr', 'ifighr', 'ifgran', 'azrm', 'uzrm', 'wzrm', 'izrman', 'agrdm', 'ugrdm', 'tigrdmt', 'ازرم', 'وزرم', 'لفعا', 'الفعا',
);
/** Swelling in any person: "itnfkh", "ttbbuz", "ibzg", "ئزّيط", Darija's "تنفخ", "wrem". */
const SWELL = verb('nfkh|nfukh|nfakh|bbuz|zzit|zit|bzg|bzgh|wrm|wrem', 'نفخ|نفاخ|زيط|بزك|بزغ|ورم');
/** Giving birth: Tachelhit's "ar taru", "turw", Darija's "katwld"; a midwife or a birth named. */
const BIRTH = new RegExp(`^(?:ar)?t(?:a|u|i)rw?u?$|^(?:ka|kat|ki)?tt?wl+d(?:at|t)?$|^(?:تارو|تورو|تيرو|ترو)$|^(?:كا|كت|ك)?تت?ولد(?:ات|ت)?$|^(?:wilada|lwilada|tadist|accouchement|accouche|الولاده|ولاده)$`);
/** "ar ttaru" / "ar tturu": giving birth right now, the imperfective of "aru" after "ar". */
const GIVING_BIRTH_NOW = /^tt?(?:a|u)ru$|^تت?(?:ا|و)رو$/;
/** Labour named (childbirth, or contractions: "ttal9", "الطلق") and said to have begun ("bdat", "بدات"): a birth under way. */
const LABOUR: ReadonlySet<string> = new Set([...CHILDBIRTH, ...words('ttal9', 'ttalq', 'طلق')]);
const BEGAN = words('bdat', 'bdaat', 'bdaa', 'tbda', 'tbdat', 'commence', 'بدات', 'بدأت', 'تبدا', 'تبدات', 'بدا');
const MIDWIFE = words('qabla', 'lqabla', 'l9abla', '9abla', 'tamqablt', 'sagefemme', 'قابله', 'القابله', 'لقابله');
/** Shaking, trembling, tossing: "ar itrgigi", "ittnqlab", Darija's "kayrj3f". */
const SHAKE = verb('rgigi|rgagi|rgigiy|rjf|rja?3f|r3d|nqlab|tnqlab', 'ركيكي|رجف|رعد|نقلاب|تنقلب');
/** A little one: "arba", "tarbat", "amzzyan", "ahnjir", "mmi" (my son), "ئمزي" (the small one), Darija's "drari". */
export const LITTLE = words(
  'arba', 'arrba', 'tarbat', 'mzzin', 'imzzi', 'imzzin', 'amzzyan', 'tamzzyant', 'ahnjir', 'tahnjirt', 'ihnjirn', 'mmi', 'drari', 'ldrari', 'lbz', 'اربا', 'تاربات',
  'الدراري', 'امزيان', 'امزي', 'احنجير', 'تاحنجيرت',
);
/**
 * Throwing up in Tachelhit: "ar ittarra", "irra", "ئتّارّا"; not "يرا" (he wants), whose r is single. Arabic script drops
 * the doubling, so "ئرا" may be either: "ئرا ئفك ئدامن" (he wants to give blood) gives it.
 */
const THROW_UP = verb('a?rra|rri|tarra', 'ارا');

/** Burst, exploded: Tachelhit's "tfrgat", Darija's "tfrga3at", "ttfrg3at", "تفركعات". */
const BURST = verb('frga?3?|fr9a?3|ttfrga?3', 'فركع|فرقع|تفركع');
/** The gas bottle or the stove: "lbota n gaz", "butagaz", "البوطا". */
const GAS = words('lbuta', 'lbota', 'buta', 'bota', 'butagaz', 'lbutagaz', 'botagaz', 'lbotagaz', 'gaz', 'lgaz', 'rrecho', 'البوطا', 'بوطا', 'البوطاغاز', 'الغاز', 'غاز');
/** Cut, in any person: "ibbi afus" (cut the hand), "iqt3", "ijrḥ", Darija's "tjrḥ". */
const CUT = verb('bbi|bby|qt3|9t3|qta3|9ta3|jr7|jrh|jra7|jrah|gzm|gzem', 'بي|قطع|جرح|كزم');
/** Tools and engines that cut: a boat's propeller, a knife, a sickle, an axe, a saw, a machine. */
const BLADE = words(
  'lhelice', 'helice', 'lmus', 'mus', 'jjnwi', 'ljnwi', 'tajnwit', 'lmnjl', 'mnjl', 'tamgra', 'tafrut', 'lfas', 'agelzim', 'ugelzim', 'lmnchar', 'lmachina', 'lmakina',
  'lmotor', 'lmutur', 'couteau', 'scie', 'tronconneuse', 'الموس', 'موس', 'الجنوي', 'جنوي', 'المنجل', 'تامكرا', 'الفاس', 'المنشار', 'الماكينه', 'المطور',
);
/** The face, whose colour changing is a body in danger: "udm ns ibddl llon". */
const FACE = words('udm', 'wudm', 'lwjh', 'wjho', 'ودم', 'الوجه', 'وجهو');
/** The face or the mouth turning blue ("imi ns izgzaw"); "immi" (my mother) is spelt alike, and blue is as urgent on her. */
const FACE_OR_MOUTH: ReadonlySet<string> = new Set([...FACE, ...words('imi', 'امي')]);
/** Turned blue or grey: "izgzaw", "tzgzaw", Darija's "zrq", "zr9at". */
const BLUE = verb('zgzaw|zgzw|zrq|zr9|zraq|zra9', 'زكزاو|زكزو|زرق');
/** Changed, turning, said of someone: "ibddl", "ar itbddal", "itbeddel"; "nbddl lwjh" (I change the picture) is no face turning. */
const CHANGED = /^(?:ar)?(?:i|t|y|it|itt|tt)(?:bddl|bdl|bddal|bdal)(?:n|nt|at)?$|^(?:ي|ت|ا|يت|تت)(?:بدل|بدال)(?:ن|نت|ات)?$/;

export const INJURY_PATTERNS: readonly Pattern[] = [
  { intent: 'emergency', steps: [FALL, HIGH], gap: 3, shared: true },
  { intent: 'emergency', steps: [FALL, HEAD], gap: 5, shared: true },
  { intent: 'emergency', steps: [FALL, BLOOD], gap: 8, shared: true },
  { intent: 'emergency', steps: [NEG, SENSELESS], gap: 1, unless: words('s', 'س', 'd', 'د', 'ak', 'dis', 'iyi', 'ayi', 'ايي') },
  { intent: 'emergency', steps: [BURN, HOT], gap: 6, shared: true },
  { intent: 'emergency', steps: [HOT, BURN], gap: 6, shared: true },
  { intent: 'emergency', steps: [FALL, HOT], gap: 4, shared: true },
  { intent: 'emergency', steps: [BURN, BODY], gap: 3, shared: true },
  { intent: 'emergency', steps: [BODY, BURN], gap: 3, shared: true },
  { intent: 'emergency', steps: [BITER, SWELL], gap: 8, shared: true },
  { intent: 'emergency', steps: [SWELL, BITER], gap: 8, shared: true },
  { intent: 'emergency', steps: [BIRTH, BLOOD], gap: 8, shared: true },
  { intent: 'emergency', steps: [BLOOD, BIRTH], gap: 8, shared: true },
  { intent: 'emergency', steps: [BIRTH, NEG, MIDWIFE], gap: 8 },
  { intent: 'emergency', steps: [AR, GIVING_BIRTH_NOW], gap: 0 },
  { intent: 'emergency', steps: [LABOUR, BEGAN], gap: 2, shared: true },
  { intent: 'emergency', steps: [BEGAN, LABOUR], gap: 2, shared: true },
  { intent: 'emergency', steps: [LITTLE, SHAKE], gap: 4, shared: true },
  { intent: 'emergency', steps: [SHAKE, LITTLE], gap: 4, shared: true },
  { intent: 'emergency', steps: [THROW_UP, BLOOD], gap: 1, notBetween: GIVE },
  // "tfrgat fllas lbota n gaz", "البوطا تفركعات": the gas bottle burst on someone.
  { intent: 'emergency', steps: [BURST, GAS], gap: 4, shared: true },
  { intent: 'emergency', steps: [GAS, BURST], gap: 3, shared: true },
  // "ibbi afus s lhelice", "iqt3 dad ns s lmnjl": cut by a blade or an engine ("is rad as bbin afus" asks of an operation).
  { intent: 'emergency', steps: [CUT, BLADE], gap: 5, shared: true, notAfter: FUTURE, notAfterGap: 1 },
  { intent: 'emergency', steps: [BLADE, CUT], gap: 3, shared: true },
  // "imi ns izgzaw" (his lips turned blue), "udm ns ibddl llon" (his face changed colour).
  { intent: 'emergency', steps: [FACE_OR_MOUTH, BLUE], gap: 3, shared: true },
  { intent: 'emergency', steps: [BLUE, FACE_OR_MOUTH], gap: 3, shared: true },
  { intent: 'emergency', steps: [FACE, CHANGED], gap: 3, shared: true },
  { intent: 'emergency', steps: [CHANGED, FACE], gap: 2, shared: true },
];
