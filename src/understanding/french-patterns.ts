// French requests heard through word classes, where fixed phrases cannot list the words between. Complaints about the
// messages ("tous les jours un message", "pourquoi vous m'écrivez", "qui vous a donné mon numéro ?") are asked about
// (`maybe_stop`), and only where nothing else is asked; the others are the villager's data asked off, asked for or
// corrected, what the caravan brings and when it comes, one's visit asked about, and being told when it comes.
import { words, type Pattern } from './tachelhit-words.ts';

/** The messages, as villagers call them ("arrêtez les notifs", "trop de rappels"). */
export const SENT = words(
  'messages', 'message', 'msg', 'msgs', 'sms', 'notifications', 'notification', 'notifs', 'notif', 'rappels', 'rappel', 'envois', 'envoi', 'textos',
  'texto', 'alertes', 'mesages', 'massages', 'messsages', 'sonneries',
);
/** Their sending or receiving, "m'" glued on or not: "vous m'écrivez", "envoyez", "menvoyé", "je reçois", "adresser". */
export const SENDING = /^(?:m|me)?(?:envoy|ecri[rv]|adress)|^recoi|^recev/;
/** The messages or their sending: what a complaint or a stop names. */
export const SENT_OR_SENDING = new RegExp(`^(?:${[...SENT].join('|')})$|${SENDING.source}`);
const EVERY = words('tous', 'tout', 'toute', 'toutes', 'chaque', 'chak', 'tou');
const DAY = words('jours', 'jour', 'matin', 'matins', 'soir', 'soirs', 'nuit', 'nuits', 'semaine', 'heure', 'heures', 'jrs', 'jr');
const MANY = words('trop', 'tro', 'beaucoup', 'bcp', 'plein', 'autant', 'tellement', 'tant', 'sans');
/** "Sans cesse", "sans arrêt": without a stop. */
const CEASING = /^(?:cesse|arret)$/;
/** "Who gave you my number": "qui vous a donné", "ki a donne", "qui vous l'a communiqué". */
const WHO = words('qui', 'ki');
const GAVE = /^(?:donne|donner|donnez|communique|passe|file)$/;
const NUMBER_WORD = words('numero', 'num', 'numro', 'tel', 'telephone');
const WHY = words('pourquoi', 'pk', 'pq', 'pkoi', 'pourkoi', 'purquoi', 'perche');
const YOU = words('vous', 'vs', 'tu', 'on');
const AGAIN = words('encore', 'encor');
const ONE = words('un', 'une', 'des', 'ces', 'vos');
/** Deleting, in any form: "supprimez", "supprimiez", "effacer", "effacement". */
const DELETE = /^(?:supprim|suppress|efface|enlev)/;
const ALL = words('tout', 'toutes', 'tous');
/** What one holds of a villager; not a name or a number alone, which are taken off a list ("retirez son nom"). */
const DATA = words('infos', 'info', 'informations', 'information', 'donnees', 'donnee', 'renseignements', 'coordonnees', 'fichiers', 'dossier', 'fiche');
/** "Il a pas 7 ans, il a 9": a number denied, then the right one. */
const NOT = words('pas', 'pa');
const NUMBER = /^\d{1,3}$/;
const WHICH = words('quels', 'quelles', 'quel', 'quelle', 'kel', 'kels');
const HOLD = /^(?:detene|detien|garde|conserv|ave[zs]$|stock|enregistr)/;
/** "Will there be", "is there": "y aura", "y a t il" ("il y a" is also "ago": "il y a deux mois"). */
const THERE = words('y');
const WILL_BE = words('aura', 'auras');
const HAS = words('a');
const T = words('t');
const IT = words('il');
/** The doctors a caravan brings: "quels médecins", "quelles spécialités". */
const DOCTORS = words('medecins', 'docteurs', 'specialites', 'specialistes', 'specialiste', 'specialite', 'medecin', 'docteur');
/** Coming: "il vient quand", "quand passe la caravane", "vous viendrez". */
const COMES = /^(?:vien(?:t|nent|dra|drez|drons|dront)|passe(?:ra|rez|z|nt)?|venez)$/;
const WHEN = words('quand', 'qd', 'kan', 'kand');
/** One's visit, and the hour or day asked of it: "rdv de papa c'est à quelle heure ?". */
const VISIT = words('rdv', 'rendez', 'rendezvous', 'consultation', 'operation');
const HOUR = words('heure', 'heur', 'date', 'jour');
/** "Send (or write) me when": "envoyez-moi un msg qd", "tu m'envoies un message quand", "écris-moi quand". */
const SEND_ME = /^(?:m|me)?(?:envo(?:yez|ie|ies|yer|ye)|ecri(?:s|vez|re))$/;
/** Woken, and times told: "votre message m'a réveillée", "envoyé ce rappel trois fois". */
const WOKE = /^revei?ll/;
const COUNT = /^(?:\d+|deux|trois|quatre|cinq|six|dix|plusieurs)$/;
const TIMES = words('fois');

export const FRENCH_PATTERNS: readonly Pattern[] = [
  // "pk vous m ecrivez tous les jours", "un message chaque matin", "tous les jours un message".
  { intent: 'maybe_stop', steps: [SENT_OR_SENDING, EVERY, DAY], gap: 3, shared: true },
  { intent: 'maybe_stop', steps: [EVERY, DAY, SENT_OR_SENDING], gap: 3, shared: true },
  // "trop de messages", "beaucoup de rappels", "autant de sms".
  { intent: 'maybe_stop', steps: [MANY, SENT], gap: 2, shared: true },
  // "je reçois sans cesse des rappels", "ça sonne sans arrêt".
  { intent: 'maybe_stop', steps: [SENT_OR_SENDING, MANY, CEASING], gap: 2, shared: true },
  // "pourquoi vous m'écrivez", "pk vous envoyez des msg a 2h", "pourquoi je reçois ces rappels".
  { intent: 'maybe_stop', steps: [WHY, YOU, SENT_OR_SENDING], gap: 2, shared: true },
  { intent: 'maybe_stop', steps: [WHY, SENDING], gap: 2, shared: true },
  // "votre message m'a réveillée", "vous m'avez envoyé ce rappel trois fois".
  { intent: 'maybe_stop', steps: [SENT, WOKE], gap: 3, shared: true },
  { intent: 'maybe_stop', steps: [SENT_OR_SENDING, COUNT, TIMES], gap: 3, shared: true },
  // "qui a donné mon numéro à vous ?" ("qui" is matched as folded, which "quoi" is too: the number must follow).
  { intent: 'maybe_stop', steps: [WHO, GAVE, NUMBER_WORD], gap: 3, shared: true },
  // "encore un message ??".
  { intent: 'maybe_stop', steps: [AGAIN, ONE, SENT], gap: 0, shared: true },
  // "y aura un dentiste ?", "y a t il un pédiatre", "quels médecins viennent": what the caravan brings, not a visit asked
  // for (a doctor named beside them is asked about). The question's form says it: the table does not overrule it.
  { intent: 'campaigns_info', steps: [THERE, WILL_BE], gap: 0, shared: true, sure: true },
  { intent: 'campaigns_info', steps: [THERE, HAS, T, IT], gap: 0, shared: true, sure: true },
  { intent: 'campaigns_info', steps: [WHICH, DOCTORS], gap: 1, shared: true, sure: true },
  // "le médecin des yeux il vient quand ?", "quand passe la caravane".
  { intent: 'campaigns_info', steps: [COMES, WHEN], gap: 1, shared: true },
  { intent: 'campaigns_info', steps: [WHEN, COMES], gap: 3, shared: true },
  // "rdv de papa c'est à quelle heure ?": one's visit asked about.
  { intent: 'my_appointments', steps: [VISIT, WHICH, HOUR], gap: 4, shared: true },
  // "envoyez-moi un msg qd il y aura une caravane": told when it comes, not a complaint ("pourquoi vous m'envoyez … quand").
  { intent: 'subscribe', steps: [SEND_ME, WHEN], gap: 3, shared: true, notAfter: WHY, notAfterGap: 3 },
  // "jveux que vous supprimiez toutes mes infos", "procéder à l'effacement de l'ensemble des informations".
  { intent: 'delete_data', steps: [DELETE, DATA], gap: 4, shared: true },
  // "que mes informations soient supprimées", "supprimer tout ce que vous avez sur moi".
  { intent: 'delete_data', steps: [DATA, DELETE], gap: 4, shared: true },
  { intent: 'delete_data', steps: [DELETE, ALL], gap: 0, shared: true },
  // "elle a pas 65 ans elle a 78", "c'est pas 60, c'est 67": an age or a number corrected.
  { intent: 'correct_data', steps: [NOT, NUMBER, NUMBER], gap: 3, shared: true },
  // "quels renseignements vous détenez à mon sujet", "quelles infos vous gardez".
  { intent: 'my_data', steps: [WHICH, DATA, HOLD], gap: 3, shared: true },
];
