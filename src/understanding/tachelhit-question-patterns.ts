// Tachelhit questions heard through word classes: is there a doctor, am I on the list, how does this work, what does it
// cost; and the answers around them ("I want nothing", "he no longer needs it").
import { ANYMORE, APPOINTMENT, DATA, IN, IT, LIST, ME, NEG, NO_MORE, NOTHING, NUMBER, TIME, WANT } from './tachelhit-classes.ts';
import { verb, words, type Pattern } from './tachelhit-words.ts';

/** "Is", "whether": "is", "wach", "ءيس" (folded to "اس"). */
const IS = words('is', 'wach', 'was', 'اس', 'واش');
/** There is: "illa", "tlla", "ءيلا", Darija's "kayn"; and there will be ("is ra ilin tbib n arraw", "is rad yili"). */
const THERE = words(
  'illa', 'tlla', 'lla', 'llan', 'illan', 'kayn', 'kayna', 'kaynin', 'ila', 'ilin', 'yilin', 'tilin', 'yili', 'tili', 'يلا', 'الا', 'تلا', 'لان', 'يلان', 'يلين',
  'تيلي', 'كاين', 'كاينه', 'كاينين',
);
/** You have (the caravan has): "ghurun", "darun", "ghurwn"; "is ghurun plas" asks for a place, a booking. */
const YOU_HAVE = words('ghurun', 'ghurwn', 'darun', 'دارون', 'غورون');
/** I have: "ghuri", "dari" ("ma lsa3a ayd ghuri": at what time am I). */
const I_HAVE = words('ghuri', 'dari', 'غوري', 'داري');
/**
 * Registered, entered, written, in any person and the passive: "ittuqiyd", "tqiydm", "ikchm", "ittusjjl", "tarim" (you
 * wrote), and the "-tm" Darija gives "you all" ("ئس سجّلتم ئنّا").
 */
const REGISTERED = new RegExp(
  `${verb('(?:tu|ttu)?(?:qiyd|qyd|9iyd|9yd|sjjl|sjl|kttb|ktb|kchm|ari|aru|uri)', '(?:تو|تتو)?(?:قيد|سجل|كتب|كشم)').source}|^(?:sjj?l|qiyd|qyd|kt?tb)tm$|^(?:سجل|قيد|كتب)تم$`,
);
/**
 * Registered, said with who did it and whom glued on: "is sjlmiyi" (did you register me), "is tktbtiyi", "ئس سجلميي"; a
 * bare "sjjliyi" is an order (register me), so the person is needed.
 */
const REGISTERED_ME = /^t?(?:tu|ttu)?(?:qiyd|qyd|9iyd|9yd|sjj?l|kt?tb|kchm)(?:m|mt|n|nt|t)(?:iyi|yi)$|^ت?(?:قيد|سجل|كتب|كشم)(?:م|ن|نت|ت)(?:ايي|يي)$/;
/** How, how much, which: "mamnk", "manik" (as the Souss says it), "mnnaw", "mnchk", "manwi". */
const HOW = words('mamnk', 'mamk', 'mamnck', 'manik', 'mnik', 'mnnaw', 'mnaw', 'manwi', 'manwiyad', 'manwa', 'منناو', 'مناو', 'مامك', 'مامنك', 'مانوي');
/** Works, is done: "ar tkhdam", "ar ttekhdam", "itti3ml" ("how is it used"). */
const WORKS = verb('e?khdam|e?xdam|e?khdem|khdm|xdm|3ml|t3ml|ti3ml|tt3ml|t3aml', 'خدام|خدم|عمل|تعمل');
/** It works, said of the bot only ("ar ttekhdam", "ikhdem"): "ur ssingh ad khdmgh" is the writer's own work. */
const IT_WORKS = /^(?:i|t)?(?:tt|t)?e?(?:khdam|xdam|khdem|xdem|khdm|xdm)$|^(?:ي|ت)?(?:تت|ت)?(?:خدام|خدم)$/;
/** What, in its short spelling too: "ma ra ktbɣ". */
const WHAT = words('ma', 'mad', 'mayd', 'ما', 'ماد', 'مايد');
/** Must, will: "ma ra ktbɣ" (what shall I write), "mad iqqan". */
const SHALL = words('ra', 'rad', 'ad', 'a', 'ayd', 'ira', 'ارا', 'ikhssa', 'ikhssan', 'ikhssn', 'ixssn', 'ikhssen', 'ixssen', 'ikhsn', 'ixssa', 'ixssan', 'iqqan', 'را', 'راد', 'اد', 'ئخصا', 'ئخصان', 'يخصان');
/** What a villager does with the bot: write, do, send, press. */
const ACT = verb('ktb|kttb|skr|sskr|sifd|azn|ari|tar|ara|3ml|klik|bri', 'كتب|سكر|سيفد|ازن|اري|تار|ارا|عمل');
/** Understanding: "ur fhimgh walu" (I understand nothing) asks for help. */
const UNDERSTAND = verb('fhm|fhim', 'فهم|فهيم');
/** Signing up or being written down, in any person: "ماد ئخصان ئغ ئرا يان ئسجل" (what is needed to sign up) asks how. */
const SIGN_UP = verb('sjj?l|qiyd|qyd|9iyd|inscri|kt?tb', 'سجل|قيد|كتب');
/** Able, in any person: "is tzdarm ad tarm isem n yemma" (can you write my mother's name) books her. */
const ABLE = verb('zdar|zdr|zdir', 'زضار|زضر|زدار');
const NAME = words('ism', 'isem', 'isim', 'lism', 'smiya', 'smiyt', 'اسم', 'سميه', 'سميت');
/** Let me know, in the imperative: "ssnat iyi" (tell me when it comes), "ssnamt iyi". */
const INFORM = /^(?:s?sn|s?sin)(?:at|amt)$|^سن(?:ات|امت)$/;
/** Alert me, let me know, in any person: "nbbh iyi", "nbbhat iyi", "tnbbhm iyi", "نبّه ئيي", "3lmat iyi", "khbrat iyi". */
const NOTIFY = verb('nb+h|nab+h|a?3l+m|khbr|xbr', 'نبه|نابه|علم|خبر');
/** Help as a verb, in any person: "3awnat", "3awn iyi", Darija's "3awnini". */
const HELP = verb('3awn|3awen|3awnini|3ayn', 'عاون|عاونيني');
/** Free or paid: "s blash", "mjjana", "nkhlls" (we pay); a price alone ("chhal taman") may be the market's. */
const PRICE = new RegExp(`${verb('khlls|xlls|khls|xls', 'خلص').source}|^(?:blash|blach|blech|mjjana|mjana|gratuit|gratuite|gratis|بلاش|مجانا)$`);
/** A doctor the caravan may bring: "is illa tbib n tiṭṭ". */
export const DOCTOR = words(
  'tbib', 'ttbib', 'tbiba', 'ttbiba', 'tbibn', 'ttbibn', 'tbibat', 'doctor', 'docteur', 'docteurs', 'doktor', 'specialiste', 'طبيب', 'الطبيب', 'طبيبه', 'الطبيبه',
  'طبيبن', 'الاطباء', 'دوكتور', 'tbba', 'ttbba', 'طبا',
);
/** Whether you will: "is ad iyi tsjjlm" (will you register me) asks for the booking, not about it. */
const WILL = words('ad', 'a', 'اد');
/** Which: "manwi tbibn ad d yusin" (which doctors are coming). */
const WHICH = words('manwi', 'manwiyad', 'manwa', 'manwin', 'manawt', 'مانوي', 'مانوا', 'ماناوت');
/** You know (about me): "is tssnm isem inu". */
const YOU_KNOW = words('tssnm', 'tssanm', 'tssnt', 'tssant', 'تسنم', 'تسانم', 'تسنت');
/** Registering asked for, in the imperative: "qiyd yyi", "sjjlat yemma"; "tsjjlm yemma" (did you register her) asks about it. */
const REGISTER = /^(?:s?sjj?l|qiyd|qyd|9iyd|9yd|kt?tb)(?:at|amt)?$|^(?:سجل|قيد|كتب)(?:ات)?$/;
/** "Of" someone: "numero n baba" is another's number. */
const OF_SOMEONE = words('n', 'ن');
/** The family a villager books for: "qiyd yemma", "sjjl iwi". */
const KIN = words('yemma', 'baba', 'iwi', 'yiwi', 'illi', 'mmi', 'ultma', 'gma', 'tamghart', 'argaz', 'jddi', 'inna', 'يما', 'بابا', 'ايوي', 'يلي', 'تامغارت');
/** Going, coming: "ur ira ad iddu" (he does not want to go), "ad d yashk". */
const GO = verb('ddu|ddiw|dduy|ashk|achk', 'دو|اشك');
const FUTURE = words('ad', 'a', 'rad', 'اد', 'راد');
/** Taken out by a doctor: tonsils, a tooth, a stone, a cyst ("ad as kksn lluzat" is an operation, not a cancellation). */
const TAKE_OUT = verb('kk?i?s|qla3|9la3', 'كس|كيس|قلع');
const ORGAN = words(
  'lluzat', 'luzat', 'amygdales', 'amygdale', 'tighmst', 'tighmas', 'tughmst', 'tughmas', 'ssnan', 'snan', 'dent', 'dents', 'drs', 'dders', 'lhjra', 'lhjr',
  'kyst', 'lkyst', 'lmrara', 'cataracte', 'لوزات', 'اللوزات', 'تيغمست', 'تيغمس', 'سنان', 'الضرس', 'ضرس', 'الحجره', 'المراره',
);
/** Knowing how: "ur ssingh ad ktbgh" (I do not know how to write) asks for help, not to be registered. */
const KNOW_HOW = verb('ssn|ssin', 'سن|سين');
/** "What" glued to the verb it asks about: "ur ssingh madskrgh" (I don't know what to do), "mad nskr" written "madnskr". */
const WHAT_DO_GLUED = /^ma(?:y?d)?(?:ad|a|ra|rad)?(?:n|t|i)?(?:s?skr|kt?tb|3ml)(?:gh|x|n|m)?$|^ما(?:ي?د)?(?:ن|ت|ي)?(?:سكر|كتب)(?:غ|ن|م)?$/;
/** Needing: "ikhssa", "ihtaj", "ixssa". */
const NEED = words('ikhssa', 'ixssa', 'ikhssan', 'tkhssa', 'ihtaj', 'htaj', 'nhtaj', 'ihtaja', 'اخصا', 'يخصا', 'يحتاج', 'احتاج');
/** Knowing or understanding, in any person: "ur ssingh", "ur fhimgh", "ur nfhim". */
const KNOWING = new RegExp(`${KNOW_HOW.source}|${UNDERSTAND.source}`);
/** Needing in any person: "nḥtaj", "htajgh", "ؤر نحتاج", as well as "ikhssa". */
const NEEDING = new RegExp(`^(?:${[...NEED].join('|')})$|${verb('h?taj|7taj', 'حتاج').source}`);
/** What a visit is booked for: an appointment, an operation, a doctor. */
const VISIT: ReadonlySet<string> = new Set([
  ...APPOINTMENT,
  ...DOCTOR,
  ...words('l3amaliya', 'l3amalia', 'l3mliya', 'l3amaliyya', 'amaliya', 'operation', 'loperation', 'lopiration', 'opiration', 'عمليه', 'لعمليه', 'اوبيراسيون'),
]);
/** Subscribing: "abonni yyi", "inscri iyi", "sjjl iyi f lkhbar". */
const SUBSCRIBE = verb('abon+i|abun+i|abonn|inscri|nscri', 'ابوني|انسكري');
/** Where and what of health: "mani g tlla l3afit" (how are you) asks after the villager, not the caravan. */
const WHERE = words('mani', 'manig', 'ماني', 'مانيك');
/** How, as a greeting asks it: "mamnk", "manik", "ma" ("ma tgit"). */
const HOW_ARE = words('mamnk', 'mamnck', 'mamk', 'mamek', 'manik', 'mnik', 'ma', 'مامنك', 'مامك', 'مانيك', 'ما');
/** You are, to one or to all: "tgit", "tgid", "antgit" (glued to "a"), "tgam", "تڭيت" (ڭ is folded to ك). */
const YOU_ARE = /^(?:a|an|at)?tt?g(?:it|id|am|amt|im)$|^(?:ا|ات)?تت?ك(?:يت|يد|ام|امت|يم)$/;
/** Well: "labas", "bikhir", "mzyan". */
const FINE = words('labas', 'bikhir', 'bkhir', 'mzyan', 'لاباس', 'بيخير', 'بخير', 'مزيان');
/** "How are you" written as one word: "matgit", "mamnkatgit", "ماتڭيت". */
const HOW_ARE_YOU = /^(?:ma|mamnk|mamk|manik)(?:a|an|at)?tt?g(?:it|id|am|im)$|^(?:ما|مامنك|مامك)ا?تت?ك(?:يت|يد|ام|يم)$/;
/** Beginning, in any person: "ur ssingh mani gh rad bdugh" (I don't know where to begin) asks how to use the bot. */
const BEGIN = verb('bdu|bda', 'بدو|بدا');
const HEALTH = words('l3afit', 'l3afiya', 'lahna', 'sa77a', 'لعافيت', 'العافيت', 'لعافيه', 'لاهنا');
/** "Peace be upon you" in any spelling: "salamou 3alikoum", "salamu 3alaykum", "السلام عليكوم". */
const SALAM = words('salam', 'salamu', 'slam', 'assalam', 'assalamu', 'سلام', 'السلام', 'سلامو');
const UPON_YOU = /^(?:3|a)?(?:a|e)?l(?:a|i|e)?(?:y|i)?k(?:u|o|ou)?m$|^علي(?:ك|كو)م$/;
/** With or without money: "is bla flus", "ئس س لفلوس نغد باطل" (is it paid or free). */
const WITH_OR_WITHOUT = words('bla', 's', 'b', 'بلا', 'س', 'ب');
const MONEY = words('flus', 'lflus', 'flous', 'lflous', 'فلوس', 'لفلوس');

export const QUESTION_PATTERNS: readonly Pattern[] = [
  // "is ghuri kra n rendez vous", "ءيس ءيلا لموعد ن يمّا": am I (is she) booked.
  { intent: 'my_appointments', steps: [IS, I_HAVE, APPOINTMENT], gap: 3, shared: true },
  { intent: 'my_appointments', steps: [IS, THERE, APPOINTMENT], gap: 2, shared: true },
  { intent: 'my_appointments', steps: [WHAT, TIME, I_HAVE], gap: 2 },
  // "is ittuqiyd baba", "ئس تقيدم ئيي", "is ikchm isem inu": a registration asked about, not asked for ("is ad iyi tsjjlm").
  { intent: 'my_appointments', steps: [IS, REGISTERED], gap: 0, shared: true, sure: true },
  { intent: 'my_appointments', steps: [IS, REGISTERED_ME], gap: 0, sure: true },
  // "is iyi tqiydm" (did you register me), the "me" before the verb.
  { intent: 'my_appointments', steps: [IS, ME, REGISTERED], gap: 0, sure: true },
  { intent: 'book', steps: [IS, WILL, ME, REGISTERED], gap: 0, sure: true },
  // "is illa tbib n tiṭṭ", "is ghurun tbib n walln": what the caravan offers.
  { intent: 'campaigns_info', steps: [IS, THERE, DOCTOR], gap: 2, shared: true },
  { intent: 'campaigns_info', steps: [WHAT, THERE, DOCTOR], gap: 1, shared: true },
  { intent: 'campaigns_info', steps: [WHICH, DOCTOR], gap: 0, shared: true },
  { intent: 'campaigns_info', steps: [IS, YOU_HAVE, DOCTOR], gap: 2, shared: true },
  { intent: 'my_data', steps: [IS, YOU_KNOW, DATA], gap: 1 },
  // "qiyd iyi", "sjjlat iyi", "كتبات يما": an order to register me or my kin, which no look-alike request in the table overrules.
  { intent: 'book', steps: [REGISTER, ME], gap: 0, positive: true, sure: true },
  { intent: 'book', steps: [REGISTER, KIN], gap: 0, positive: true, sure: true },
  // "qiyd tt", "ktb smiya nu", "كتب ئسم ئنو": register her, write my name down.
  { intent: 'book', steps: [REGISTER, IT], gap: 0, positive: true },
  { intent: 'book', steps: [REGISTER, NAME], gap: 1, shared: true, positive: true },
  // "kttbat numiro nu", "ssjlat numero ad i lakhbar": one's phone number written down is to be told; its span covers "g
  // lista". "sjjl numero n baba" (his number) comes with booking him.
  { intent: 'subscribe', steps: [REGISTER, NUMBER], gap: 0, shared: true, positive: true, unless: OF_SOMEONE },
  { intent: 'subscribe', steps: [REGISTER, NUMBER, IN, LIST], gap: 1, shared: true, positive: true },
  { intent: 'book', steps: [TAKE_OUT, ORGAN], gap: 1, shared: true },
  { intent: 'campaigns_info', steps: [PRICE], gap: 0, shared: true },
  { intent: 'campaigns_info', steps: [WITH_OR_WITHOUT, MONEY], gap: 0, shared: true },
  { intent: 'greeting', steps: [SALAM, UPON_YOU], gap: 0, shared: true },
  { intent: 'greeting', steps: [WHERE, IN, THERE, HEALTH], gap: 0 },
  // "mamnk a tgit", "ma tgid", "manik antgit", "مامنك ا تڭيت": how are you, asked after the writer's health.
  { intent: 'greeting', steps: [HOW_ARE, YOU_ARE], gap: 1 },
  { intent: 'greeting', steps: [HOW_ARE_YOU], gap: 0 },
  // "is tgit labas", "ءيس تكيت لاباس": are you well.
  { intent: 'greeting', steps: [IS, YOU_ARE, FINE], gap: 0 },
  // "mamnk ar tkhdam", "mamnk ad itti3ml", "ma ra ktbɣ", "mad ikhssa ad ktbɣ": how to use the bot.
  { intent: 'help', steps: [HOW, SHALL, WORKS], gap: 1, anyLength: true },
  { intent: 'help', steps: [HOW, WORKS], gap: 1, anyLength: true },
  { intent: 'help', steps: [WHAT, SHALL, ACT], gap: 0, anyLength: true },
  { intent: 'help', steps: [WHAT, SHALL, SHALL, ACT], gap: 0, anyLength: true },
  { intent: 'help', steps: [HELP], gap: 0, shared: true, anyLength: true },
  { intent: 'help', steps: [NEG, KNOW_HOW, ACT], gap: 3, anyLength: true },
  // "ur ssinɣ ma s ar ttekhdam" (I don't know how it works): how the bot works is asked, as with "mamnk ar tkhdam".
  { intent: 'help', steps: [NEG, KNOW_HOW, IT_WORKS], gap: 3, anyLength: true },
  { intent: 'help', steps: [NEG, KNOW_HOW, WHAT_DO_GLUED], gap: 3, anyLength: true },
  { intent: 'help', steps: [NEG, KNOW_HOW, WHERE, BEGIN], gap: 3, anyLength: true },
  // "ur fhimgh walu"; "ur sar nfhm walu" (I no longer understand any of it) complains of the messages.
  { intent: 'help', steps: [NEG, UNDERSTAND, NOTHING], gap: 0, anyLength: true },
  // "ur fhimgh mad ixssan ad t aragh" (I don't understand what I must write), "ور سينغ ما را سكرغ": what to do is not known.
  { intent: 'help', steps: [NEG, KNOWING, WHAT, SHALL, ACT], gap: 3, anyLength: true },
  { intent: 'help', steps: [WHAT, SHALL, SIGN_UP], gap: 4, anyLength: true },
  // "mamnk ayd ra skrgh ad sjjlgh", "mamk ad tsjjlm iwi": how to sign up asks for help, and covers the booking verb in it.
  { intent: 'help', steps: [HOW, SHALL, SIGN_UP], gap: 4, anyLength: true, sure: true },
  // "ma ikhssn ad skrgh bach ad ktbgh baba": what to do in order to sign up, the whole of it.
  { intent: 'help', steps: [WHAT, SHALL, ACT, SHALL, SIGN_UP], gap: 2, anyLength: true, sure: true },
  { intent: 'help', steps: [HOW, SHALL, ACT, SHALL, SIGN_UP], gap: 2, anyLength: true, sure: true },
  { intent: 'book', steps: [ABLE, ACT, NAME], gap: 2, positive: true },
  { intent: 'subscribe', steps: [INFORM, ME], gap: 0, positive: true },
  { intent: 'subscribe', steps: [NOTIFY, ME], gap: 0, positive: true },
  { intent: 'subscribe', steps: [SUBSCRIBE, ME], gap: 1, shared: true },
  // "ur sar ikhssa rdv nns": the appointment is no longer needed.
  // "ؤر سول نحتاج لعملية ن ئيوي", "ma3ad ihtaj tbib": the operation or the doctor no longer needed calls the visit off.
  { intent: 'cancel', steps: [NEG, ANYMORE, NEEDING, VISIT], gap: 2 },
  { intent: 'cancel', steps: [NO_MORE, NEEDING, VISIT], gap: 2 },
  // "ur sar nra lmaw3id", "baba ur sul ira tbib", "ur sul nra ad nddu": the visit no longer wanted.
  { intent: 'cancel', steps: [NEG, ANYMORE, WANT, VISIT], gap: 1 },
  { intent: 'cancel', steps: [NEG, ANYMORE, WANT, FUTURE, GO], gap: 1 },
  { intent: 'no', steps: [NEG, WANT, NOTHING], gap: 1 },
  // "urssul righ": I want no more (an appointment no longer wanted is a cancellation).
  { intent: 'no', steps: [NO_MORE, WANT], gap: 0, unless: APPOINTMENT },
  { intent: 'no', steps: [NEG, WANT, FUTURE, GO], gap: 1, anyLength: true },
];
