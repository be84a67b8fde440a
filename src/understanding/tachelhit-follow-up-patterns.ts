// Tachelhit follow-ups of a villager already known to the caravan, heard through word classes: am I on the list, when do I
// go, show me my data or the menu, you wrote it wrong, tell me when it comes, call me or let me speak to the doctor, where
// will it be, is it free, you need blood.
import { APPOINTMENT, BLOOD, DATA, IN, LIST, ME, MESSAGES, NEG, SEND, SPEAK, TELL, TIME, WANT } from './tachelhit-classes.ts';
import { DOCTOR } from './tachelhit-question-patterns.ts';
import { verb, words, type Pattern } from './tachelhit-words.ts';

const IS = words('is', 'wach', 'اس', 'واش');
/** Being, in any person: "is gigh g liste" (am I on the list), "is tga yemma". */
const BE = words(
  'gigh', 'ggigh', 'gix', 'ggix', 'tgit', 'tgid', 'iga', 'tga', 'nga', 'gan', 'igan', 'ig', 'igi', 'tgi', 'ga',
  'كيغ', 'ككيغ', 'تكيت', 'تكيد', 'ايكا', 'يكا', 'تكا', 'نكا', 'كان', 'اكان', 'ايكان', 'اك', 'يك', 'ايكي', 'يكي', 'تكي', 'كا',
);
/** Being, said of a thing: "ur ig", "ur t iga", "ؤر ئگ"; "ur ssinx ma tgit" (I don't know who you are) is no correction. */
const IT_IS = words('ig', 'iga', 'igi', 'tga', 'ga', 'اك', 'يك', 'ايكا', 'يكا', 'تكا', 'ايكي', 'يكي');
/** What, short or long: "ma ghurun", "mad gan", "mayd tktbm". */
const WHAT = words('ma', 'mad', 'mayd', 'madd', 'ما', 'ماد', 'مايد');
/** Show, in any person: "ml iyi", "mlat iyi", "sskn iyi" (Darija's "wrri li"). */
const SHOW = verb('ml|mml|mel|mmel|sskn|skn|wrri|wri', 'مل|ميل|سكن|وري');
/** Kept by the caravan: "ghurun" (you have), "tssnm" (you know), "tsjjlm" (you registered), "tktbm" (you wrote). */
const YOU_KEEP = words(
  'ghurun', 'ghurwn', 'darun', 'tarim', 'tarum', 'tssnm', 'tssanm', 'tkttbm', 'tktbm', 'tsjjlm', 'tsjlm', 'tqiydm', 'غورون', 'دارون', 'تاريم', 'تاروم', 'تسنم', 'تكتبم',
  'تسجلم', 'تقيدم', 'تارم',
);
/** Having or knowing only: "is ghurun numero inu" asks what is kept, "is tsjjlm ism inu" whether one is registered. */
const YOU_HAVE = words('ghurun', 'ghurwn', 'darun', 'tssnm', 'tssanm', 'غورون', 'دارون', 'تسنم');
/** About me: "fllai", "flli", "zgi" ("ماد ءيلان غ لّيسطا فلّي", what your list holds about me). */
const ABOUT_ME = words('fllai', 'flli', 'fllawi', 'zgi', 'ghifi', 'fllagh', 'fllax', 'فلاي', 'فلي', 'زكي', 'غيفي', 'فلاغ');
/** There is, in the forms a relative clause takes: "mad illan", "ma llan", "ماد ءيلان". */
const THERE_IS = words('illan', 'llan', 'ilan', 'illa', 'tlla', 'يلان', 'ايلان', 'لان', 'يلا', 'تلا');
/** From, about: "zg lm3lomat inu", "fllai". */
const OF = words('zg', 'zgi', 'g', 'gh', 'f', 'fllai', 'زك', 'زكي', 'غ', 'ف', 'فلاي');
const MENU = words('lmenu', 'menu', 'lmeni', 'meni', 'lmenyu', 'مينيو', 'منيو');
/** The choices the bot offers: "mad gan lkhyarat" (what are the choices). */
const CHOICES = words('lkhyarat', 'lkhiyarat', 'khyarat', 'lkhayarat', 'likhtiyarat', 'ikhtiyarat', 'choix', 'options', 'خيارات', 'الخيارات', 'اختيارات', 'الاختيارات');
/** When or which day: "mlmi", "manza ass", "mnshk" (how much, at what hour). */
const WHEN_ASKED = words('mlmi', 'mlmmi', 'manza', 'manzaku', 'manzagu', 'manak', 'mnshk', 'mnchk', 'mnck', 'ملمي', 'مليمي', 'مانزا', 'ماناك', 'منشك');
/** Going or coming, said of oneself only: "ad ddugh", "rad d ashkx", "ghan ad ddux". */
const I_GO = /^(?:ad|d|a)?(?:ddu|dduy|ddiw|ashk|achk|ask|ack|ash|as|kchm|kcm)(?:gh|x)$|^(?:اد|د)?(?:دو|اشك|اسك|اس|كشم)غ$/;
/** Today, tomorrow, before "it is … that": "ghassad ayd rdv n illi" (is my daughter's appointment today). */
const DAY = words('ghassad', 'ghasad', 'ghassa', 'askka', 'azkka', 'askk', 'غاساد', 'اسكا', 'ازكا');
const THAT_IS = words('ayd', 'aydd', 'ayad', 'ايد');
/** Mine or my family's: "lmaw3id inu", "لكود انو", "rdv n yemma". */
const MINE = words('inu', 'inou', 'ino', 'nu', 'nnu', 'ينو', 'اينو', 'انو', 'نو', 'yemma', 'baba', 'illi', 'iwi', 'mmi', 'يما', 'بابا', 'يلي', 'ايوي');
const OF_KIN = words('n', 'ن');
/** A day or time, with the "u-" of "yan uss" (one day) that Arabic script writes "ؤسّ". */
const DAY_OR_TIME: ReadonlySet<string> = new Set([...TIME, ...words('uss', 'wuss', 'وس')]);
/** Other, in the plural and Arabic script's spellings: "yan wass idnin", "يان واس يضنين", "ؤسّ ياضنين". */
const OTHER = words('idnin', 'yadnin', 'ydnin', 'yaḍnin', 'يضنين', 'ياضنين', 'اضنين', 'يادنين', 'ايضنين');
/** I have: "ayd ghuri" (that I have). */
const I_HAVE = words('ghuri', 'dari', 'غوري', 'داري');
/** The appointment with its article glued on, as "l'rendez-vous" is often written. */
const APPOINTMENT_GLUED = words('lrendez', 'lrendezvous', 'lrdv', 'lcode', 'لرونديفو', 'لموعد');
/** Wrote, said of you: "tarum ghlat" (you wrote it wrong), "tktbm", "turim". */
const YOU_WROTE = /^(?:t|tt)(?:ar[iu]?|ur[iu]?)(?:m|mt|t|d)$|^(?:t|tt)kk?tt?b(?:m|mt|d)$|^(?:ت|تت)(?:ار[يو]?|كتب)(?:م|مت|د)$/;
/** Wrong, said of what was written: "ghlat"; "ghltgh" (I erred) owns the mistake and asks nothing. */
const WRONG = words(
  'ghlat', 'ghalat', 'ghalt', 'ghlt', 'ghlet', 'ghlta', 'ghalta', 'lghlat', 'ghld', 'lkhata2', 'lkhatae', 'khata2', 'lkhta2', 'erreur', 'غلط', 'غالط', 'غلض', 'لغلط',
  'الخطا', 'خطا',
);
/** Well, rightly: "ur t tarim mzyan" (you did not write it right). */
const WELL = words('mzyan', 'mzyana', 'mziyan', 'ghmklli', 'sswab', 'مزيان', 'مزيانا', 'صواب');
/** Being there, now or to come: "is tlla lqafila", "is rad tili". */
const BE_THERE = words('tlla', 'illa', 'tili', 'ttili', 'ghtili', 'تلا', 'يلا', 'تيلي', 'تتيلي');
/** Years of age: "ghurs 9 snin machi 19". */
const YEARS = words('snin', 'snn', 'asggwas', 'asggas', 'usggas', 'isggasn', 'isggusa', 'l3am', '3am', 'سنين', 'سنه', 'عام', 'اسكواس', 'يسكوسا');
const NOT_BE = words('machi', 'mashi', 'machii', 'ماشي');
/** "When it comes": "ig", "iɣ", Darija's "ila", "mlli" (once). */
const WHEN = words('igh', 'ig', 'ikh', 'ix', 'ighd', 'ila', 'ida', 'mlli', 'mli', 'mlmi', 'اغ', 'يغ', 'ايلا', 'الا', 'ملي', 'ملمي');
/** The caravan arriving, in any person: "tusa", "d tas", "tushka", "ad d ilkm". */
const ARRIVES = verb('(?:a|u)(?:sh|ch|c|s)k|as|usa?|lkm', '(?:ا|و)(?:ش|س)ك|اس|وسا?|لكم');
/** Coming, said of a doctor or doctors: "ad d yas", "rad d yasin", "ad d tashk"; "is rad d tasd" (will you come) asks the villager. */
const THEY_COME = /^(?:ad|d)?(?:i|y|t)?(?:ashk|achk|ack|ask|as|usa|lkm)(?:n|in|nt|int)?$|^(?:اد|د)?(?:ا|ي|ت)?(?:اشك|اس|وسا|لكم)(?:ن|ين|نت)?$/;
/** Letting know, in the imperative or any person: "nbbh iyi" (warn me), "3lmat iyi", "khbrat iyi". */
const NOTIFY = verb('nbbh|nbh|3lm|a3lm|khbr|xbr|siwd|swd|wsl', 'نبه|علم|خبر|سيود|وصل');
/** Tell, in the imperative: "ئنات ئيي ئغ راد د تاشكم" (tell me when you come); "inna yi" (he told me) is news. */
const TELL_SHORT = /^(?:ini|inat|inamt|inim|inayat|iniyat)$|^(?:اني|اين|انات|اينات|انيات|انامت|اينامت|انايات)$/;
/** Registering, in any person: "ريغ اد سجّلغ غ لأخبار" (I would sign up for the news) is asking to be told. */
const SIGN_UP = verb('sjj?l|qiyd|qyd|9iyd|inscri|abon+i', 'سجل|قيد');
const NEWS = words('lkhbar', 'lakhbar', 'lkhbarat', 'akhbar', 'الاخبار', 'اخبار', 'لخبار');
/** Where, in every spelling: "mani", "manig", "مانيگ", "maniɣ". */
const WHERE = words('mani', 'manig', 'manigh', 'maniɣ', 'mnig', 'ماني', 'مانيك', 'مانيغ', 'منيك');
/** The caravan by any of its names. */
const CARAVAN = words('lkaravana', 'karavana', 'lkarafana', 'lqafila', 'lkafila', 'l9afila', 'lhamla', 'لكارافانا', 'كارافانا', 'القافله', 'لقافله', 'لقافلا', 'الحمله', 'لحمله');
/** By phone: "ad iyi isawl s tilifun" asks for a person to call. */
const PHONE = words('tilifun', 'ttilifun', 'tilifon', 'telephone', 'lhatif', 'portable', 'تيليفون', 'التيليفون', 'الهاتف', 'بورطابل');
const BY = words('s', 'f', 'g', 'س', 'ف', 'غ');
/** Hither, the particle a verb of coming or speaking to me takes: "ad iyi d isawl". */
const HITHER = words('d', 'د');
/** Calling: "3ayyt iyi", "ghr iyi". */
const CALL = verb('3yt|3ayt|ghr', 'عيط|غر');
const ASK_TO_KNOW = new RegExp(`${NOTIFY.source}|${TELL.source}|${TELL_SHORT.source}|${SEND.source}|${SPEAK.source}|${CALL.source}`);

/** Speaking in a language is another matter: "tbib ar isawal s tachelhit", "ad iyi d isawl s tachelhit". */
const IN_LANGUAGE = words('s', 'b', 'bi', 'س', 'ب', 'tachelhit', 'tachlhit', 'tashelhit', 'chl7a', 'tamazight', 'l3arbiya', 'ta3rabt', 'تاشلحيت', 'شلحه', 'تمازيغت', 'تعرابت');
const WITH = words('d', 'د', 'dids', 'didk', 'didun', 'ديدس', 'm3a', 'مع');
/** Needing, said to you all: "iɣ t7tajam idammen" (if you need blood), the habitual "ttaḥtajam", "tkhssam". */
const YOU_NEED = /^(?:t|tt)a?(?:7|h)taja?(?:m|mt|d)$|^t(?:kh|x)ssa(?:m|mt)$|^(?:ت|تت)حتاجا?(?:م|مت)$/;
/** Needed by anyone: "ig ikhssa idammn, siwl iyi" offers blood too, when it asks to be called. */
const NEEDED = new RegExp(`${YOU_NEED.source}|^(?:i|tt?u)?(?:kh|x)ssa$|^i(?:7|h)taj$|^(?:ي|ا)?خصا$`);
/** Which, how many: "mnnaw tbibn ad d yashkn" (which doctors come) asks what the caravan brings, not for a doctor. */
const WHICH = words('mnnaw', 'mnaw', 'manwi', 'manwa', 'manwin', 'mad', 'mayd', 'منناو', 'مناو', 'مانوي', 'ماد', 'مايد');
/** Written down or entered, in any person: "ad iyi tktbm g lista", "ad kchmgh g liste". */
const ENTER = verb('kk?tt?b|sjj?l|qiyd|qyd|9iyd|kchm|kcm|dkhl', 'كتب|سجل|قيد|كشم|دخل');
const WILL = words('ad', 'a', 'rad', 'اد', 'راد');
/** Moved, in the spelling that drops the "u": "سمتّيات لموعد", "smttlat rdv". */
const MOVE = verb('s?smt+(?:l|i|li)', 'س?سمت(?:ل|ي|لي)');
/** Signing up, with Darija's "sajl" and the vowel the ear hears before "-gh" ("rig adsajlag tamgart inou"). */
const SIGN_UP_ANY = new RegExp(`${ENTER.source}|^(?:ad|a)?(?:n|t)?s?saj+[ae]?l(?:a?gh|ag|a?x)$|^(?:اد)?(?:ن|ت)?ساجل(?:غ)?$`);
/** Seeing a doctor, in any person: "ri ad tzr tbiba", "ريغ اد زرغ طبيب". */
const SEE = verb('zr|zar|zur|zer', 'زر|زار|زور');
/** Doing, in any person: "ri ad skrgh lecho" (I want to have the scan), "ira ad iskr analyse". */
const DO = verb('s?skr|3ml', 'س?سكر|عمل');
/** Put me, as an order: "zaydat iyi gh liste", "زايد ئي ف ليستا", "skr iyi g lista". */
const PUT = /^(?:zid|zayd|zaid|zayed|s?skr|dkhl|kt?tb|sjj?l|qiyd|qyd)(?:at|amt)?$|^(?:زيد|زايد|سكر|دخل|كتب|سجل|قيد)(?:ات)?$/;
/** Lost, wiped: "tmsa7 lmsaj" (the message was erased) asks for what it said again, not to erase anything. */
const LOST = words('tmsa7', 'tmsah', 'itmsa7', 'ttmsa7', 'ttusfd', 'ittusfd', 'ttusfad', 'da3', 'ضاع');
/** In place of: "f l3chiya blast sbah", "ف ليوم ن لحد ماشي ف السبت", "tadggwat machi tifawt". */
const INSTEAD = words('machi', 'mashi', 'blast', 'blasst', 'fblast', 'bdal', '3wd', '3iwad', 'ماشي', 'بلاصت', 'عوض', 'بدال');
/** Being, of the appointment to come: "rix ad iga rendez-vous ghi tadggwat", "ri3 ad yili". */
const WILL_BE = words('iga', 'ig', 'yga', 'yili', 'ili', 'tili', 'ikun', 'ykun', 'يكا', 'ايكا', 'اك', 'يلي', 'ايلي', 'تيلي');
/** You all, or the caravan, coming: "manak ass ad d tasim?", "manza ass ad d tashkm". */
const YOU_COME = /^(?:ad|d)?tt?(?:as|ashk|achk|ack|ask|usa)(?:m|mt|im|in|int|nt)?$|^(?:اد|د)?تت?(?:اس|اشك|وسا)(?:م|مت|ين|نت)?$/;
/** Pressing a button: "fin ad brkx?", "mani ad klikigh". */
const PRESS = verb('brk|bark|klik|kliki|click|tbrk', 'برك|كليك');
/** Where, in Darija too: "fin ad brkx". */
const WHERE_ANY = new Set([...WHERE, ...words('fin', 'fine', 'فين')]);
/** Free of charge: "is lkaravana batl" ("batl" alone may be an order to stop). */
const FREE = words('batl', 'batel', 'fabor', 'fabour', 'fabur', 'bla flus', 'باطل', 'فابور');

export const FOLLOW_UP_PATTERNS: readonly Pattern[] = [
  // "is gigh g liste", "ئس گيغ غ ليستا", "is tga yemma g lista": a place on the list asked about, not asked for.
  { intent: 'my_appointments', steps: [IS, BE, LIST], gap: 2, shared: true, sure: true },
  // "ml iyi lmaw3id inu", "mlat iyi lcode": the appointment shown.
  { intent: 'my_appointments', steps: [SHOW, ME, APPOINTMENT], gap: 2 },
  { intent: 'my_appointments', steps: [SHOW, ME, APPOINTMENT_GLUED], gap: 2 },
  // "mlmi ghan ad ddux", "manza ass ad d ashkgh": when the writer goes, which only the booking says.
  { intent: 'my_appointments', steps: [WHEN_ASKED, I_GO], gap: 3, anyLength: true },
  { intent: 'my_appointments', steps: [DAY, THAT_IS, APPOINTMENT], gap: 1, shared: true },
  { intent: 'my_appointments', steps: [DAY, THAT_IS, APPOINTMENT_GLUED], gap: 1, shared: true },
  // "lmaw3id inu azkka?", "لكود انو عافاك", "rdv n yemma": one's own appointment named asks about it; a verb to call it off
  // or move it says more, and a guess must not read it as one.
  { intent: 'my_appointments', steps: [APPOINTMENT, MINE], gap: 0, shared: true },
  { intent: 'my_appointments', steps: [APPOINTMENT, OF_KIN, MINE], gap: 0, shared: true },
  { intent: 'my_appointments', steps: [APPOINTMENT_GLUED, OF_KIN, MINE], gap: 1, shared: true },
  // "ماد ئگان لكود ئنو" (what is my code).
  { intent: 'my_appointments', steps: [WHAT, BE, APPOINTMENT], gap: 1 },
  // "manza ass ayd ghuri", "mlmi ayd ghuri rdv": when the writer's own turn is.
  { intent: 'my_appointments', steps: [WHEN_ASKED, THAT_IS, I_HAVE], gap: 2 },
  // "is ilkm lmaw3id n baba", "ءيس ءيلكم لموعد": whether an appointment was given.
  { intent: 'my_appointments', steps: [IS, ARRIVES, APPOINTMENT], gap: 1, shared: true },
  // "ma ghurun zg lm3lomat inu", "ml iyi ma tsjjlm": what is kept about the writer.
  { intent: 'my_data', steps: [WHAT, YOU_KEEP, OF, DATA], gap: 1 },
  { intent: 'my_data', steps: [SHOW, ME, DATA], gap: 2 },
  { intent: 'my_data', steps: [SHOW, ME, WHAT, YOU_KEEP], gap: 0 },
  // "ماد ءيلان غ لّيسطا فلّي", "mad tarim fllai": what is written about me.
  { intent: 'my_data', steps: [WHAT, THERE_IS, ABOUT_ME], gap: 4 },
  { intent: 'my_data', steps: [WHAT, YOU_KEEP, ABOUT_ME], gap: 1 },
  { intent: 'my_data', steps: [IS, YOU_HAVE, DATA], gap: 1 },
  // "tarum ghlat f l3mr ns", "ghlt g isem inu", "9 snin machi 19", "دوار ن تمغارت ئنو ؤر ئگ تيكيوين".
  { intent: 'correct_data', steps: [YOU_WROTE, WRONG], gap: 1 },
  { intent: 'correct_data', steps: [YOU_WROTE, DATA, WRONG], gap: 3 },
  { intent: 'correct_data', steps: [NEG, YOU_WROTE, WELL], gap: 1 },
  { intent: 'correct_data', steps: [WRONG, DATA], gap: 2, shared: true },
  { intent: 'correct_data', steps: [YEARS, NOT_BE], gap: 0, shared: true },
  { intent: 'correct_data', steps: [DATA, NEG, IT_IS], gap: 4 },
  // "سمتّيات لموعد نس", "yan wass idnin i rdv": the appointment moved, or another day asked for.
  { intent: 'reschedule', steps: [MOVE, APPOINTMENT], gap: 2, shared: true },
  { intent: 'reschedule', steps: [DAY_OR_TIME, OTHER], gap: 1 },
  // "f tadggwat machi f tifawt", "l3chiya blast sbah": one time in place of another.
  { intent: 'reschedule', steps: [DAY_OR_TIME, INSTEAD, DAY_OR_TIME], gap: 1, shared: true },
  // "rix ad iga rendez-vous ghi tadggwat": the appointment wanted at another time.
  { intent: 'reschedule', steps: [WANT, WILL, WILL_BE, APPOINTMENT, DAY_OR_TIME], gap: 3, positive: true },
  // "manza code inu? tmsa7 lmsaj": the message with the appointment lost; "tmsa7" is no order to erase.
  { intent: 'my_appointments', steps: [LOST, MESSAGES], gap: 1, shared: true },
  { intent: 'my_appointments', steps: [MESSAGES, LOST], gap: 1, shared: true },
  // "ri ad iyi tktbm g lista", "bghix ad ktbx smiyt n mmi g lista": a place on the list asked for; its span covers "g liste".
  { intent: 'book', steps: [WANT, WILL, ENTER, IN, LIST], gap: 4, positive: true },
  // "rix ad t tktbm", "ريغ اد ئي تسجّلم", "ri ad tt tsjjlm": I want you to register me or her; its span covers the "tsjjlm"
  // that alone asks whether one is.
  { intent: 'book', steps: [WANT, SIGN_UP_ANY], gap: 2, shared: true, positive: true },
  // "ri ad tzr tbiba", "ريغ اد زرغ طبيب ن ؤل", "ri ad skrgh lecho": a consultation or an examination asked for.
  { intent: 'book', steps: [WANT, WILL, SEE, DOCTOR], gap: 1, positive: true },
  { intent: 'book', steps: [WANT, WILL, DO], gap: 0, positive: true },
  // "zaydat iyi gh liste", "skr iyi g lista": put on the list; for the news, to be told.
  { intent: 'book', steps: [PUT, ME, IN, LIST], gap: 0, positive: true },
  { intent: 'subscribe', steps: [PUT, ME, IN, LIST, NEWS], gap: 5, positive: true },
  // "ila d tusa lhamla azznat iyi yat lmsaj", "iɣ d tusa lkaravana nbbh iyi": told later, when it comes.
  { intent: 'subscribe', steps: [WHEN, ARRIVES, ASK_TO_KNOW, ME], gap: 6, positive: true },
  // "ئنات ئيي ئغ راد د تاشكم", "sjjl iyi g lkhbar", "siwdat iyi lkhbar": to be told later.
  { intent: 'subscribe', steps: [TELL_SHORT, ME, WHEN], gap: 1, positive: true },
  { intent: 'subscribe', steps: [SIGN_UP, IN, NEWS], gap: 1, positive: true },
  { intent: 'subscribe', steps: [NOTIFY, ME, NEWS], gap: 1, positive: true },
  // "is illa doktor ad sawlx dids", "ri ad sawlgh d tbib": a doctor to speak to, not what the caravan brings.
  { intent: 'human', steps: [DOCTOR, SPEAK], gap: 2, unless: IN_LANGUAGE },
  { intent: 'human', steps: [SPEAK, WITH, DOCTOR], gap: 1 },
  // "is yan ad iyi d isawl s tilifun", "sawlat iyi f ttilifun": a person on the phone.
  { intent: 'human', steps: [SPEAK, BY, PHONE], gap: 1 },
  { intent: 'human', steps: [ME, HITHER, SPEAK], gap: 0, unless: IN_LANGUAGE },
  // "mad gan lkhyarat", "ml iyi lmenu": the menu.
  { intent: 'help', steps: [WHAT, CHOICES], gap: 1 },
  { intent: 'help', steps: [SHOW, ME, MENU], gap: 1 },
  { intent: 'help', steps: [SHOW, ME, CHOICES], gap: 1 },
  // "mnnaw n lkhyarat ayd ghurun" (which choices do you have), "ma ilan g lmenu" (what is in the menu).
  { intent: 'help', steps: [WHICH, CHOICES], gap: 1 },
  { intent: 'help', steps: [WHAT, THERE_IS, OF, MENU], gap: 0, sure: true },
  // "fin ad brkx?": where to press, which asks how the bot works, not where the caravan is.
  { intent: 'help', steps: [WHERE_ANY, PRESS], gap: 1, shared: true, anyLength: true, sure: true },
  // "iɣ t7tajam idammen … siwlat iyi": blood offered; its span covers the "call me" in it.
  { intent: 'donate_blood', steps: [WHEN, NEEDED, BLOOD, ASK_TO_KNOW, ME], gap: 5, positive: true },
  { intent: 'donate_blood', steps: [YOU_NEED, BLOOD], gap: 1, positive: true },
  // "mnnaw tbibn ad d yashkn", "is lkaravana batl": which doctors come, whether it is free.
  { intent: 'campaigns_info', steps: [WHICH, DOCTOR], gap: 0, shared: true },
  { intent: 'campaigns_info', steps: [IS, FREE], gap: 2, shared: true },
  // "مانيگ اد تّيلي لكارافانا", "manig ghtili lqafila", "ماني غ را ڭاورن طبيب ن لكارافانا": where the caravan will be.
  { intent: 'campaigns_info', steps: [WHERE, CARAVAN], gap: 5 },
  // "manak ass ad d tasim?": which day the caravan comes.
  { intent: 'campaigns_info', steps: [WHEN_ASKED, YOU_COME], gap: 3 },
  // "is tlla lqafila ghassad", "is rad d tashk lkaravana s igherm": whether it comes, not whether one is booked.
  { intent: 'campaigns_info', steps: [IS, BE_THERE, CARAVAN], gap: 2, shared: true },
  { intent: 'campaigns_info', steps: [IS, ARRIVES, CARAVAN], gap: 2, shared: true },
  // "is rad d yas tbib n snan?", "tbib n tiṭṭ is rad d yas?": whether a doctor comes, not a consultation asked for.
  { intent: 'campaigns_info', steps: [IS, THEY_COME, DOCTOR], gap: 2, shared: true },
  { intent: 'campaigns_info', steps: [DOCTOR, IS, THEY_COME], gap: 2, shared: true },
];
