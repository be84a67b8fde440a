// Tachelhit requests other than safety, heard through word classes in order, where fixed phrases cannot list every
// person, spelling and word between them: data, appointments, being told, a person, help, a language, "yes I'll come".
import { APPOINTMENT, BLOOD, COME, DATA, IT, LIST, ME, NEG, NEWS, NUMBER, SEND, SPEAK, TELL, TIME, WANT, WHAT, WHEN } from './tachelhit-classes.ts';
import { MOVE } from './tachelhit-visit-patterns.ts';
import { verb, words, type Pattern } from './tachelhit-words.ts';

/**
 * Why, or "keep doing" ("ar iyi d ttashkin", they keep coming to me): a complaint about the messages ("ma fllas ar iyi d
 * ttaznm"), never a request for more, which says "ad" (will).
 */
const NOT_ASKING = words('max', 'maf', 'mafllas', 'fllas', 'maxf', 'ماخ', 'مافلاس', 'فلاس', 'ar', 'ار', ...WHAT);
/** Someone, also in Darija's word: "chi wa7d nhdr m3ah" (someone to talk to). */
const PERSON = words('yan', 'yat', 'bnadm', 'wa7d', 'wahd', 'wahed', 'wa7ed', 'يان', 'يات', 'واحد');
const WITH = words('d', 'د', 'ak', 'dis');
/** A language named: "s tachelhit" is asked for, "ur ssingh l3arbiya" is one the writer cannot read. */
const LANGUAGE = words(
  'tachelhit', 'tachlhit', 'tachl7it', 'tchel7it', 'tashelhit', 'chl7a', 'tamazight', 'tmazight', 'l3arbiya', 'l3rbiya', 'ta3rabt', 'lfransiya',
  'tfransist', 'tafransist', 'lfransawiya', 'arabe', 'francais', 'تاشلحيت', 'شلحه', 'تمازيغت', 'عربيه', 'تعرابت', 'فرنسيه', 'تافرانسيست',
  // With or without the long vowels, and Darija by its name: "س تشلحيت", "تاعرابت", "لعرابية", "s ddarija".
  'tchelhit', 'tchlhit', 'tashlhit', 'darija', 'ddarija', 'ldarija', 'تشلحيت', 'تاعرابت', 'عرابيه', 'تفرانسيست', 'دارجه', 'داريجه',
);
/** Knowing, understanding, reading: "ur ssingh", "ur fhimgh", "ad ghrgh". */
const KNOW = verb('ssn|ssin|fhm|fhim|ghr|qr|9r', 'سن|سين|فهم|فهيم|غر|قر');
const IN_LANGUAGE = words('b', 'bi', 'ب', 's', 'س');
/** "Call me": "ad iyi ighr", "ghr iyi" ("ghr" alone is also "read": "me" must be beside it). */
const CALL = verb('ghr|ghra|3yt|3ayt', 'غر|عيط');
const ERASE = verb('s?sf[dt]|ms7|msh|msa7|msah', 'س?سفض|مسح');
/** "Remove" erases only what is kept about the writer: "kkst ism inu" takes a name off the list, a cancellation. */
const REMOVE = verb('kk?i?s', 'كس|كيس');
/** Take the phone number off: "kks nnmra inu", "7ydat nmra nu", "sehbo raqm"; beside a stop, it says the stop again. */
const TAKE_OFF = verb('kk?i?s|(?:7yd|hyd|hiyd|7iyd)(?:u|o|w)?|s7b|sehb|shb', 'كس|كيس|حيدو?|حييدو?|سحب');
const RECORDS = words('lma3lumat', 'lma3lumatinu', 'kulchi', 'kullchi', 'kullu', 'kolchi', 'معلومات', 'كولشي', 'كولو');
const WRONG = verb('ghlt|ghld|ghlat|ghalt|ghalat', 'غلط|غلض');
/** Is not: "machi 50", "ur iga", "ور ايكي". */
const NOT_BE = words('machi', 'mashi', 'ماشي');
const BE = words('tga', 'iga', 'ga', 'tgat', 'igi', 'tgi', 'ig', 'تكا', 'يكا', 'اكا', 'ايكي', 'يكي', 'تكي');
const CHANGE = verb('bddl|sgad|sl7|sgd', 'بدل|سكاد|صلح');
/** Put it right, as an order: "s7hat t", "bddlat t", "sl7 t", "صححات"; the thing kept is named before. */
const FIX = /^(?:s?s7h|s?sh7|sa77|s?sl7|sgd|sgad|bd?dl)(?:at|amt|i|u)?$|^(?:صحح|صلح|سكاد|بدل)(?:ات|ي|و)?$/;
const FORGET = verb('ttu|ttiw|ttuy', 'تتو|توي');
const HOUR = words('lssa3a', 'ssa3a', 'lwqt', 'lw9t', 'الساعه', 'لوقت', 'الوقت');
/** Another day or time: "yan wass yadni", "nhar akhur", "ass nnidn", and "ass ya dnine" written apart. */
const OTHER = words(
  'yadni', 'yadnin', 'yadn', 'ydn', 'يادن', 'nnidn', 'ydnin', 'dnin', 'dnine', 'akhur', 'khur', 'ukhur', 'lukhra', 'autre', 'اخر', 'اخور', 'يادني', 'نيضن', 'اخرى',
);
/** Make it, put it: "ad t tsskrm s tadggwat" (make it in the evening); "it" must be there, as "ar skrgh s tifawt" is I work mornings. */
const MAKE = verb('s?skr|rar|srs', 'س?سكر|رار|سرس');
const TOWARD = words('s', 'i', 'l', 'س', 'ي', 'ل');
/** Give, and Darija's and MSA's "donate" ("ad nbr3 s idammn", "نتبرع"). */
const GIVE = verb('fk|fka|fkk|akka|t?br+3|tabr+3', 'فك|فكا|ت?برع');
/** You have, to all (also with Darija's "-kum") or to one: "ghurun", "ghurkm", "داركون", "dark" ("ma n lma3lumat tlla dark"). */
const HAVE_WORDS = words(
  'ghurun', 'ghurkm', 'ghurkum', 'darun', 'darkum', 'darkun', 'dark', 'tarim', 'tkttbm', 'tktbm', 'tssnm', 'tssanm',
  'غورون', 'غوركم', 'دارون', 'داركم', 'داركون', 'دارك', 'تاريم', 'تكتبم', 'تسنم',
);
/** What you wrote or keep, said to one or to all: "tktbt", "tsjjlm", "tqiydmt", "tarm" ("mad tarm f ikhf inu"). */
const YOU_WROTE = /^tt?(?:kt?tb|sjj?l|qiyd|qyd|ar|ssn|ssan)(?:m|mt|t)$|^تت?(?:كتب|سجل|قيد|ار|سن)(?:م|ت)$/;
const HAVE = new RegExp(`^(?:${[...HAVE_WORDS].join('|')})$|${YOU_WROTE.source}`);
/** About me: "zgi", "fllai", and "f ikhf inu" (on my head), "ghef ixf nu", "ف ئخف ئنو". */
const ABOUT_ME = words('zgi', 'fllai', 'flla', 'ghifi', 'fllawi', 'زكي', 'فلاي', 'غيفي', 'ikhf', 'ixf', 'ikhfinu', 'ixfinu', 'اخف', 'يخف');
/** How, what must: "mad iqqan ad nskr", "mamk ad skrgh", "manik ad skrɣ" (as the Souss says "how"). */
const HOW = words('mad', 'mayd', 'ma', 'mamk', 'mamnk', 'ماد', 'مايد', 'ما', 'مامنك', 'مامك', 'manik', 'mnik');
const MUST = words('iqqan', 'ikhssa', 'ikhssan', 'ixssa', 'ixssan', 'ad', 'rad', 'اخصا', 'اخصان', 'يقان', 'اد', 'راد');
const DO = verb('skr|sskr|sxdm|skhdm', 'سكر|سخدم');
/** An answer that says yes by promising to come: "ok ad d asgh", "wakha rad d ashkgh". */
const OK = words('ok', 'okay', 'wakha', 'waxxa', 'wakhkha', 'iyyeh', 'iyeh', 'yah', 'ih', 'ayyeh', 'daccord', 'mzyan', 'واخا', 'ياه', 'ايه', 'اييه', 'مزيان');
const FUTURE = words('ad', 'rad', 'ghad', 'gha', 'a', 'اد', 'راد', 'غاد');
/** I come, or we come: "ad d ashkgh", "ad d nashk", "ad nddu", "اد د ناشك". */
const I_COME = /^d?(?:ashk|achk|ask|as|ushk|dduw?)(?:gh|x)$|^d?n(?:ashk|achk|ask|as|ddu|ddiw)$|^د?(?:اشك|اس|دو)غ$|^د?ن(?:اشك|اس|دو)$/;
/** Is there … on the list: "is illa isem n baba gh liste", "is tlla smiyt ns"; "ad ktbgh yiwi g lista" is a booking. */
const IS = words('is', 'wach', 'اس', 'واش');
/** There is, and "I am" ("is ggigh g lista", "ئس گيغ غ ليستا": am I on the list). */
const THERE = words('illa', 'tlla', 'lla', 'kayn', 'ila', 'يلا', 'الا', 'تلا', 'كاين', 'ggigh', 'ggix', 'gigh', 'tggit', 'ككيغ', 'كيغ', 'تكيت');
const ANY_REQUEST = new RegExp(`${TELL.source}|${SEND.source}|${SPEAK.source}|${CALL.source}`);
/** The caravan coming: "tushka", "tlkm" (arrives), "tas" (comes), "tusa" (came), "ئلكم". */
const ARRIVES = verb('(?:a|u)(?:sh|ch|c)k|as|usa|lkm', '(?:ا|و)شك|اس|وسا|لكم');
/** News reaching me: "ad iyi d ilkm lkhbar", "اد ئي د ئلكم لخبار", as well as coming. */
const REACH = new RegExp(`${COME.source}|${verb('lkm', 'لكم').source}`);
/** Send, as an order: "sifdat iyi lkhbar", "ssifd", "aznat"; "sifdn iyi" (they send me) is no request. */
const SEND_ORDER = /^s?sif[dt](?:at|amt)?$|^azn(?:at|amt)?$|^[سص]يف[دضط](?:ات)?$|^ازن(?:ات)?$/;

export const REQUEST_PATTERNS: readonly Pattern[] = [
  { intent: 'delete_data', steps: [ERASE, DATA], gap: 2, shared: true },
  { intent: 'delete_data', steps: [REMOVE, RECORDS], gap: 0, shared: true },
  { intent: 'delete_data', steps: [ERASE, RECORDS], gap: 1, shared: true },
  { intent: 'delete_data', steps: [TAKE_OFF, NUMBER], gap: 0, shared: true },
  { intent: 'correct_data', steps: [DATA, WRONG], gap: 2, shared: true },
  { intent: 'correct_data', steps: [CHANGE, DATA], gap: 1, shared: true },
  // "numero inu ibddl": the number changed, so the one kept is wrong.
  { intent: 'correct_data', steps: [DATA, CHANGE], gap: 2, shared: true },
  // "دوار نغ ئكا غ ليستا ماشي ؤيا": what is kept, then "not".
  { intent: 'correct_data', steps: [DATA, NOT_BE], gap: 4, shared: true },
  // "l3mr n imma 45 … bddlat t", "ism inu … s7hat t": a thing kept, then an order to put it right.
  { intent: 'correct_data', steps: [DATA, FIX, IT], gap: 7 },
  { intent: 'correct_data', steps: [DATA, NEG, BE], gap: 2 },
  { intent: 'my_appointments', steps: [FORGET, APPOINTMENT], gap: 2, shared: true },
  { intent: 'my_appointments', steps: [APPOINTMENT, FORGET], gap: 3, shared: true },
  { intent: 'my_appointments', steps: [WHAT, BE, HOUR], gap: 1 },
  { intent: 'my_appointments', steps: [IS, THERE, LIST], gap: 5, shared: true },
  { intent: 'reschedule', steps: [MOVE, APPOINTMENT], gap: 2, shared: true, notAfter: words('من', 'mn', 'min') },
  { intent: 'reschedule', steps: [TIME, OTHER], gap: 1, shared: true },
  // "lmawide ino abdlatid lass yadni": the appointment, then another day.
  { intent: 'reschedule', steps: [APPOINTMENT, OTHER], gap: 4, shared: true },
  { intent: 'reschedule', steps: [IT, MAKE, TOWARD, TIME], gap: 0 },
  { intent: 'donate_blood', steps: [GIVE, BLOOD], gap: 1, shared: true, positive: true },
  // "ئس ئلا لحملة ن ئدامن? ريغ اد فكغ": blood named, then "I want to give".
  { intent: 'donate_blood', steps: [BLOOD, WANT, FUTURE, GIVE], gap: 3, shared: true, positive: true },
  { intent: 'my_data', steps: [WHAT, HAVE, ABOUT_ME], gap: 1 },
  { intent: 'my_data', steps: [HOW, HAVE, ABOUT_ME], gap: 1 },
  // "ma ghurun zg lm3lumat inu": "ma" is "what" too before "you have".
  { intent: 'my_data', steps: [HOW, HAVE, DATA], gap: 3 },
  { intent: 'my_data', steps: [HOW, DATA, HAVE], gap: 2 },
  { intent: 'subscribe', steps: [ME, TELL, WHEN], gap: 3, positive: true, notAfter: NOT_ASKING, notAfterGap: 2 },
  { intent: 'subscribe', steps: [ME, SEND, WHEN], gap: 3, positive: true, notAfter: NOT_ASKING, notAfterGap: 2 },
  { intent: 'subscribe', steps: [TELL, ME, WHEN], gap: 3, positive: true },
  { intent: 'subscribe', steps: [SEND, ME, WHEN], gap: 3, positive: true },
  { intent: 'subscribe', steps: [ME, REACH, NEWS], gap: 2, positive: true, notAfter: NOT_ASKING, notAfterGap: 2 },
  { intent: 'subscribe', steps: [SEND_ORDER, ME, NEWS], gap: 2, positive: true },
  { intent: 'subscribe', steps: [ME, SEND, NEWS], gap: 2, positive: true, notAfter: NOT_ASKING, notAfterGap: 2 },
  // "When the caravan comes, call me or send me a word": a request for later; its span covers the "call me" in it.
  { intent: 'subscribe', steps: [WHEN, ARRIVES, ANY_REQUEST, ME], gap: 6, positive: true },
  { intent: 'subscribe', steps: [WHEN, ARRIVES, ME, ANY_REQUEST], gap: 6, positive: true },
  { intent: 'human', steps: [PERSON, SPEAK], gap: 3 },
  { intent: 'human', steps: [SPEAK, WITH, PERSON], gap: 1 },
  { intent: 'human', steps: [SPEAK, ME], gap: 0, unless: IN_LANGUAGE },
  { intent: 'human', steps: [ME, SPEAK], gap: 0, unless: IN_LANGUAGE },
  { intent: 'human', steps: [ME, CALL], gap: 1 },
  { intent: 'human', steps: [CALL, ME], gap: 0 },
  { intent: 'help', steps: [HOW, MUST, DO], gap: 1, anyLength: true },
  { intent: 'change_language', steps: [NEG, KNOW, LANGUAGE], gap: 3, shared: true },
  { intent: 'change_language', steps: [IN_LANGUAGE, LANGUAGE], gap: 0, shared: true },
  { intent: 'yes', steps: [OK, FUTURE, I_COME], gap: 1, positive: true, anyLength: true },
];
