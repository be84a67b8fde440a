// French stops that give an order stop at once; a wish, a complaint or a stop of some messages only is asked about.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';

// The rules alone: firmness is theirs to decide.
const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const intentOf = (text: string) => understand(text, undefined, silent).intent;

describe('a French stop', () => {
  it.each([
    "arrêtez de m'envoyer des messages",
    'arretez de m envoyer les msg stp',
    "Svp arrêtez d'envoyer des messages sur ce numéro, c'est celui de mon stage",
    'stop les notifications please',
    'bonjour madame, je veux plus recevoir les notification, merci et bonne journé',
    'je veux plus vos messages',
    'Bonjour, merci de ne plus m envoyer de messages',
    'je veux plus ce messages, desinscrire moi merci',
    "Cessez de m'écrire.",
    'Stop, je vous prie.',
    'jveu plu recevoir vos sms du tout',
    'ne mecrivé plus jamai sur ce numero',
    "je vous saurais gré de bien vouloir cesser de m'adresser vos messages",
    "Prière de cesser l'envoi de messages sur ce numéro. Merci.",
    'je veu plus recevoir les messages de la caravane sur ce téléphone',
    'merci pour tout mais je veux pas les messages encore, arretez svp',
  ])('that orders the messages stopped stops at once: "%s"', (text) => expect(intentOf(text)).toBe('stop'));

  it.each([
    'je veux me désabonner',
    'stop les messages du matin',
    'arrêtez le traitement de ma mère ?',
    "vous n'arrêtez pas d'envoyer des messages",
    'surtout arretez pas les rappels svp, ma mere oublie tout',
  ])('that is a wish, of some messages, or of something else is not made firm: "%s"', (text) => expect(intentOf(text)).not.toBe('stop'));

  it.each(['qui vous a donné mon numéro?', 'c qui qui vous a donne mon numero??', 'qui a donné mon numero a vous? je connais pas vous', 'qui vous a donné mon numéro ?? je me suis jamais inscrite moi', 'Qui vous a communiqué mon numéro ? Je ne connais pas votre association.'])(
    'that asks who gave out the number is asked whether the messages should stop: "%s"',
    (text) => expect(intentOf(text)).toBe('maybe_stop'),
  );

  it.each(['pk vous m ecrivez tous les jours la', 'encore un message?? chaque jour vous ecrivé, moi je travaille', "Est-il vraiment nécessaire de m'adresser un message chaque matin ?", 'trop de rappels cette semaine'])(
    'that complains of the messages is asked about: "%s"',
    (text) => expect(intentOf(text)).toBe('maybe_stop'),
  );

  it('beside another request is asked about, lest the request be lost', () => {
    expect(intentOf("arrêtez les messages mais dites moi quand la caravane vient")).not.toBe('stop');
  });

  it('asks about the caravan when it is asked about beside a stop, not when it names who sends the messages', () => {
    expect(intentOf('arretez les messages de la caravane svp')).toBe('stop');
    expect(intentOf('arretez les messages, la caravane vient quand ?')).not.toBe('stop');
    expect(intentOf("c est quoi ce numero, ça sert a quoi? mon cousin il a donné a moi")).not.toBe('maybe_stop');
  });
});
