// Words of Darija in Latin letters that new writers used and the rules had read as others: "3lmouni" (let me know) as
// "3t9ouni" (help, an emergency), the northern "vale" (all right) as French "avalé".
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';

// The rules alone: these words are the lexicon's to know.
const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const intentOf = (text: string) => understand(text, undefined, silent).intent;

describe('Darija in Latin letters', () => {
  it('asks to be told, not rescued, with "3lmouni"', () => {
    expect(intentOf('3lmouni mli tjiw l Al Haouz 3afak')).toBe('subscribe');
  });

  it('agrees with "vale", and asks for what follows it', () => {
    expect(intentOf('vale')).toBe('yes');
    expect(intentOf('vale, ana msafra dak nhar, lghi la cita dyali 3afak')).toBe('cancel');
  });

  it('sells "beldi" oil, no son ("weldi") to see a children\'s doctor', () => {
    expect(understand('kanbi3 zit zitoun beldi li bgha ycontacti', undefined, silent).entities.service).toBeUndefined();
  });

  it('stops with "ma tb9awch tsifto" and "ma bghitch nb9a nwsl", which are no subscription', () => {
    expect(intentOf('matb9awch tsifto lia, safi salina')).toBe('stop');
    expect(intentOf('stop svp ma tb9awch tsifto lia msajat')).toBe('stop');
    expect(intentOf('ma bghitch nb9a nwsl 7ta msg mn had numero')).not.toBe('subscribe');
  });
});
