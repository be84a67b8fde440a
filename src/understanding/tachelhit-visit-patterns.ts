// Tachelhit requests about a visit, heard through word classes: calling it off, moving it, what to bring, when to go in,
// when the caravan comes back, a person of the association or a doctor to call, the menu.
import { APPOINTMENT, ME, NEG, NEWS, NUMBER, SEND, SPEAK, TIME } from './tachelhit-classes.ts';
import { DOCTOR } from './tachelhit-question-patterns.ts';
import { verb, words, type Pattern } from './tachelhit-words.ts';

/** Call off, take off, in any person: "hiyd", "7ydat", "kksat", Darija's "bttl", "بطلات", French "annuler" ("annulix"). */
const CALL_OFF = verb('(?:7yd|hyd|hi?yy?d|7i?yy?d|hid|7id)(?:u|o|w)?|kk?i?st?|bt+l|b6l|annuli?|anuli?', 'حيدو?|حييدو?|كست?|بطل');
/** French "annuler", alone or in a Tachelhit verb ("rix ad annulix l'operation"): a cancellation whatever follows; no sign of the language. */
const ANNUL = /^(?:ad|a)?(?:i|t|n)?(?:annul|anul)(?:i|e|er|ez)?(?:gh|x|m|n)?$/;
/**
 * Moved, in any person: "ad t tsmuttim" (will you move it), "ssmuttiyat", "smuttl", "bdl" (change), Darija's "ajjl" and
 * "7wl", also with Darija's plural ("wach ymkn tbdlo lrdv", "is tzdarm ad t t7wlm").
 */
export const MOVE = new RegExp(
  `${verb('s?smutt?l?(?:iy|i)?|sm3tl|ajjl|ajl|a3tl|bd?dl|7a?wl|ha?wl', 'سموتل|سموتي|اجل|عطل|بدل|حول').source}|^(?:t|n|y)?(?:bd?dl|7a?w+l)(?:u|o|iw)$|^(?:ت|ن|ي)?(?:بدل|حول)و$`,
);
/** Moved, far from the appointment word or beside a day: without "ajl", which after "min" is "for" ("min ajl"). */
const MOVE_FAR = verb('s?smutt?l?i?|sm3tl|a3tl|bd?dl', 'سموتل|سموتي|عطل|بدل');
/** Put off, Darija's "khr", "wkhkhr" ("khrat rendez-vous", put the visit off). */
const DELAY = verb('w?a?kh+r|w?a?x+r', 'و?ا?خر');
/** I come, first person only: "ur ra d asx" (I won't come), "ur zdargh ad d ashkgh". */
const I_COME = /^(?:ad|d)?(?:a|u)(?:sh|ch|s|c)k?(?:gh|x)$|^(?:اد|د)?(?:ا|و)[شس]ك?غ$/;
/** Suits me: "ur iyi ifulki" (it does not suit me), Darija's "ma mnasbnich". */
const SUIT = verb('fulki|fulk|nasb|wafq', 'فولكي|ناسب|وافق');
/** Can, in any person: "is tzdarm ad t tsmuttim" (can you move it). */
const CAN = verb('zdar|zdr|zdir', 'زضار|زضر|زدار');
/** Can it be, is it possible: "is tzdarm", "is imkn", Darija's "wach ymkn", "momkin". */
const POSSIBLE = new RegExp(`${CAN.source}|^(?:i|y)?mk(?:e)?n$|^m[ou]mkin$|^(?:ا|ي)?مكن$|^ممكن$`);
/** What, how, how much, at what hour: "mad", "mnck n tsa3t", "kra ikhssan ad nawi" (anything we must bring). */
const HOW = words('mad', 'mayd', 'ma', 'mamk', 'mamnk', 'kra', 'ماد', 'مايد', 'ما', 'مامنك', 'مامك', 'كرا');
const MUST = words('iqqan', 'ikhssa', 'ikhssan', 'ixssa', 'ixssan', 'ixsa', 'ikhsa', 'اخصا', 'اخصان', 'يقان', 'خصا', 'خصان');
/** Bring, take along, in any person: "ad d nawi", "awigh", "awid"; "yawd" is news brought. */
const BRING = verb('awi|awy|iwi|awd|jib|hz', 'اوي|يوي|جيب');
/** At what hour: "mnck n tsa3t", "manza lwqt", "mlmi". */
const WHAT_HOUR = words('mnck', 'mnchk', 'mnshk', 'mnsk', 'manza', 'mlmi', 'منشك', 'مانزا', 'ملمي', 'مليمي');
/** The doctors begin, open: "ad bdun", "ad ftun". */
const BEGIN = verb('bdu|bda|bdi|ftu|ftu7|ftah', 'بدو|بدا|فتح');
/** Go in to the doctor, in any person: "ad ikcm", "kchmgh". */
/** The caravan opening, in the third person only ("ad tbdu", "ibda", "tftu7"): "ad bdugh" is the writer's own start. */
const IT_BEGINS = /^(?:ad|rad|a)?(?:t|i|y)(?:bdu|bda|bdi|ftu7|ftah|fth)(?:n|nt)?$|^(?:اد|راد)?(?:ت|ي)(?:بدو|بدا|فتح)(?:ن|نت)?$/;
/** An hour, as Tachelhit, Darija and French name it: "ssa3a", "lwqt", "l'heure". */
const HOUR = words('ssa3a', 'lssa3a', 'sa3a', 'tsa3t', 'lwqt', 'lw9t', 'heure', 'lheure', 'ساعه', 'الساعه', 'وقت', 'الوقت');
const GO_IN = verb('kcm|kchm|kshm|dkhl', 'كشم|دخل');
/** Will it come back: "is rad d t3awd" (will it come again). */
const IS = words('is', 'wach', 'اس', 'واش');
const FUTURE = words('ad', 'rad', 'ghad', 'ra', 'اد', 'راد', 'غاد', 'را');
/** Papers a villager may be asked to bring: the identity card, the health cover, a prescription. */
const PAPERS = words(
  'lbitaqa', 'bitaqa', 'lkarta', 'karta', 'carte', 'cin', 'ramed', 'lramed', 'amo', 'lkarni', 'karni', 'ordonnance', 'lordonnance', 'lwraq', 'lwra9', 'lwrq',
  'البطاقه', 'بطاقه', 'لكارط', 'كارط', 'راميد', 'الوراق', 'لوراق',
);
const AGAIN = verb('3awd|3awed|3aud|3awdu', 'عاود');
/** Someone of the association: "lmuwazaf", "lmas2ul", "responsable". */
const STAFF = words(
  'lmuwazaf', 'muwazaf', 'lmuwadaf', 'lmowazaf', 'lmwazaf', 'lmas2ul', 'lmasul', 'lmasoul', 'lmas2oul', 'responsable', 'employe', 'موظف', 'لموظف', 'مسؤول', 'لمسؤول',
);
const WITH = words('d', 'د', 'dids', 'ak', 'dis');
const GIVE = verb('fk|fka|fkk|akka', 'فك|فكا');
/** Darija's "give me", borrowed whole: "3tini numero n chi yan f lqafila". */
const GIVE_ME = /^a?3t(?:i|ee)(?:ni|wni)$|^(?:ا)?عطي(?:ني|وني)$/;
/** Someone to reach: a person, the association, the team, a doctor ("numero d l'association", "chi yan f lqafila"). */
const SOMEONE: ReadonlySet<string> = new Set([
  ...STAFF, ...DOCTOR,
  ...words('yan', 'yat', 'wa7d', 'wahd', 'bnadm', 'association', 'ljam3iya', 'jam3iya', 'ljm3iya', 'lfri9', 'lfriq', 'يان', 'واحد', 'جمعيه', 'الفريق'),
]);
/** Show, in any person: "ml iyi", "mlat iyi", "tmlm". */
const SHOW = verb('ml|mml|mal', 'مل|مال');
/** Bring, send or show me: "awid", "sifd iyi", "ml iyi". */
const ASK_FOR = new RegExp(`${BRING.source}|${SEND.source}|${GIVE.source}|${SHOW.source}`);
/** The menu, or the choices in it: "lmenu", "lkhyarat", "les options". */
const MENU = words(
  'lmenu', 'menu', 'lmeni', 'meni', 'lmenyu', 'مينيو', 'منيو', 'المنيو', 'lkhyarat', 'khyarat', 'lkhiyarat', 'lkhtiyarat', 'options', 'choix', 'الخيارات', 'خيارات',
);
/** They are: "mad gan lkhyarat" (what are the choices). */
const ARE = words('gan', 'gant', 'igan', 'ga', 'كان', 'كانت', 'ايكان');
const PLEASE = words('afak', '3afak', '3fak', 'afk', 'عافاك', 'عفاك', 'svp', 'stp');
/** How much: "mnchk ad nfk" (how much do we give), "chhal". */
const HOW_MUCH = words('mnchk', 'mnck', 'mnshk', 'mnsk', 'chhal', 'ch7al', 'chh7al', 'منشك', 'شحال');
/** Paying, in any person: "ad nfk", "nkhlls", Darija's "nkhlsso". */
const PAY = verb('fk|fka|khl+s|xl+s|dfe3|df3', 'فك|خلص|دفع');

export const VISIT_PATTERNS: readonly Pattern[] = [
  { intent: 'cancel', steps: [CALL_OFF, APPOINTMENT], gap: 2, shared: true },
  { intent: 'cancel', steps: [APPOINTMENT, CALL_OFF], gap: 5, shared: true },
  { intent: 'cancel', steps: [ANNUL], gap: 0, positive: true, shared: true },
  // "ur zdarx ad d asx ass n lkhmis, hiyydat iyi": I cannot come, take me off.
  { intent: 'cancel', steps: [NEG, I_COME, CALL_OFF], gap: 8 },
  { intent: 'reschedule', steps: [DELAY, APPOINTMENT], gap: 2, shared: true },
  { intent: 'reschedule', steps: [APPOINTMENT, DELAY], gap: 5, shared: true },
  { intent: 'reschedule', steps: [APPOINTMENT, MOVE_FAR], gap: 10, shared: true },
  // "ri ad bdl inhar" (I want to change the day): the day or hour changed.
  { intent: 'reschedule', steps: [MOVE_FAR, TIME], gap: 1, shared: true },
  { intent: 'reschedule', steps: [APPOINTMENT, NEG, ME, SUIT], gap: 6 },
  { intent: 'reschedule', steps: [CAN, MOVE], gap: 3 },
  // "azkka ur zdargh, is imkn f ljm3a?": I cannot come then, could it be another day.
  { intent: 'reschedule', steps: [NEG, CAN, IS, POSSIBLE, TIME], gap: 2 },
  { intent: 'campaigns_info', steps: [HOW, MUST, BRING], gap: 2, anyLength: true },
  { intent: 'campaigns_info', steps: [HOW, FUTURE, BRING], gap: 1, anyLength: true },
  // "is ikhssa lbitaqa?", "is rad nawi lkarni?": whether papers must be brought.
  { intent: 'campaigns_info', steps: [IS, MUST, PAPERS], gap: 2, shared: true },
  { intent: 'campaigns_info', steps: [IS, FUTURE, BRING, PAPERS], gap: 1 },
  { intent: 'campaigns_info', steps: [HOW_MUCH, PAY], gap: 2, anyLength: true },
  { intent: 'campaigns_info', steps: [WHAT_HOUR, BEGIN], gap: 4, anyLength: true },
  // "ma l'heure ad tbdu", "mad tga ssa3a ad ibda": the hour the caravan opens at.
  { intent: 'campaigns_info', steps: [HOW, HOUR, IT_BEGINS], gap: 2, anyLength: true },
  { intent: 'campaigns_info', steps: [IS, FUTURE, AGAIN], gap: 1, anyLength: true },
  { intent: 'my_appointments', steps: [WHAT_HOUR, GO_IN], gap: 4, anyLength: true },
  { intent: 'subscribe', steps: [ME, BRING, NEWS], gap: 2, positive: true },
  { intent: 'human', steps: [STAFF, SPEAK], gap: 5 },
  { intent: 'human', steps: [SPEAK, WITH, STAFF], gap: 1 },
  // "Give me the doctor's number, I will call him": a person to speak to.
  { intent: 'human', steps: [GIVE, ME, NUMBER], gap: 1 },
  { intent: 'human', steps: [GIVE_ME, NUMBER, SOMEONE], gap: 3, shared: true },
  // "awid lmenu", "sifd iyi lmenu": the menu asked for; "menu" alone may be a choice in it.
  { intent: 'help', steps: [ASK_FOR, MENU], gap: 1 },
  { intent: 'help', steps: [MENU, PLEASE], gap: 0 },
  { intent: 'help', steps: [HOW, ARE, MENU], gap: 0 },
];
