// French as new writers wrote it, which the rules had read as other requests or none: "merci de ne plus m'envoyer"
// (a stop) as thanks, "le rdv tombe le jour du souk" (it falls on market day) as a fall.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';
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
});
