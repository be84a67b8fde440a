// Emergencies and stops in Tachelhit, heard through word classes: a body in danger in any person and spelling,
// and "don't send me", "stop the messages", "remove me", "leave me" in either script.
import { ANYMORE, APPOINTMENT, AR, ARRIVING, BLOOD, COME, EVER_AGAIN, FUTURE, GIVE, HALT_FR, HOLD, ME, MESSAGES, MYSELF, NEG, NO_MORE, NOTHING, NUMBER, REACHING, REMOVE, SEND, STOP, UNSUBSCRIBE, WANT, WHAT, WHO, WRITE, WRITE_SHORT, YOU_WRITE } from './tachelhit-classes.ts';
import { BITER, LITTLE } from './tachelhit-injury-patterns.ts';
import { verb, words, type Pattern } from './tachelhit-words.ts';

/**
 * Breathing in every person and spelling: "nffs", "tnffs", "itnffas", "isunfus" (rests his breath), "issnfas", "isnufus",
 * "ئتنفاس", "إسّنفس"; and "isunfu", "tsounfou", which the Souss says for breathing too ("ur izmmr ad isunfu").
 */
const BREATH = new RegExp(
  [
    '^(?:ad|a)?(?:t|tt|i|it|itt|y|yt)?(?:s+u?)?n+u?f+[au]?s(?:gh|x)?$',
    '^(?:ad|a)?(?:t|tt|i|it|itt|y|yt)?s+un+f+u$',
    '^(?:اد)?(?:ا|ي|ت|تت|يت|ات)?(?:س+و?)?نو?ف+[او]?س$',
    '^(?:اد)?(?:ا|ي|ت|تت|يت|ات)?سونفو$',
  ].join('|'),
);
/** Able, in any person: "ur sul tzdar ad tnffs", "ur izmmr ad isunfu" (he cannot breathe any more). */
const ABLE = verb('zdar|zdr|zmmr|zmr|qdr|9dr', 'زضار|زضر|زدار|زمر|قدر');
/** Darija's habitual "ka-", "kay-" in front of a verb: "kaytqiya", "kaysil". */
const HABITUALLY = (latin: string, arabic: string): RegExp => new RegExp(`^(?:ka|kay|kat|ki)(?:y|t)?(?:${latin})(?:u|o|w)?$|^(?:كا|كي|كاي|كت)(?:ي|ت)?(?:${arabic})و?$`);
/**
 * Blood running or coming out: "ar ittazzal", "ittazzaln", "tssuf" (spills), "izzenz", "ar tffghn" (it comes out), "ئتازل",
 * Darija's "kaysil", "sal", "kaykhrj".
 */
const FLOW = new RegExp(`${verb('t?taz+a?l|z+al|s+uf|z+e?nz|f+gh', 'تازا?ل|زال|سوف|فغ').source}|${HABITUALLY('sil|khrj|xrj', 'سيل|خرج').source}|^(?:sal|سال|يسيل)$`);
/** Throwing up: "ar itqiya", "t9iyat", Darija's "يتقيا", "kaytqiya". */
const VOMIT = new RegExp(`${verb('q+i?ya|9+i?ya|qia|9ia|tqi', 'قيا|قي|تقي').source}|${HABITUALLY('q+i?ya|9+i?ya|tqi', 'قيا|تقيا').source}`);
const WOUND = words('ljr7', 'ljar7', 'jr7', 'ljrh', 'ljar', 'lgr7', 'الجرح', 'جرح');
/** Opened: "ifttḥ", "inft7", and Tachelhit's "irzm", "ئرزم". */
const OPENED = verb('ft+a?7|ft+a?h|nft+a?7|nftah|rzm|rzem', 'فتح|نفتح|تفتح|رزم');
/** A body that "is hot" ("iskhn", "ئسخن"), not the weather: Darija's "السخانة بزاف", "سخن بزاف" is a hot day. */
const FEVER = words('tawla', 'lhmma', 'l7mma', 'l7ma', 'iskhn', 'isskhn', 'tskhn', 'تاولا', 'اسخن', 'تسخن', 'الحمى', 'لحما');
/** Much, strong: "bahra", "ggutn" (plenty), Darija's "bzaf". */
const STRONG = words('bahra', 'bzaf', 'bzzaf', 'tqwa', 'ggutn', 'ggut', 'iggutn', 'بزاف', 'بهرا', 'كوتن', 'يكوتن', 'ghila', 'غيلا', 'غيلاد');
/** A child of the house, in Tachelhit: a fever in one is an emergency ("tawla n iwi"). */
const CHILD = words('arraw', 'tarwa', 'afrukh', 'tafrukht', 'ifrkhan', 'tifrkhin', 'iwi', 'yiwi', 'ayyaw', 'اراو', 'تاروا', 'افروخ', 'تافروخت', 'ايوي', 'اوي', 'يوي', ...LITTLE);
/** Not speaking, not moving: "ur isawal", "ur itmussu"; "ur isawal s tachelhit" is a language, not a collapse. */
const STILL = verb('sawal|mussu|mossu|musu|moussou', 'ساوال|موسو');
/** "ur isawal s tachelhit" (in a language), "ur isawal d yan" (with someone): speaking of a language or a person. */
const SPOKEN_WITH = words('s', 'س', 'd', 'د', 'ak', 'dis', 'iyi', 'ayi');
/**
 * Fainting and convulsions: "tghma", "ighmi", "iskhf", "ئسخفن" (they fainted), Darija's "tsakhfat", "ar ittsra3", "كيتصرع",
 * "ئتّسرع" (ئ folded to ا, ص heard as س).
 */
const FAINT = verb('ghma|ghmi|ghuma|s+a?(?:kh|x)f', 'غما|غمي|غمى|سا?خف');
const CONVULSE = /^(?:ar|ka|kay|kat|ki)?(?:i|t|y)?t{1,2}s+r+a?3(?:at|n|gh|t|u)?$|^(?:كي|كا|كت|ار)?(?:ي|ت|ا)?تت?[صس]رع$|^convulsions?$/;
/** Choking, in the third person: "ar t tkhnaq", "ikhnq", Darija's "tkhn9at", "كيتخنق". */
const CHOKE = /^(?:ar|ka|kay|kat|ki)?(?:i|t|y|it|tt|itt)?(?:kh|x)n+a?(?:q|9)(?:at|n|nt)?$|^(?:كي|كا|كت|ار)?(?:ي|ت|ا)?تت?خن+ا?ق(?:ات|ن|ت)?$/;
/** Poison swallowed: "issmm", "itsmmem", "tsmem", "مسموم"; bleach ("jafil") drunk, rat poison ("dwa n lfar") eaten. */
const POISON = /^(?:i|t|y|it|tt|itt)?s+m+[ue]?m(?:at|n|gh|x)?$|^intoxication$|^empoisonnee?$/;
const POISON_AR = words('تسمم', 'يتسمم', 'تسممات', 'مسموم', 'مسمومه', 'السم', 'سم', 'التسمم');
/** Swallowed, drank, ate: "iswa", "ichcha", "ushsha" (he ate it), "شين" (they ate), Darija's "chrb", "kla". */
const SWALLOW = verb('swa|sw|chrb|(?:ch|sh)+a?|u(?:ch|sh)+a|kla', 'سوا|شرب|شا?|وشا|كلا');
/** Bleach, rat poison, pesticide, petrol: what a child may drink or eat by mistake. */
const TOXIC = words(
  'jafil', 'javel', 'jafel', 'jabil', 'pesticide', 'lfar', 'mbid', 'lmbid', 'lisans', 'lesans', 'essence', 'petrole', 'lpetrol', 'جافيل', 'الفار', 'مبيد', 'ليصانص',
  'بترول',
  'ljafil', 'ljavel', 'ljafel',
  // Poison for livestock, locusts and bugs: "dwa n lbhaym", "dwa n ljrad".
  'lbhaym', 'ljrad', 'lbq', 'البهايم', 'الجراد', 'البق',
);
/** Pills and medicine: taken as told they are no danger, swallowed by a child or by the handful they are ("iwi ichcha lhbub"). */
const PILLS = words(
  'lhbub', 'l7bub', 'hbub', '7bub', 'lkinat', 'dwa', 'ddwa', 'ldwa', 'sirop', 'siro', 'comprimes', 'comprime', 'medicaments', 'حبوب', 'الحبوب', 'الدوا', 'دوا', 'كينات',
  'سيرو', 'سيروب', 'kachiyat', 'lkachiyat', 'kachiya', 'cachets', 'ddwayat', 'كاشيات', 'كاشيه', 'دوايات',
);
/** Many, all of them: "kiggan", "bahra", "kullu" (the whole box). */
const HANDFUL = words('kigan', 'kiggan', 'kiggann', 'bahra', 'bzaf', 'kullu', 'kulchi', 'ggutn', 'ga3', 'gaa3', 'كيكان', 'بزاف', 'بهرا', 'كولو', 'كولشي', 'كوتن', 'كاع', 'قاع');
/** A wedding or a meal many ate at: "tamghra", "l3rs", "lmakla", "imensi" (dinner). */
const MEAL = words(
  'tamghra', 'tmghra', 'tamghrat', 'l3rs', 'l3ers', 'l3urs', 'lers', 'lwalima', 'lmakla', 'makla', 'imnsi', 'imensi', 'تامغرا', 'تمغرا', 'العرس', 'عرس', 'الوليمه', 'الماكله',
  'ماكله', 'ايمنسي',
);
/** Pain where the heart is: "admar inu ar iyi ittqrrah", "ka ydrni sdri", "douleur poitrine". */
const CHEST = words('admar', 'udmar', 'ul', 'idmarn', 'sdr', 'sder', 'sdri', 'lqlb', 'lqalb', 'l9lb', 'l9alb', 'poitrine', 'ادمار', 'ادمارن', 'ول', 'صدر', 'صدري', 'قلب', 'قلبي');
/** Hurting in any person: "ar iyi ittqrrah", "ar as tqqa7" (it aches him), "ar t9ssn", Darija's "ydrr", "ka ydrni". */
const PAIN = verb('q+r+a?h|9+r+a?h|q+r+a?7|h+r+q|7+r+q|q+a7|q+ah|9+a7|q+s|9+s|wj3|wja3|drni|drr', 'قرح|قراح|حرق|وجع|ضرني|قاح|قس');
const ACHE = words('mal', 'douleur', 'الم', 'وجع', 'حريق', 'lhriq', 'l7ri9', 'lwj3');
/** A bite or sting: an animal that bites beside a verb of biting ("ibbi as ufigr", "تعضو الكلب"). */
/** Biting and stinging: "ibbi", "iqqs" (also written "ikks"), "yut" (struck), Darija's "l9sat", "3addo". */
const BITE = verb('b+i|gzm|3d+|3ad|9rs|qrs|ldgh|ls3|lsa3|q+s|9+s|kk?s|ut|mord', 'بي|عض|قرص|لدغ|لسع|قس|كس|وت');

/** Darija's "I don't want", said in Tachelhit messages too: "ma bghitch lmsajat". */
const NOT_WANT = words('mabghitch', 'mabghitsh', 'bghitch', 'mabghinach', 'مابغيتش', 'بغيتش');
/** Why, and only why: "max" (also "makh", as Tifinagh's ⵅ folds), "mayx", "magh", "mah", "ma fllas", "mafllas", "ماف". */
const WHY_ONLY = words('max', 'makh', 'mayx', 'maykh', 'maf', 'mafllas', 'fllas', 'maxf', 'magh', 'maygh', 'maghr', 'mah', 'ماخ', 'مايخ', 'ماغ', 'مايغ', 'ماغر', 'ماف', 'مافلاس', 'فلاس');
/** Why, asked of messages, and "what" that asks it too: "ماد ئيي د ئتسيفضن" is why do they send me. */
const WHY: ReadonlySet<string> = new Set([...WHY_ONLY, ...WHAT]);
/** A verb of the writer's own ("skrgh", "سكرغ"): "ماد ئرا سكرغ" is what must I do, its "ئرا" (must) no "write". */
const MY_DOING = /^[a-z0-9]{2,}(?:gh|x)$|^[\u0621-\u064A]{2,}غ$/;
/** Every day: "kullu ass", "kul yass", "كو ءاسّ", "kraygat nhar". */
const EVERY = words('kul', 'kull', 'kullu', 'ku', 'kraygat', 'كل', 'كول', 'كولو', 'كو', 'كرايكات');
const DAY = words('ass', 'yass', 'wass', 'nhar', 'lyum', 'ياس', 'واس', 'اس', 'نهار');
/** What the messages do to the writer: give a headache, annoy, weary ("ar iyi sqlaqn", "ar i sd3n", "ar iyi ttḥyyrn"). */
const BOTHER = verb('s?q+l+a?q|s?9+l+a?9|s?d+a?3|z+a?3+j|[7h]y+r|b+s+l|dw+kh|s?dha?ch', 'س?قلا?ق|صدع|زعج|حير|بسل|دوخ');
/** This, that: "bzaf ayad" (this is too much). */
const THIS = words('ayad', 'aya', 'had', 'hadchi', 'اياد', 'ايا', 'هادشي');
/** Where from: "mani d kkan lmsajat ad", Darija's "mnin", "fin". */
const WHERE = words('mani', 'manig', 'mnin', 'mnayn', 'fin', 'ماني', 'منين', 'فين');
/** Came, passed: "mani d kkan", "mani d tkkant", Darija's "jat", "jaw". */
const CAME = verb('kk|kka|ja|jat|jaw', 'كا|جا|جات|جاو');
/** Without: "bla ma sjjlgh" (without my signing up), "بلا ما سجلغ". */
const WITHOUT = words('bla', 'blama', 'بلا', 'بلاما');
/** Who writes, sends: "chkun a ittarun" (who is it that writes), "ma d isifdn", "ماد ئتّارون". */
const WRITING_ONE = /^(?:i|y|a)?(?:tt?)?(?:ar[iu]?|az+n|sifi?d|sift)(?:n|un|in)$|^(?:ي|ا)?(?:تت?)?(?:ار[يو]?|ازن|سيفض|صيفط)(?:ن|ون|ين)$/;
/** Who, the person only: "chkun a ittarun" (who is writing); "ma ittarun" may be what is written. */
const CHKUN = words('chkun', 'chkoun', 'chkon', 'shkun', 'شكون');
/** "Will": "chkun ra ittarun f lwrqa" asks who will write on the form. */
const WILL = words('ra', 'rad', 'ghad', 'را', 'راد');
/** Signed up by someone else, in the third person: "sjjln", "isjjl", "kttbn", "سجلن". */
const THEY_SIGNED_UP = /^(?:i|y)?(?:sjj?i?l|qiyd|qyd|ktt?b|kchm)(?:n|an|nin)?$|^(?:ي|ا)?(?:سجي?ل|قيد|كتب|كشم)(?:ن|ان)?$/;
/** Who or where: "ma ak ifkan numero inu" (who gave you my number), "mani ayd tufit nmra nu" (where did you find it), Darija's "fin", "chkun". */
const WHO_WHERE = words(
  'ma', 'mak', 'mad', 'mayd', 'mani', 'manis', 'mnin', 'ما', 'ماك', 'ماد', 'مايد', 'ماني', 'مانيس', 'منين', 'fin', 'fine', 'mnayn', 'chkun', 'chkoun', 'فين', 'شكون',
);
/** Given, found or got in, in any person: "ifkan", "tufit", "tufam" (you all found), "tkcmm" (it got in), Darija's "jbrti", "jbti", "lqitu", "3tak" (gave you). */
const GOT = new RegExp(
  `${verb('fk|fka|ufi|afi|ufa|afa|lqi|l9i|jbr|kcm|kchm|kshm', 'فك|فكا|وفي|افي|وفا|لقي|جبر|كشم').source}|^(?:jb|jab|l9i|lqi|khdi|jbr)(?:ti|tu|to|tou|tiw)$|^(?:جب|جاب|لقي|خدي|جبر)(?:تي|تو|تيو)$|^a?3t(?:a|i)?(?:k|kum|kom)$|^ا?عطا?(?:ك|كم)$`,
);
/** "My number" in Darija's one word too: "raqmi", "nmrti", "numeroya". */
const MY_NUMBER = new Set([...NUMBER, ...words('raqmi', 'ra9mi', 'rqmi', 'nmrti', 'nmriti', 'numeroya', 'nimirti', 'نمرتي', 'نمرتى', 'رقمي')]);
/** Never: "ur jju sjjlɣ" (I never signed up) is a complaint about the messages, not a booking. */
const NEVER = words('jju', 'jjun', 'jjiw', 'jjaj', 'جو', 'جون');
const SIGNED_UP = verb('sjjl|sjl|sjil|sjjil|qiyd|qyd|kttb|ktb|kchm', 'سجل|سجيل|قيد|كتب|كشم');
/** "I signed up", first person only: "ur sjjlgh" is mine to deny; "ur tsjjlm baba" (you did not list him) is a booking gone wrong. */
const I_SIGNED_UP = /^(?:sjj?i?l|qiyd|qyd|ktt?i?b|kchm)(?:gh|x)$|^(?:سجي?ل|قيد|كتي?ب|كشم)غ$/;
/** Them, the messages: "tent", "tnt", "tn"; "t" alone (it) may be a visit. */
const THEM = words('tent', 'tnt', 'tn', 'tnin', 'tint', 'تنت', 'تن');
/** "Stop them" in one word, the messages' "-tnt", "-tn", "-nt" glued on: "hbsatnt", "bddattn", "حبساتنت". */
const STOP_THEM = /^s?(?:bdd|7bs|hbs|wqf|w9f|qt3|9t3|bbi)(?:at|amt|m|t)?(?:tnt|ttnt|tn|ttn|tent|nt)$|^س?(?:بد|حبس|وقف|قطع|بي)(?:ات|امت|م|ت)?(?:تنت|تن|نت)$/;
const ALL = words('kulchi', 'kullchi', 'kullu', 'kolchi', 'kulu', 'tout', 'كولشي', 'كلشي', 'كولو');
/** Leave me, let me be: "fl iyi", "flat iyi", "ajjat iyi"; "ajj iyi ad …" (let me …) is undone by what follows. */
const LEAVE = verb('fl|fil|ajj', 'فل|اج');
/** Take off (a list), not erase: "ssfḍ nmra inu zg lista" wipes what is kept, "kkes numero inu zg lista nnun" (or French "retirez") stops the messages. */
const TAKE_OFF = new RegExp(`${verb('(?:kk?i?s|[7h][ai]?y+d|s7b|sehb|shb)(?:u|o|w)?', '(?:كس|كيس|حيد|حييد|سحب)و?').source}|^(?:supprim|enlev|retir)(?:er|ez|e)$`);
/** "Leave me", "take me off" typed as one word: "ajjiyi", "flatiyi", "kksiyi". */
const LEAVE_ME = /^(?:fl|flat|fil|ajj|ajjat|kks|kksat|kkis)(?:iyi|yi|ayi)$|^(?:فل|فلات|اج|اجات|كس|كسات)(?:ايي|يي)$/;
/** Off a list: "zg lista", "mn lgroup"; "liste n tbib" is the doctor's list, a cancellation. */
const FROM = words('zg', 'zgi', 'zi', 'mn', 'men', 'من', 'زك', 'زغ');
const YOUR = words('nnun', 'nnwn', 'nnk', 'نون');
/** Who or what comes off the list: me, or the number the messages go to; a name off it cancels a visit ("kkst ism inu"). */
const RECIPIENT = new Set([...words('iyi', 'yi', 'ayi', 'ايي', 'يي'), ...NUMBER]);
/** The bot that writes: "zg lbot" (off the bot); "zg lkhdma nnun" with a name too erases what is kept. */
const BOT = words('lbot', 'bot', 'robot', 'البوت', 'بوت', 'بوط', 'روبو', 'روبوت');
/** A group the messages go to ("zg lgroup"): only ever the messages', unlike a list. */
const GROUP = words('lgroup', 'group', 'groupe', 'lgrup', 'لكروب', 'الكروب');
/** WhatsApp, which the messages come by: "zg lista n whatsapp", "زڭ واتساب". */
const WHATSAPP = words('whatsapp', 'whatsap', 'watsapp', 'watsap', 'watsab', 'wtsp', 'lwatsap', 'lwatsab', 'واتساب', 'واتصاب', 'وتساب', 'الواتساب', 'واتس');
const SENDER = new Set([...BOT, ...GROUP, ...WHATSAPP]);
/** Off or in a list: "zg lista", and "g lista nnun", "غ لاليست نّون" (what is in your list comes off it). */
const OFF_OR_IN: ReadonlySet<string> = new Set([...FROM, ...words('g', 'gh', 'gi', 'ghi', 'غ', 'ك')]);
/** The service itself: "n7ayd had lkhidma" (I take off this service). */
const SERVICE = words('lkhidma', 'khidma', 'lkhdma', 'service', 'abonnement', 'labonnement', 'الخدمه', 'لخدمه', ...BOT);
const LIST = words('lista', 'liste', 'list', 'listat', 'lgroup', 'group', 'groupe', 'lgrup', 'لائحه', 'ليستا', 'ليست', 'ليسته', 'لاليست', 'لكروب', 'الكروب');
const LET_ME_DO = words('ad', 'a', 'اد', 'ا', 'lmaw3id', 'rdv', 'rendez', 'rendezvous', 't', 'ت', 'الموعد', 'موعد', 'رونديفو');
/** Too often: every day, at night, always ("lmsajat kraygat ass", "gh yid", "dima"). */
const OFTEN = words('kraygat', 'kraygatt', 'kull', 'kul', 'yid', 'ghyid', 'lil', 'dima', 'toujours', 'كراكات', 'كرايكات', 'كل', 'ييض', 'الليل', 'ديما');
/** Too many, plenty: "bahra", "bzaf", "ggutnt" (they are many), "ڭّوتنت". */
const MANY = words('bahra', 'bzaf', 'بزاف', 'بهرا', 'kullu', 'kulla', 'trop', 'ggutn', 'ggutnt', 'iggutn', 'كوتن', 'كوتنت', 'يكوتن');
const FULL = verb('3mr|3mmr', 'عمر');
/** Only so often: "ghir yat twalt f simana", "ghir mrra f chhr" asks for fewer messages. */
const ONLY = words('ghir', 'ghar', 'gher', 'seulement', 'juste', 'غير');
const TIMES = words('twalt', 'tiwal', 'tikklt', 'tikkal', 'mrra', 'lmrra', 'fois', 'توالت', 'تيكلت', 'مره', 'المره');
const PERIOD = words('simana', 'ssimana', 'semaine', 'chhr', 'ccher', 'mois', 'سيمانه', 'السيمانه', 'الشهر', 'شهر', 'الاسبوع');

/** Tachelhit's "no" in any vowel and script: "uhu", "ohu", "ala", "ؤهو" (its opening ؤ is folded to و), "أوهو". */
const NO = words('uhu', 'uhuu', 'ohu', 'oho', 'uho', 'ala', 'وهو', 'اوهو');

export const SAFETY_PATTERNS: readonly Pattern[] = [
  // "ؤهو، ؤر د نكّي أيد" (no, it is not me): a "no" with its reason after it is a "no" however long; Darija's "وهو"
  // (and he) is never followed by Tachelhit's "ur".
  { intent: 'no', steps: [NO, NEG], gap: 0, anyLength: true },
  { intent: 'emergency', steps: [NEG, BREATH], gap: 2 },
  { intent: 'emergency', steps: [NEG, ABLE, BREATH], gap: 2 },
  { intent: 'emergency', steps: [CHOKE], gap: 0, shared: true },
  { intent: 'emergency', steps: [BLOOD, NEG, HOLD], gap: 3 },
  { intent: 'emergency', steps: [NEG, HOLD, BLOOD], gap: 2 },
  { intent: 'emergency', steps: [FLOW, BLOOD], gap: 1, shared: true },
  { intent: 'emergency', steps: [BLOOD, FLOW], gap: 1, shared: true },
  { intent: 'emergency', steps: [VOMIT, BLOOD], gap: 1, shared: true },
  { intent: 'emergency', steps: [BLOOD, VOMIT], gap: 1, shared: true },
  { intent: 'emergency', steps: [WOUND, OPENED], gap: 4, shared: true },
  { intent: 'emergency', steps: [OPENED, WOUND], gap: 1, shared: true },
  { intent: 'emergency', steps: [FEVER, STRONG], gap: 1, shared: true },
  { intent: 'emergency', steps: [BLOOD, STRONG], gap: 0, shared: true, notAfter: GIVE },
  { intent: 'emergency', steps: [STRONG, FEVER], gap: 1, shared: true },
  { intent: 'emergency', steps: [CHILD, FEVER], gap: 4 },
  { intent: 'emergency', steps: [FEVER, CHILD], gap: 3 },
  { intent: 'emergency', steps: [NEG, STILL], gap: 1, unless: SPOKEN_WITH },
  // "ur sul ar tsawal", "ور سول ار يساوال": no longer speaks.
  { intent: 'emergency', steps: [NEG, ANYMORE, STILL], gap: 1, unless: SPOKEN_WITH },
  { intent: 'emergency', steps: [FAINT], gap: 0, shared: true },
  { intent: 'emergency', steps: [CONVULSE], gap: 0, shared: true },
  { intent: 'emergency', steps: [POISON], gap: 0, shared: true },
  { intent: 'emergency', steps: [POISON_AR], gap: 0, shared: true },
  { intent: 'emergency', steps: [SWALLOW, TOXIC], gap: 3, shared: true },
  { intent: 'emergency', steps: [CHILD, SWALLOW, PILLS], gap: 3 },
  { intent: 'emergency', steps: [SWALLOW, PILLS, HANDFUL], gap: 4, shared: true },
  { intent: 'emergency', steps: [SWALLOW, HANDFUL, PILLS], gap: 2, shared: true },
  // Pills swallowed and then thrown up: whoever took them, and however many.
  { intent: 'emergency', steps: [SWALLOW, PILLS, VOMIT], gap: 8, shared: true },
  // A meal or a wedding, and vomiting: "chan lhm, ghilad ar ttqiyan", "kullu ayt tmghra ar ttqiyan", "ar ttqiyan zg lli chan".
  { intent: 'emergency', steps: [SWALLOW, VOMIT], gap: 6, shared: true, positive: true },
  { intent: 'emergency', steps: [MEAL, VOMIT], gap: 8, shared: true, positive: true },
  { intent: 'emergency', steps: [VOMIT, SWALLOW], gap: 6, shared: true, positive: true },
  { intent: 'emergency', steps: [VOMIT, MEAL], gap: 6, shared: true, positive: true },
  // "udmar n baba ar as ittqrrah": whose chest may sit between it and the pain.
  { intent: 'emergency', steps: [CHEST, PAIN], gap: 4, shared: true },
  { intent: 'emergency', steps: [PAIN, CHEST], gap: 3, shared: true },
  { intent: 'emergency', steps: [ACHE, CHEST], gap: 2, shared: true },
  { intent: 'emergency', steps: [BITER, BITE], gap: 3, shared: true },
  { intent: 'emergency', steps: [BITE, BITER], gap: 3, shared: true },
  { intent: 'stop', steps: [NEG, ME, SEND], gap: 2, notBetween: WHY },
  { intent: 'stop', steps: [NEG, ME, COME], gap: 2, notBetween: WHY },
  { intent: 'stop', steps: [NEG, ME, WRITE], gap: 2, notBetween: WHY },
  { intent: 'stop', steps: [NEG, ME, WRITE_SHORT], gap: 2, notBetween: WHY },
  { intent: 'stop', steps: [NEG, ANYMORE, ME, SEND], gap: 2 },
  // "ur sul ad tazznm", "ur sul ad tarum s numero ad": never send, never write again, to me or to this number.
  { intent: 'stop', steps: [NEG, ANYMORE, SEND], gap: 1 },
  { intent: 'stop', steps: [NEG, ANYMORE, WRITE], gap: 2 },
  // "ur iyi tktbm sul", "ur sul iyi ttktabm", "ur iyi dagh tkttbm": "you write" said with "again" is the messages.
  { intent: 'stop', steps: [NEG, ME, YOU_WRITE, EVER_AGAIN], gap: 2, notBetween: WHY },
  { intent: 'stop', steps: [NEG, EVER_AGAIN, YOU_WRITE], gap: 2, notBetween: WHY },
  // "ma3ad tsifdo walo", "ورسول تازنم": "no more" as one word before "send"; "ur ttarat dagh", "ur tazznm abadan": "again" after it.
  { intent: 'stop', steps: [NO_MORE, REACHING], gap: 1 },
  { intent: 'stop', steps: [NEG, REACHING, EVER_AGAIN], gap: 0 },
  // "arrêtez les messages", "stoppez vos sms": French's stop before the messages.
  { intent: 'stop', steps: [HALT_FR, MESSAGES], gap: 2, shared: true },
  // "hbsatnt", "bddattn": stop them, the object glued to the verb.
  { intent: 'stop', steps: [STOP_THEM], gap: 0 },
  { intent: 'stop', steps: [NEG, WANT, MESSAGES], gap: 2 },
  // "ur righ ad sul d kcmnt lmsajat": I don't want the messages to come in any more.
  { intent: 'stop', steps: [NEG, WANT, ANYMORE, MESSAGES], gap: 3 },
  { intent: 'stop', steps: [NOT_WANT, MESSAGES], gap: 1, shared: true },
  { intent: 'stop', steps: [NEG, WANT, ME, ARRIVING], gap: 2 },
  // "ur sar riɣ ad iyi tarat", "ur sul righ ad iyi tarum": I don't want you to write to me (any more).
  { intent: 'stop', steps: [NEG, WANT, ME, WRITE], gap: 2 },
  { intent: 'stop', steps: [NEG, WANT, ME, WRITE_SHORT], gap: 2 },
  { intent: 'stop', steps: [STOP, MESSAGES], gap: 1, shared: true },
  { intent: 'stop', steps: [STOP, ALL], gap: 0, shared: true },
  // "hbsat tent", "bddat tn": stop them, the messages (feminine "tibratin", masculine "imsagn").
  { intent: 'stop', steps: [STOP, THEM], gap: 0 },
  { intent: 'stop', steps: [UNSUBSCRIBE], gap: 0, shared: true },
  { intent: 'stop', steps: [LEAVE, MYSELF], gap: 0, unless: LET_ME_DO },
  { intent: 'stop', steps: [REMOVE, MYSELF], gap: 0, unless: LET_ME_DO },
  { intent: 'stop', steps: [LEAVE_ME], gap: 0, unless: LET_ME_DO },
  // Off your list ("kkes numero inu zg lista nnun"): the messages' list; "zg lista" alone may be the data kept.
  { intent: 'stop', steps: [TAKE_OFF, RECIPIENT, FROM, LIST, YOUR], gap: 2, shared: true },
  { intent: 'stop', steps: [TAKE_OFF, FROM, ALL], gap: 2, shared: true },
  { intent: 'stop', steps: [TAKE_OFF, SERVICE], gap: 1, shared: true },
  { intent: 'stop', steps: [TAKE_OFF, RECIPIENT, FROM, SENDER], gap: 2, shared: true },
  // "kksat ism inu d nmra inu g lista nnun": the number may come after a name, and "in your list" says which list.
  { intent: 'stop', steps: [TAKE_OFF, NUMBER, OFF_OR_IN, LIST, YOUR], gap: 4, shared: true },
  // "ḥiydat smiyt inu zg lista n whatsapp": whoever is taken off what sends the messages; an appointment there is cancelled.
  { intent: 'stop', steps: [TAKE_OFF, FROM, SENDER], gap: 3, shared: true, notBetween: APPOINTMENT },
  // "kkst nimro inu, ur sul righ yat": my number off, and I want nothing more.
  { intent: 'stop', steps: [TAKE_OFF, RECIPIENT, NEG, WANT], gap: 4 },
  // Too many messages, or at night, is a complaint that may mean "stop": asked about, never a stop at once.
  // "merci bzaf, bddat lmsajat": a stop between "much" and the messages is said of them, not a complaint.
  { intent: 'maybe_stop', steps: [MANY, MESSAGES], gap: 2, shared: true, notBetween: STOP },
  { intent: 'maybe_stop', steps: [MESSAGES, MANY], gap: 1, shared: true },
  { intent: 'maybe_stop', steps: [FULL, MESSAGES], gap: 3, shared: true },
  { intent: 'maybe_stop', steps: [MESSAGES, OFTEN], gap: 5, shared: true },
  { intent: 'maybe_stop', steps: [OFTEN, MESSAGES], gap: 2, shared: true },
  { intent: 'maybe_stop', steps: [OFTEN, ME, ARRIVING], gap: 3 },
  { intent: 'maybe_stop', steps: [WHAT, WANT, MESSAGES], gap: 3 },
  { intent: 'maybe_stop', steps: [ONLY, TIMES, PERIOD], gap: 2, shared: true },
  // "Why do you send me these" is a complaint, not a request for more, however "why" is spelt ("mayx ayi tsifidm lmsajat").
  { intent: 'maybe_stop', steps: [WHY, ME, ARRIVING], gap: 3 },
  { intent: 'maybe_stop', steps: [WHY_ONLY, ME, ARRIVING, MESSAGES], gap: 2 },
  { intent: 'maybe_stop', steps: [WHY, ME, WRITE], gap: 3, unless: MY_DOING },
  { intent: 'maybe_stop', steps: [WHY, ME, WRITE_SHORT], gap: 3 },
  { intent: 'maybe_stop', steps: [WHY_ONLY, ME, YOU_WRITE], gap: 3 },
  // "ar iyi tktabm kullu ass", "kul ass ar ttaznm messages": what comes every day is complained of ("ad iyi d tazznm kul
  // ass" asks for it).
  { intent: 'maybe_stop', steps: [ME, REACHING, EVERY, DAY], gap: 2, notAfter: FUTURE },
  { intent: 'maybe_stop', steps: [OFTEN, AR, REACHING, MESSAGES], gap: 2 },
  // "lmsajat nnun ar iyi sqlaqnt", "ar iyi tsd3m s lmsajat": the messages annoy.
  { intent: 'maybe_stop', steps: [MESSAGES, BOTHER], gap: 3, shared: true },
  { intent: 'maybe_stop', steps: [BOTHER, MESSAGES], gap: 2, shared: true },
  { intent: 'maybe_stop', steps: [MESSAGES, MANY, THIS], gap: 3, shared: true },
  // "lmessages ad mani d kkan?": where they come from, which the writer never asked for.
  { intent: 'maybe_stop', steps: [MESSAGES, WHERE, CAME], gap: 2, shared: true },
  { intent: 'maybe_stop', steps: [WHERE, CAME, MESSAGES], gap: 2, shared: true },
  // "Who gave you my number?": a stranger's messages are a complaint that may mean "stop".
  { intent: 'maybe_stop', steps: [WHO_WHERE, GOT, MY_NUMBER], gap: 2 },
  { intent: 'maybe_stop', steps: [NEG, NEVER, SIGNED_UP], gap: 1 },
  // "nkki ur sjjlgh", "ur sjjlgh g yat", "ؤر سجّلغ غ والو": I signed up for nothing, so the messages come unasked.
  { intent: 'maybe_stop', steps: [NEG, I_SIGNED_UP], gap: 0 },
  { intent: 'maybe_stop', steps: [NEG, SIGNED_UP, NOTHING], gap: 2 },
  // "bla ma sjjlgh ar iyi tsifidm", "ماد ئيي سّجلن": signed up without asking, or by someone unknown ("bla ma sjjlgh ad d
  // ashkgh?" asks whether one may come unlisted).
  { intent: 'maybe_stop', steps: [WITHOUT, I_SIGNED_UP, AR, REACHING], gap: 2 },
  { intent: 'maybe_stop', steps: [WHO, ME, THEY_SIGNED_UP], gap: 1 },
  // "chkun a ittarun?", "ma d yi isifdn?": who writes (to me); "ma ittarun tbib" (what the doctor writes) is none.
  { intent: 'maybe_stop', steps: [CHKUN, WRITING_ONE], gap: 1, notBetween: WILL },
  { intent: 'maybe_stop', steps: [WHO, ME, WRITING_ONE], gap: 1, notBetween: WILL },
  // Its span holds the messages named, which "yi isifdn imsagn" alone would ask for.
  { intent: 'maybe_stop', steps: [WHO, ME, WRITING_ONE, MESSAGES], gap: 1, notBetween: WILL },
];
