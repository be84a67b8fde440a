// The Tachelhit word classes both the safety and the request patterns use: negation, persons, messages, common verbs.
import { verb, words } from './tachelhit-words.ts';

/** "Not", and "not any more" written as one word ("urssul righ"). */
export const NEG = words('ur', 'our', 'wr', 'ور', 'اور', 'ursul', 'ursar', 'ورسول', 'ورسار');
/** "Not any more" as one word: "urssul", "ورسول". */
export const NO_MORE = words('ursul', 'ursar', 'ورسول', 'ورسار');
/** "Anymore": "ur sul", "ur sar" (never again), Darija's "3ad". */
export const ANYMORE = words('sul', 'soul', 'sar', 'سول', 'سار');
/** Me, us, and "to him, to her" ("ur sul as tazznm"): whoever the messages go to; "i"/"ي" is "iyi" cut short ("ad i tsjjlm"). */
/** "dari" ("ur dari tazznm", don't send to mine) is "to me" too. */
export const ME = words('iyi', 'yi', 'ayi', 'i', 'ايي', 'يي', 'اي', 'ي', 'agh', 'as', 'اس', 'dari', 'داري');
/** Only the writer: "kks iyi" is remove me, "kks as" cancel for him. */
export const MYSELF = words('iyi', 'yi', 'ayi', 'ايي', 'يي', 'اي', 'agh', 'اغ');
/** "Want" in any person: "righ", "ira" (he wants), "trim" (you want); Darija's "bghit" borrowed. */
export const WANT = words('righ', 'rix', 'ri', 'ira', 'iri', 'tra', 'tri', 'nra', 'nri', 'ري', 'نري', 'trit', 'trid', 'trim', 'ran', 'bghigh', 'bghix', 'bghit', 'ريغ', 'ريخ', 'يرا', 'يري', 'ترا', 'تري', 'نرا', 'نري', 'تريم', 'بغيت');
export const WHEN = words('igh', 'ig', 'ikh', 'ix', 'ighd', 'mlmi', 'اغ', 'يغ', 'ملمي', 'مليمي');
export const WHAT = words('mad', 'mayd', 'ماد', 'مايد');
/** Messages in any language they are called by: "tibratin", "imsagn" (Tachelhit plural), "lmsajat", "sms". */
export const MESSAGES = words(
  'lmsajat', 'lmessagat', 'lmessages', 'messages', 'message', 'msajat', 'imsagn', 'imsajn', 'lmsaj', 'lmessage', 'sms', 'tibratin', 'tabrat',
  'الميساجات', 'ميساجات', 'مساجات', 'الرسايل', 'الرسائل', 'تيبراتين', 'ايمساكن', 'المساج', 'lmisaj', 'misaj', 'lmisajat', 'ميساج', 'رساله',
);
export const NEWS = words('lkhbar', 'lakhbar', 'لخبار', 'الاخبار', ...MESSAGES);
/** "Send" in every person: "tazznm", "ttaznt", "yaz" (he sends), "sifdat"; Darija's "صيفط" in Arabic script too. */
export const SEND = verb('a?z+n|az|sifi?[dt]|sift', 'ا?زن|از|[سص]يف[دضط]');
/** "Come" needs "me" beside it: "ur riɣ ad d ashkɣ" is I will not come; "tushka" (she came), "tacka", "ackx" too. */
export const COME = verb('(?:a|u)(?:sh|ch|s|c)k', '(?:ا|و)شك');
/** Coming again and again: "ttasin", "ar ttasnt" (they keep coming); "as" alone is "to him". */
const KEEP_COMING = /^(?:ad|d)?(?:i|y|t|n)?tt?as(?:in|int|n|nt)$|^(?:ي|ت)?تاس(?:ين|نت|ن)$/;
/** What messages do, in any person: they come, arrive, are sent ("ad iyi d ilkm kra", "ad iyi ttashkin"). */
export const ARRIVING = new RegExp(`${SEND.source}|${COME.source}|${verb('lkm', 'لكم').source}|${KEEP_COMING.source}`);
/** A phone number, not a name: what a stop takes off, or what a stranger was given. */
export const NUMBER = words('nmra', 'nnmra', 'numero', 'numro', 'nimiro', 'numiro', 'nimro', 'نيمرو', 'lnumero', 'raqm', 'rqm', 'ra9m', 'tilifun', 'نمرا', 'نمره', 'رقم', 'نيميرو', 'نوميرو');
export const TELL = verb('ini|inim|ssn|ssin|siwl|sawl|ari', 'ا?يني|اني|سن|سيول|ساول');
export const SPEAK = verb('sawl|siwl|sawal|hdr|7dr|hdar', 'ساول|سيول|ساوال|هضر|هدر');
export const BLOOD = words('idammn', 'idamn', 'idmmn', 'ddm', 'dm', 'ddam', 'damm', 'adamn', 'الدم', 'ادامن', 'يدامن', 'دم', 'لدم');
export const HOLD = verb('bdd|bdda|bddad|7bs|hbs|7bes|hbes', 'بد|بدا|بداد|حبس');
export const DATA = words(
  'nmra', 'numero', 'numro', 'nimiro', 'raqm', 'rqm', 'ra9m', 'رقم', 'ism', 'isem', 'ismiy', 'ismiw', 'isminu', 'isim', 'smiyt', 'smiya', 'smit', 'smiti',
  'lism', 'douar', 'duwar', 'l3mr', 'l3umr', 'lma3lumat', 'tilifun', 'اسم', 'اسمي', 'سميت', 'سميه', 'سميتي', 'نمرا', 'نمره', 'دوار', 'عمر', 'لعمر', 'معلومات',
);
export const APPOINTMENT = words(
  'code', 'lcode', 'kod', 'lkod', 'rdv', 'rendez', 'rendezvous', 'lmaw3id', 'maw3id', 'lmu3id', 'lmaw3d', 'lwqt', 'lw9t', 'lssa3a', 'ssa3a', 'كود', 'موعد',
  'موعيد', 'ساعه', 'وقت', 'رونديفو', 'روندي',
);
/** A day or a time of day: "ass", "nhar", "tadggwat" (evening), "tifawt" (morning). */
export const TIME = words(
  'ass', 'wass', 'nhar', 'inhar', 'lyum', 'tsa3t', 'tisa3t', 'sa3a', 'lsa3a', 'lwqt', 'lw9t', 'simana', 'ssimana', 'jour', 'heure', 'date', 'tadggwat', 'tadggwt', 'tifawt',
  'tsbah', 'sbah', 'azkka', 'l3chiya', 'lachiya', 'tazzwart', 'واس', 'نهار', 'يوم', 'ساعه', 'وقت', 'سيمانه', 'تادكوات', 'تيفاوت', 'الصباح',
);
/** Writing to me: "ur iyi sul ttarum", "ur ئي د سول تارات"; "kttb" is left out, as it also registers ("ur iyi tktbm", you did not list me). */
export const WRITE = verb('ar[iu]|tar[iu]|ara', 'ار[يو]|تار[يو]|ارا|تارا');
/** Nothing, not one: "ur riɣ walu", "ur nri kra", "ur ri yat". */
export const NOTHING = words('walu', 'walo', 'walou', 'والو', 'ualu', 'kra', 'yat', 'كرا', 'يات');
