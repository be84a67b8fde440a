// French stops that give an order, as villagers write them: "arrêtez de m'envoyer des messages", "je ne veux plus vos
// sms", "ne m'écrivez plus". A wish ("je veux me désabonner") or a complaint ("pourquoi ces messages ?") is asked about.
import { SENDING, SENT, SENT_OR_SENDING } from './french-patterns.ts';
import type { HeardPhrase } from './stop-firmness.ts';
import { HALT_FR, REMOVE } from './tachelhit-classes.ts';
import { inClass, words } from './tachelhit-words.ts';

/** "Stop" as an order or its infinitive after "please": "arrêtez", "arrêter", "cessez", "stoppez", "arrête". */
const HALT = new RegExp(`${HALT_FR.source}|^(?:stop|cess(?:ez|er|e))$`);
/** "Unsubscribe" as an order ("désabonnez-moi", "désinscrivez nous"); "désinscrire moi" needs its "me". */
const UNSUBSCRIBE = /^d[e]?[sz]+(?:abonnez|inscrivez)$/;
const UNSUBSCRIBE_ME = /^d[e]?[sz]+(?:abonn|inscri)(?:er|e|re|r)?$/;
const ME = words('moi', 'nous');
/** "Want", "wish": "je (ne) veux plus …" refuses what follows. */
const WANT = words('veux', 'veut', 've', 'veu', 'jveux', 'jveu', 'voulons', 'voulez', 'souhaite', 'souhaitons', 'voudrais', 'desire');
const MORE = words('plus', 'plu');
/** "ne … pas", "n'arrêtez pas": a stop denied, or a thing that does not stop ("il n'arrête pas de tousser"). */
const NOT = words('ne', 'n', 'pas');

/** Within this many words after a stop verb, what it stops is named ("arrêtez de m'envoyer les messages"). */
const OBJECT_REACH = 5;
/** Within this many words before a stop phrase, "je ne veux plus" or "cessez" orders it ("je veux plus vos messages"). */
const REFUSAL_REACH = 4;

const named = (raw: readonly string[], from: number, to: number) => raw.slice(from, to).some((t) => inClass(SENT_OR_SENDING, t));
const refuses = (tokens: readonly string[]) => tokens.some((t, i) => inClass(WANT, t) && tokens.slice(i + 1, i + 3).some((u) => inClass(MORE, u)));

/**
 * A French stop phrase that orders the messages stopped: a stop, take-off or unsubscribe verb that names what it stops
 * ("arrêtez les notifications", "retirez mon numéro de la liste des messages", "désinscrivez-moi"), or a refusal of them
 * ("je ne veux plus vos messages", "ne m'envoyez plus", "merci de ne plus m'écrire").
 *
 * @example isFrenchOrder({ phrase: { tokens: ['arretez'], meaning: { kind: 'intent', intent: 'stop' } }, at: 0 }, ['arretez', 'de', 'm', 'envoyer', 'des', 'messages']) // true
 */
export function isFrenchOrder(m: HeardPhrase, raw: readonly string[]): boolean {
  const end = m.at + m.phrase.tokens.length;
  const said = raw.slice(m.at, end);
  if (inClass(NOT, raw[m.at - 1] ?? '') && !said.some((t) => inClass(MORE, t))) return false;
  if (inClass(NOT, raw[end] ?? '')) return false;
  const verb = said.find((t) => HALT.test(t) || REMOVE.test(t) || UNSUBSCRIBE.test(t));
  if (verb !== undefined && (UNSUBSCRIBE.test(verb) || named(raw, m.at, end + OBJECT_REACH))) return true;
  if (said.some((t) => UNSUBSCRIBE_ME.test(t)) && inClass(ME, raw[end] ?? '')) return true;
  // "ne plus m'envoyer", "n'écrivez plus", "je ne veux plus recevoir": "no more" with the sending or the wanting.
  if (said.some((t) => inClass(MORE, t)) && (said.some((t) => SENDING.test(t)) || refuses(said))) return true;
  // "je veux plus vos messages", "bien vouloir cesser de m'adresser vos messages": refused or stopped just before.
  const before = raw.slice(Math.max(0, m.at - REFUSAL_REACH), m.at);
  return (refuses(before) || before.some((t, i) => HALT.test(t) && !inClass(NOT, before[i - 1] ?? raw[m.at - REFUSAL_REACH - 1] ?? ''))) && named(raw, m.at, end);
}

/** The caravan named as who sends the messages: "les messages de la caravane". */
const SENDER = words('caravane', 'caravanes', 'campagne', 'campagnes');
/** Within this many words after the messages, the caravan named is their sender. */
const SENDER_REACH = 3;

/**
 * A request heard only in the caravan's name, said just after the messages it sends ("je veux plus recevoir les
 * messages de la caravane"): it says which messages, and asks nothing of the caravan.
 *
 * @example namesTheSender({ phrase: { tokens: ['caravane'], meaning: { kind: 'intent', intent: 'campaigns_info' } }, at: 4 }, ['les', 'messages', 'de', 'la', 'caravane']) // true
 */
export function namesTheSender(m: HeardPhrase, raw: readonly string[]): boolean {
  return m.phrase.tokens.every((t) => inClass(SENDER, t)) && raw.slice(Math.max(0, m.at - SENDER_REACH), m.at).some((t) => inClass(SENT, t));
}
