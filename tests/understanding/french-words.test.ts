// French as new writers wrote it, which the rules had read as other requests or none: "merci de ne plus m'envoyer"
// (a stop) as thanks, "le rdv tombe le jour du souk" (it falls on market day) as a fall.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';
import type { Intent } from '../../src/understanding/intents.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';

// The rules alone: these words are the lexicon's to know.
const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const intentOf = (text: string) => understand(text, undefined, silent).intent;

describe('French, as more writers wrote it', () => {
  it.each([
    'Bonjour, merci de ne plus m envoyer de messages',
    'retirez mon numero de la liste des messages svp',
    'je veux plus rien recevoir de vous',
    'arretez de m ecrire stp',
    'plus de sms svp, merci',
    'ne m ecrivez plus jamais sur ce numero',
  ])('hears a stop in "%s"', (text) => expect(intentOf(text)).toMatch(/^(stop|maybe_stop)$/));

  it.each([
    'Ayoub convulse la!! 40 de fievre',
    'j ai une douleur dans la poitrine qui descend dans le bras gauche',
    'mon pere respire tres mal depuis ce soir',
    'le petit a bu du produit pour les oliviers',
    'ma grand mere ne repond plus',
    'Itto s est ebouillantee tout l avant-bras, repondez vite',
  ])('hears an emergency in "%s"', (text) => expect(intentOf(text)).toBe('emergency'));

  it('reads a visit that falls on a day, and typing too fast, as no emergency', () => {
    expect(intentOf('le rendez vous de mon oncle tombe le jour du souk, possible un autre jour ?')).not.toBe('emergency');
    expect(intentOf('l age de mon pere c 79 pas 97 j ai tape trop vite')).not.toBe('emergency');
    expect(intentOf('ma mere est tombee dans l escalier et saigne de la tete')).toBe('emergency');
  });

  it('asks after a registration', () => {
    expect(intentOf('vous avez bien recu l inscription de Itto Ouhammou?')).toBe('my_appointments');
    expect(intentOf('c quoi le code du rdv de mon oncle?')).toBe('my_appointments');
    expect(intentOf('Lhaj Ali il est inscrit dans la liste de demain?')).toBe('my_appointments');
  });

  it.each([
    ["oui oui c'est ça", 'yes'],
    ['oui d accord sa marche', 'yes'],
    ["Oui, c'est bien cela, je confirme.", 'yes'],
    ['nn c pas la peine', 'no'],
    ['Non, je vous remercie, pas nécessaire.', 'no'],
    ["Non pas pour l'instant", 'no'],
  ])('reads an answer that opens a short message: "%s" is %s', (text, intent) => expect(intentOf(text)).toBe(intent));

  it('keeps an answer that opens a request, or thanks beside an agreement, as they were', () => {
    expect(intentOf('oui mais quand vient la caravane ?')).toBe('campaigns_info');
    expect(intentOf("c'est bon merci")).toBe('thanks');
    expect(intentOf("merci, c'est bon")).toBe('thanks');
  });

  it('takes French words near an emergency word for what they are: "servent" is no snake, "une boule" no burn', () => {
    expect(intentOf('vos messages ne lui servent a rien, elle ne sait pas lire')).not.toBe('emergency');
    expect(intentOf('ma voisine a une boule dans le sein, inscrivez la chez la gyneco svp')).toBe('book');
    expect(intentOf('annuler mon rdv dentiste, je me suis fait soigner a Rabat')).toBe('cancel');
    expect(intentOf('il a ete mordu par un serpent')).toBe('emergency');
  });

  it.each(['inscrivez ma mere svp', 'inscris moi stp', 'inscrivez-la pour les yeux'])('reads "register her" as a booking, not as "is she registered": "%s"', (text) =>
    expect(intentOf(text)).toBe('book'),
  );

  it.each([
    ['jveux que vous supprimiez toutes mes infos, nom numero tout', 'delete_data'],
    ["je vous demande de procéder à l'effacement de l'ensemble des informations me concernant", 'delete_data'],
    ['j aimerais savoir quels renseignements vous détenez à mon sujet', 'my_data'],
  ])('hears data asked off or asked for in "%s"', (text, intent) => expect(intentOf(text)).toBe(intent));

  it.each(['y aura un dentiste? et un pediatre pour les petits?', 'il y aura un endocrinologue cette fois?', 'ya quels medecins ds la caravane cette fois?', 'Le dentiste il vient quand ?'])(
    'hears what the caravan brings asked about in "%s"',
    (text) => expect(intentOf(text)).toBe('campaigns_info'),
  );

  it('reads "il y a deux mois" as a time ago, not a question on what comes', () => {
    expect(intentOf('J ai donné mon sang il y a deux mois, je peux redonner ?')).toBe('donate_blood');
  });

  it.each(['Changer rdv samedi svp', 'Pourriez-vous avancer ma consultation à une heure plus matinale ?', 'samedi j ai un mariage, je peux venir dimanche a la place ?'])(
    'hears a visit moved in "%s"',
    (text) => expect(intentOf(text)).toBe('reschedule'),
  );

  it('reads "par avance" as thanks in advance, not a visit moved forward', () => {
    expect(intentOf('Pourriez-vous m indiquer la date de la caravane a Goulmima ? Merci par avance.')).toBe('campaigns_info');
  });

  it('reads a birth that is over or to come as no emergency, and one going on as one', () => {
    expect(intentOf('ma fille elle a accouche hamdoullah, annulez mon rendez vous de jeudi')).toBe('cancel');
    expect(intentOf('je pars a Meknes, ma fille doit accoucher, annulez ma consultation')).not.toBe('emergency');
    expect(intentOf('ma femme accouche et elle saigne beaucoup')).toBe('emergency');
    expect(intentOf('elle a accouche et elle saigne beaucoup')).toBe('emergency');
  });

  it.each(['son fils a fait une crise, il tremble et il a les yeux blancs', 'le petit a mangé les comprimés de sa grand mère', 'il a pris une double dose de son traitement'])(
    'hears an emergency in "%s"',
    (text) => expect(intentOf(text)).toBe('emergency'),
  );

  it.each([
    ["Votre message m'a réveillée à une heure du matin.", 'maybe_stop'],
    ["Vous m'avez déjà envoyé ce rappel trois fois cette semaine...", 'maybe_stop'],
    ['rdv de papa c a quelle heure exactement ?', 'my_appointments'],
    ['envoyez moi un msg qd il y aura une caravane des yeux', 'subscribe'],
  ])('reads "%s" as %s', (text, intent) => expect(intentOf(text)).toBe(intent));

  it('reads "why do you send me messages when I sleep" as no request to be told', () => {
    expect(intentOf('pourquoi vous m envoyez des messages quand je dors')).not.toBe('subscribe');
  });

  it.each([
    ['Je demande la suppression de toutes mes informations.', 'delete_data'],
    ['Je souhaite que mes informations personnelles soient supprimées de votre système.', 'delete_data'],
    ['ELLE A PA 65 AN ELLE A 78', 'correct_data'],
    ["L'age de ma femme c'est pas 60, c'est 67 ans", 'correct_data'],
  ])('reads "%s" as %s', (text, intent) => expect(intentOf(text)).toBe(intent));

  it.each(['vous achetez du poisson? sardine fraiche 10dh le kilo', 'tu connais quelqun qui veut acheter des moutons pour l aid?', 'je vais consulte demain a la ville'])(
    'takes everyday French words for themselves, not for a stop or an emergency: "%s"',
    (text) => expect(intentOf(text)).not.toMatch(/^(stop|maybe_stop|emergency)$/),
  );

  it.each([
    ['Affirmatif.', 'yes'],
    ['Négatif.', 'no'],
    ['Prière de rayer mon petit-fils Yassine de la liste du pédiatre', 'cancel'],
    ['Ecris moi quand y a une caravane pour les yeux par ici', 'subscribe'],
    ["je veux que vous enleviez toutes mes informations de l'ordinateur", 'delete_data'],
  ])('reads "%s" as %s', (text, intent) => expect(intentOf(text)).toBe(intent));

  it('reads "rater" (to miss) as no visit struck off', () => {
    expect(intentOf('Prévenez moi svp dès qu il y a une date pour le Rif, je veux pas rater la prochaine')).not.toBe('cancel');
  });

  it('reads an urgency denied as none, and one said as one', () => {
    expect(intentOf("je veux que quelqu un m appelle svp, c est pas une urgence mais c est important")).toBe('human');
    expect(intentOf("Bonjour, j'aimerais un rendez-vous chez le gynécologue. Rien d'urgent, un contrôle.")).not.toBe('emergency');
    expect(intentOf('c est urgent, il respire plus')).toBe('emergency');
  });

  it.each(['qui vous a donne mon numero ?', 'ki vous a donne mon num', 'qui il a donné mon numero a vous ?'])('asks whether "%s" means stop', (text) =>
    expect(intentOf(text)).toBe('maybe_stop'),
  );

  it('lets a sure table read a French story of up to a hundred words, where the rules heard a person asked for', () => {
    const sure = (intent: Intent): SecondOpinion => ({ intent: () => intent, arabicLocale: () => 'ary' });
    const story = (words: number) =>
      `salam alikoum bon alors c est pour ma belle mere quelqu un m a dit de vous ecrire ${Array.from({ length: words - 19 }, () => 'et').join(' ')} voila merci beaucoup`;
    expect(understand(story(90), undefined, silent).intent).toBe('human');
    expect(understand(story(90), undefined, sure('book')).intent).toBe('book');
    expect(understand(story(110), undefined, sure('book')).intent).toBe('human');
  });

  it('reads "ça marche pas" as help and "le rdv est confirmé ?" as a question on the visit, neither as a yes', () => {
    expect(intentOf('le bot ca marche pas')).toBe('help');
    expect(intentOf('le rdv est confirmé ?')).toBe('my_appointments');
    expect(intentOf("c'est confirmé")).toBe('yes');
  });
});
