// The Tachelhit word classes both the safety and the request patterns use: negation, persons, messages, common verbs.
import { verb, words } from './tachelhit-words.ts';

/** "Not any more" as one word: "urssul", "ورسول", and Darija's "ma3ad", "ماعاد" that Tachelhit writers borrow ("ماعاد ريغ"). */
const NO_MORE_WORDS = ['ursul', 'ursar', 'ورسول', 'ورسار', 'ma3ad', 'm3ad', 'ma3adch', 'ماعاد', 'معاد', 'ماعادش'];
export const NO_MORE = words(...NO_MORE_WORDS);
/** "Not", "don't" glued to "ad" ("adur iyi tzznt"), and "not any more" written as one word. */
export const NEG = words('ur', 'our', 'wr', 'ور', 'اور', 'adur', 'ادور', ...NO_MORE_WORDS);
/** "Anymore": "ur sul", "ur sar" (never again), Darija's "3ad". */
export const ANYMORE = words('sul', 'soul', 'sar', 'سول', 'سار');
/** Me, us, and "to him, to her" ("ur sul as tazznm"): whoever the messages go to; "i"/"ي" is "iyi" cut short ("ad i tsjjlm"). */
/** "dari" ("ur dari tazznm", don't send to mine) is "to me" too. */
export const ME = words('iyi', 'yi', 'ayi', 'i', 'ايي', 'يي', 'اي', 'ي', 'agh', 'as', 'اس', 'dari', 'داري');
/** Only the writer: "kks iyi" is remove me, "kks as" cancel for him. */
export const MYSELF = words('iyi', 'yi', 'ayi', 'ايي', 'يي', 'اي', 'agh', 'اغ', 'moi');
/** "Want" in any person and spelling: "righ", "ri3", "rig", "ira" (he wants), "trim", "tram" (you want), "rant"; Darija's "bghit" borrowed. */
const WANT_WORDS = words(
  'righ', 'rix', 'ri3', 'rig', 'ri', 'ira', 'iri', 'tra', 'tri', 'nra', 'nri', 'trit', 'trid', 'trim', 'tram', 'ran', 'rant', 'bghigh', 'bghix', 'bghi3', 'bghit',
  'ري', 'ريغ', 'ريخ', 'يرا', 'يري', 'ترا', 'تري', 'نرا', 'نري', 'تريم', 'ترام', 'تريد', 'تريت', 'ران', 'رانت', 'بغيت',
);
/** Needing in any person ("ur htajgh kra", "ur nḥtaj", "ؤر نحتاج"), and accepting said by someone ("ur qbilgh", "ur nqbl"): "qbl" alone is "before". */
const NEED = new RegExp(`${verb('h?taj|7taj', 'حتاج').source}|^(?:n|t|i)?t?q+b[iea]?l(?:gh|x|m|n)$|^nt?q+b[iea]?l$|^(?:ن|ت|ي)?قبل(?:غ|م|ن)$|^نقبل$`);
/** Not wanting what comes: "ur righ", "ur htajgh", "ur qbilgh" all refuse it. */
export const WANT = new RegExp(`^(?:${[...WANT_WORDS].join('|')})$|${NEED.source}`);
/** "ar" before a verb: it is happening, again and again ("ar ttaru", she is giving birth; "ar iyi ttaznm", you keep sending me). */
export const AR = words('ar', 'ار');
/** Will, would: "ad", "rad" before a verb ask for or promise what is to come ("ad iyi d tazznm", send me). */
export const FUTURE = words('ad', 'a', 'rad', 'ra', 'اد', 'راد', 'را');
/** When, if: "igh", "mlmi", and Darija's "ila", "mlli" said in Tachelhit ("ila d tusa lhamla"). */
export const WHEN = words('igh', 'ig', 'ikh', 'ix', 'ighd', 'mlmi', 'اغ', 'يغ', 'ملمي', 'مليمي', 'ila', 'ilakan', 'mlli', 'mli', 'ملي', 'ايلا', 'الاكان');
export const WHAT = words('mad', 'mayd', 'ماد', 'مايد');
/** Who, what, asked of someone: "chkun ntuma" (who are you), "mad iyi sjjln" (who signed me up). */
export const WHO = words('chkun', 'chkoun', 'chkon', 'shkun', 'ma', 'mad', 'mayd', 'شكون', 'ما', 'ماد', 'مايد');
/** Messages in any language they are called by: "tibratin", "imsagn" (Tachelhit plural), "lmsajat", "sms". */
export const MESSAGES = words(
  'lmsajat', 'lmessagat', 'lmessages', 'messages', 'message', 'msajat', 'imsagn', 'imsajn', 'lmsaj', 'lmessage', 'sms', 'tibratin', 'tabrat',
  'الميساجات', 'ميساجات', 'مساجات', 'الرسايل', 'الرسائل', 'تيبراتين', 'ايمساكن', 'المساج', 'lmisaj', 'misaj', 'lmisajat', 'ميساج', 'رساله',
  // Tachelhit's plural in every vowel and script: "imisajn", "imesagn", "imesajat", "ءيميساجن", "ئمساجن".
  'imisajn', 'imisagn', 'imesajn', 'imesagn', 'imsajen', 'ايميساجن', 'ايمساجن', 'ميساجن', 'ايميساكن', 'misajat', 'لميساج', 'لمساج',
  'imesajat', 'imisajat', 'imsajat', 'lmessajat', 'messajat', 'ايميساجات', 'ايمساجات',
  // Darija's "rsayl" borrowed: "ur righ rsayl", "baraka mn rrsayl".
  'rsayl', 'rrsayl', 'lrsayl', 'rasayl', 'rsa2il', 'رسايل', 'رسائل',
);
export const NEWS = words('lkhbar', 'lakhbar', 'لخبار', 'الاخبار', ...MESSAGES);
/** "Send" in every person: "tazznm", "ttaznt", "yaz" (he sends), "sifdat"; Darija's "صيفط" in Arabic script too. */
export const SEND = verb('a?z+n|az|sifi?[dt]|sift', 'ا?زن|از|[سص]يفي?[دضط]');
/** "Come" needs "me" beside it: "ur riɣ ad d ashkɣ" is I will not come; "tushka" (she came), "tacka", "ackx" too. */
export const COME = verb('(?:a|u)(?:sh|ch|s|c)k', '(?:ا|و)شك');
/** Coming again and again: "ttasin", "ar ttasnt" (they keep coming); "as" alone is "to him". */
const KEEP_COMING = /^(?:ad|d)?(?:i|y|t|n)?tt?as(?:in|int|n|nt)$|^(?:ي|ت)?تاس(?:ين|نت|ن)$/;
/** What messages do, in any person: they come, arrive, are sent ("ad iyi d ilkm kra", "ad iyi ttashkin"). */
export const ARRIVING = new RegExp(`${SEND.source}|${COME.source}|${verb('lkm', 'لكم').source}|${KEEP_COMING.source}`);
/** A phone number, not a name: what a stop takes off, or what a stranger was given. */
export const NUMBER = words(
  'nmra', 'nnmra', 'numero', 'numro', 'nimiro', 'numiro', 'nimro', 'nmro', 'nemro', 'nmru', 'numru', 'lnumero', 'raqm', 'rqm', 'ra9m', 'tilifun', 'tilifon',
  // In Arabic script, ending in ا, ة or و, with or without the long vowels: "نمرا", "نمرة", "نمرو", "نومرو", "نيمرو".
  'نمرا', 'نمره', 'نمرو', 'نومرو', 'نومرا', 'نيمرو', 'نيميرو', 'نوميرو', 'نيمرا', 'رقم', 'رقمي', 'تيليفون', 'تيلفون',
);
export const TELL = verb('ini|inim|ssn|ssin|siwl|sawl|ari', 'ا?يني|اني|سن|سيول|ساول');
export const SPEAK = verb('sawl|siwl|sawal|hdr|7dr|hdar', 'ساول|سيول|ساوال|هضر|هدر');
/** Childbirth named: "lwilada", "الولادة" (the article is folded away), French "accouchement". */
export const CHILDBIRTH = words('wilada', 'lwilada', 'lwiladat', 'lwlada', 'ولاده', 'accouchement', 'accouchements');
export const BLOOD = words('idammn', 'idamn', 'idmmn', 'ddm', 'dm', 'ddam', 'damm', 'adamn', 'الدم', 'ادامن', 'يدامن', 'دم', 'لدم');
export const HOLD = verb('bdd|bdda|bddad|7bs|hbs|7bes|hbes', 'بد|بدا|بداد|حبس');
export const DATA = words(
  'nmra', 'numero', 'numro', 'nimiro', 'raqm', 'rqm', 'ra9m', 'رقم', 'ism', 'isem', 'ismiy', 'ismiw', 'isminu', 'isim', 'smiyt', 'smiya', 'smit', 'smiti',
  'lism', 'douar', 'duwar', 'l3mr', 'l3umr', '3mr', '3umr', 'lma3lumat', 'lm3lumat', 'm3lumat', 'lmaalumat', 'tilifun', 'اسم', 'اسمي', 'سميت', 'سميه', 'سميتي', 'نمرا', 'نمره', 'دوار', 'عمر', 'لعمر', 'معلومات',
  // MSA's and French's word for what is kept: "مسحات لبيانات ن ئنّا" (erase my mother's data), "lbayanat", "les données".
  'bayanat', 'lbayanat', 'donnees', 'بيانات',
);
export const APPOINTMENT = words(
  'code', 'lcode', 'kod', 'lkod', 'rdv', 'rendez', 'rendezvous', 'lmaw3id', 'maw3id', 'lmu3id', 'lmaw3d', 'lwqt', 'lw9t', 'lssa3a', 'ssa3a', 'كود', 'موعد',
  'موعيد', 'ساعه', 'وقت', 'رونديفو', 'روندي',
  // As the ear writes them: "lmawid" without its "3", "rendevou", "randevu", and "lrdv" with the article glued on.
  'lmawid', 'mawid', 'lmawide', 'rendevou', 'rendevous', 'randevu', 'rondevu', 'lrdv',
);
/** Her, him, it, after a verb: "qiyd tt" (register her), "bddlat t" (change it), "ad t tsskrm" (you will make it). */
export const IT = words('t', 'tt', 'tent', 'ت', 'تت');
/** In, on, to: "g lista", "ghi tadggwat", "ڭ لّيستا" (ڭ is folded to ك). */
export const IN = words('g', 'gh', 'gi', 'ghi', 'f', 'i', 'غ', 'ف', 'ي', 'ك');
/** The caravan's list of patients: "is gigh g liste", "ئس گيغ غ ليستا", "g lisda". */
export const LIST = words('liste', 'lista', 'listat', 'list', 'lisda', 'لائحه', 'ليستا', 'ليسطا', 'ليست', 'ليسته', 'لاليست');
/** A day or a time of day: "ass", "nhar", "tadggwat" (evening), "tifawt" (morning). */
export const TIME = words(
  'ass', 'wass', 'nhar', 'inhar', 'lyum', 'tsa3t', 'tisa3t', 'sa3a', 'lsa3a', 'lwqt', 'lw9t', 'simana', 'ssimana', 'jour', 'heure', 'date', 'tadggwat', 'tadggwt', 'tifawt',
  'tsbah', 'sbah', 'azkka', 'l3chiya', 'lachiya', 'tazzwart', 'واس', 'نهار', 'يوم', 'ساعه', 'وقت', 'سيمانه', 'تادكوات', 'تيفاوت', 'الصباح',
  'iwass', 'iyyass', 'l3chiyya', 'l3achiya', 'لعشيه', 'العشيه', 'الصبح', 'صباح',
  // The days of the week, which an appointment is moved to and from: "f lhd machi f ssbt".
  'lhd', 'l7d', 'lhad', 'l7ad', 'ltnin', 'letnin', 'ttnin', 'ttlat', 'ltlat', 'ttlata', 'ltlata', 'larb3', 'lrb3', 'larba3', 'larb3a', 'lkhmis', 'khmis', 'ljm3a',
  'jjm3a', 'jem3a', 'ljem3a',
  'ssbt', 'sbt', 'ssebt', 'sebt', 'dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi',
  'لحد', 'الحد', 'الاحد', 'لاتنين', 'الاثنين', 'التلات', 'الثلاثاء', 'لاربع', 'الاربعاء', 'لخميس', 'الخميس', 'الجمعه', 'لجمعه', 'السبت', 'سبت',
);
/**
 * Writing to me: "ur iyi sul ttarum", "ur ئي د سول تارات"; "kttb" is left out, as it also registers ("ur iyi tktbm", you
 * did not list me), and "dari" is "to me" ("ur sar dari lmsaj": no message reaches me), not "d" + "ari".
 */
export const WRITE = new RegExp(`^(?!(?:dari|داري)$)(?:${verb('ar[iu]|tar[iu]|ara', 'ار[يو]|تار[يو]|ارا|تارا').source})`);
/** Nothing, not one: "ur riɣ walu", "ur nri kra", "ur ri yat", Darija's "chi", "شا" ("ur riɣ cha n lmsaj"). */
export const NOTHING = words('walu', 'walo', 'walou', 'والو', 'ualu', 'kra', 'yat', 'كرا', 'يات', 'chi', 'cha', 'شي', 'شا');
/** "Stop" or "cut off" as a verb in any person: "bddat", "hbsat", "bbit" (cut), Darija's "wqf", "qt3", "stopiw". */
export const STOP = verb('s?(?:bdd|bdda|7bs|hbs|7bes|hbes|wqf|w9f|stop|stopi|bbi|bbiy|bby|qt3|9t3|qta3|9ta3)(?:w|u|o)?', 'س?(?:بد|بدا|حبس|وقف|ستوب|ستوبي|بي|قطع)و?');
/** French "se désabonner" as villagers write it, alone or with "me": "dsabonni-yyi", "desabonni iyi", "désabonnez-moi". */
export const UNSUBSCRIBE = /^d[e]?[sz]+abonn?(?:i|e|er|ez|iw|u|ini)?(?:yyi|iyi|yi|gh|x)?$|^د[ي]?[سز]ابون[ي]?(?:يي|ايي)?$/;
/** Take me off: "kks iyi", "ssfd iyi", Darija's "7yd", with its plural order "-u" too ("7ydu", "sehbo", "سحبو"), French's "retirez moi". */
export const REMOVE = new RegExp(
  `${verb('(?:kk?i?s|s?sf[dt]|ms7|7yd|hyd|s7b|sehb|shb)(?:u|o|w)?', '(?:كس|كيس|س?سفض|مسح|حيد|سحب)و?').source}|^(?:supprim|enlev|retir)(?:er|ez|e)$`,
);
/**
 * "You write" to someone, second person only ("ur iyi tktbm sul", "ur iyi ttkttabm dagh"): said with "again" it is the
 * messages; alone "ur iyi tktbm" is also "you did not list me", which the request patterns hear.
 */
export const YOU_WRITE = /^(?:ad|a)?tt?k+t*a?i?b(?:m|mt|d|t)?$|^(?:اد|ا)?تت?كت?ا?ي?ب(?:م|مت|د|ت)?$/;
/** "Again", "ever", said after a "not" ("ur iyi tazznm dagh", "ar labad", "abadan", "jamais"): never again, as "sul" and "ma3ad" say. */
export const EVER_AGAIN = words('dagh', 'dax', 'dag', 'دغ', 'داغ', 'abadan', 'abadn', 'labad', 'lbda', 'l2abad', 'ابدا', 'لابد', 'الابد', 'لبدا', 'jamais', ...ANYMORE, ...NO_MORE_WORDS);
/** French's "stop" as villagers write it among Tachelhit words: "arrêtez les messages", "stoppez vos sms". */
export const HALT_FR = /^arr?et(?:ez|er|e|es)$|^stopp?(?:ez|er)$/;
/** "Stop", also in French: what a stop orders, in any language villagers mix. */
export const HALT = new RegExp(`${STOP.source}|${HALT_FR.source}`);
/** Darija's "send" with its plural "-u" ("ma3ad tsifdo", "ما تصيفطو"), which Tachelhit's verb endings do not make. */
export const SEND_DARIJA = /^(?:t|y|n)?s[iy]f[dt](?:u|o|ou|iw|uh)$|^(?:ت|ي|ن)?[سص]ي?ف[طضد]و$/;
/** "You write" with its vowel left out in Arabic script: "ؤر ئيي سول تّارم", "تارمت". */
export const WRITE_SHORT = /^(?:اد|د)?تت?ار(?:م|مت|ت|د)$/;
/** Any verb of messages reaching someone: sent, written, come, in Tachelhit or in Darija. */
export const REACHING = new RegExp(`${ARRIVING.source}|${WRITE.source}|${WRITE_SHORT.source}|${YOU_WRITE.source}|${SEND_DARIJA.source}`);
/** Giving ("ifk idammn", "ئرا ئفك ئدامن", he wants to give blood): blood given is no blood lost. */
export const GIVE = verb('fk|fka|fkk', 'فك|فكا');
