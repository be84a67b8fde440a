// A vocative ("a sidi", "a lfri9 n l9afila") names whom a villager speaks to: it asks for nothing and lengthens no answer.
import { describe, expect, it } from 'vitest';
import { addressedTokens } from '../../src/understanding/addressee.ts';
import { normalizeText, tokenize, understand } from '../../src/understanding/index.ts';

const addressed = (text: string) => [...addressedTokens(tokenize(normalizeText(text)))];

describe('finding whom a message speaks to', () => {
  it('takes "a"/"ya" before a title, kin or the team, with the noun tied to it by "n" or named by "ayt"', () => {
    expect(addressed('yan a lfri9')).toEqual([1, 2]);
    expect(addressed('azul a ayt l9afila')).toEqual([1, 2, 3]);
    expect(addressed('manzakin a lfri9 n l9afila')).toEqual([1, 2, 3, 4]);
    expect(addressed('salam ya sidi')).toEqual([1, 2]);
  });

  it('leaves "a" alone when no one is named after it, as in French "il a"', () => {
    expect(addressed('il a mal')).toEqual([]);
    expect(addressed('a sidi')).toEqual([0, 1]);
    expect(addressed('sidi a')).toEqual([]);
  });
});

describe('understanding a message with a vocative', () => {
  it('still hears a short answer: a number, a no', () => {
    expect(understand('kraḍ a sidi')).toMatchObject({ intent: 'choice', entities: { number: 3 } });
    expect(understand('yan a lfri9')).toMatchObject({ intent: 'choice', entities: { number: 1 } });
    expect(understand('uhu a sidi ur riɣ').intent).toBe('no');
  });

  it('hears the bot called by name as no request for a person, unless a person is asked for', () => {
    expect(understand('a robot, mlmi ra tasim?').intent).toBe('campaigns_info');
    expect(understand('ya robot bghit nhdr m3a bnadem').intent).toBe('human');
    expect(understand('wach nta robot?').intent).toBe('human');
  });

  it('hears a greeting to the caravan as a greeting, not as a question about the caravan', () => {
    expect(understand('azul fllawn a ayt l9afila').intent).toBe('greeting');
    expect(understand('manzakin a lfri9 n l9afila').intent).toBe('greeting');
    expect(understand('mani tlla l9afila a sidi').intent).toBe('campaigns_info');
  });

  it('keeps a stop a stop when it is said to someone', () => {
    expect(understand('ur iyi tsifdm a lfri9').intent).toBe('stop');
  });
});
