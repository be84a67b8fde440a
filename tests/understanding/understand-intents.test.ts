// Which intent a message gets: the rules understanding applies on top of the lexicons. Pure.
import { describe, expect, it } from 'vitest';
import { buildLexicon, understand } from '../../src/understanding/index.ts';
import type { LexiconFile } from '../../src/understanding/lexicon.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';

const file = (over: Partial<LexiconFile>): LexiconFile => ({ markers: [], intents: {}, services: {}, numbers: {}, numberPrefixes: [], back: [], languages: {}, ...over });
/** No phrase at all: only the rules written in code are left. */
const NO_PHRASES = buildLexicon([]);
/** A few French phrases, so each rule can be read alone. */
const SMALL = buildLexicon([
  ['fr', file({
    intents: { book: ['rdv'], campaigns_info: ['caravane'], cancel: ['annuler'] },
    services: { ophthalmology: ['yeux'], blood_donation: ['sang'] },
    languages: { ary: ['darija'] },
  })],
]);
const intentOf = (text: string, lexicon = NO_PHRASES) => understand(text, lexicon).intent;
/** With the shipped lexicons. */
const heard = (text: string) => understand(text).intent;

describe('asking about one\'s own appointment', () => {
  it.each(['rendez-vous', 'rdv', 'maw3id', 'lmaw3id', 'موعد', 'الموعد', 'رونديفو', 'الرونديفو', 'موعدي'])('is "%s" with a when or where word', (word) => {
    expect(intentOf(`${word} quand`)).toBe('my_appointments');
  });

  it.each(['quand', 'imta', 'fo9ach', 'foqach', 'fin', 'fine', 'متى', 'امتى', 'فوقاش', 'فين', 'أين'])('is an appointment word with "%s"', (word) => {
    expect(intentOf(`rdv ${word}`)).toBe('my_appointments');
  });

  it('needs both words: an appointment word alone says nothing of when', () => {
    expect(intentOf('rdv')).toBe('unknown');
  });
});

describe('asking when or where the caravan comes', () => {
  it.each(['quand', 'imta', 'fin', 'فوقاش', 'أين'])('is a message with "%s" in it', (word) => {
    expect(intentOf(`c est ${word}`)).toBe('campaigns_info');
  });

  it('is booking when a service is named and no other request is made ("where is the eye doctor?")', () => {
    expect(understand('quand yeux', SMALL)).toStrictEqual({ intent: 'book', locale: 'fr', script: 'latn', entities: { service: 'ophthalmology' } });
  });

  it('stays a question about the caravan when a phrase asks about it, a service named or not', () => {
    expect(intentOf('quand caravane yeux', SMALL)).toBe('campaigns_info');
    expect(intentOf('quand', SMALL)).toBe('campaigns_info');
  });

  it('is not a visit called off when "it will not come" is asked: the lexicon knows "ghatjich" from "ghanjich" (I will not come)', () => {
    const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
    for (const text of ['lkaravana ma ghatjich?', 'mlmi rat dach lkarafana wala ma ghatjich']) expect(understand(text, undefined, silent).intent, text).not.toBe('cancel');
    expect(heard('ana ma ghanjich ghda')).toBe('cancel');
  });

  it('is not a visit called off when someone "wants" ("bgha", never a misspelt "lgha", cancelled)', () => {
    expect(heard('baba bgha ymchi l tbib dyal l3inin')).toBe('book');
    expect(heard('chkun bgha ychri tomobil? 40000dh')).toBe('unknown');
    expect(heard('lgha lmaw3id dyali')).toBe('cancel');
  });
});

describe('booking and giving blood', () => {
  it('turns a booking for blood donation into giving blood', () => {
    expect(intentOf('rdv sang', SMALL)).toBe('donate_blood');
    expect(intentOf('rdv yeux', SMALL)).toBe('book');
  });

  it('reads a service named alone as booking it, or as giving blood', () => {
    expect(intentOf('yeux', SMALL)).toBe('book');
    expect(intentOf('sang', SMALL)).toBe('donate_blood');
  });

  it('keeps another request made with a service', () => {
    expect(intentOf('annuler sang', SMALL)).toBe('cancel');
    expect(intentOf('🆘 yeux', SMALL)).toBe('emergency');
    expect(intentOf('👍 sang', SMALL)).toBe('yes');
    expect(intentOf('darija yeux', SMALL)).toBe('change_language');
  });

  it('keeps a request made with a number: "annuler 2" is no choice', () => {
    expect(understand('annuler 2', SMALL)).toStrictEqual({ intent: 'cancel', locale: 'fr', script: 'latn', entities: { number: 2 } });
  });
});

describe('changing the language', () => {
  it('is a language named in a message of up to three words', () => {
    expect(understand('b darija 3afak', SMALL)).toStrictEqual({ intent: 'change_language', locale: 'ary', script: 'latn', entities: { language: 'ary' } });
  });

  it('is a language named against another in up to six words: the "not" is of the other language', () => {
    expect(heard('riɣ tachelhit, machi l3rbiya')).toBe('change_language');
    expect(heard('بغيت الدارجة ماشي الفرنسية')).toBe('change_language');
    expect(heard('bghit darija machi fransawiya 3afak')).toBe('change_language');
  });

  it('is not a language mentioned in a longer message, though the language is kept', () => {
    // The rule alone: the learned second opinion, asked when the rules hear nothing, is tested on its own.
    const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
    expect(understand('bghit darija 3afak khoya', SMALL, silent)).toStrictEqual({ intent: 'unknown', locale: 'ary', script: 'latn', entities: { language: 'ary' } });
    expect(heard('la, machi darija, ana bghit nsjjel bba 3nd tbib')).not.toBe('change_language');
  });
});

describe('emoji answers', () => {
  it.each([
    ['👍', 'yes'], ['👎', 'no'], ['🙏', 'thanks'], ['🆘', 'emergency'],
  ])('read %s as %s', (emoji, intent) => {
    expect(intentOf(emoji)).toBe(intent);
  });

  it('count in a long message too, where the words for yes and no would not', () => {
    expect(heard('👍 je serai avec ma mère demain matin')).toBe('yes');
    expect(heard('je serai avec ma mère demain matin 👎')).toBe('no');
    expect(heard('merci pour tout ce que vous faites 🙏')).toBe('thanks');
  });

  it('give only their own intent: a thumbs up in a long message is not a no', () => {
    expect(heard('👍 la la la la la')).toBe('yes');
    expect(heard('la la la la la 👍')).toBe('yes');
  });
});

describe('short answers', () => {
  // The rules' limits: the table, which leads Darija in Latin letters, is kept out.
  const rulesOnly: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
  const heard = (text: string) => understand(text, undefined, rulesOnly).intent;

  it('read yes and no only in messages of up to four words ("la" is also French for "the"), or eight opening with a French answer', () => {
    expect([heard('oui oui oui oui'), heard('oui oui oui oui oui oui oui oui oui')]).toEqual(['yes', 'unknown']);
    expect([heard('wakha wakha wakha wakha'), heard('wakha wakha wakha wakha wakha')]).toEqual(['yes', 'unknown']);
    expect([heard('la la la la'), heard('la la la la la')]).toEqual(['no', 'unknown']);
  });

  it('read greetings only in messages of up to six words or of greetings and two words besides, and help in messages of up to eight', () => {
    expect([heard('bonjour zzz zzz zzz zzz zzz'), heard('bonjour zzz zzz zzz zzz zzz zzz')]).toEqual(['greeting', 'unknown']);
    expect([heard('salam salam salam salam salam zzz zzz'), heard('salam salam salam salam salam zzz zzz zzz')]).toEqual(['greeting', 'unknown']);
    expect([heard('aide aide aide aide aide aide aide aide'), heard('aide aide aide aide aide aide aide aide aide')]).toEqual(['help', 'unknown']);
  });

  it('do not limit other requests: a stop or an emergency counts at any length', () => {
    expect(heard('stop stop stop stop stop stop stop')).toBe('stop');
    expect(heard('x x x x x x x x x x urgence')).toBe('emergency');
  });
});

describe('"no problem" and "like this"', () => {
  it.each(['machi mochkil', 'ماشي مشكل', 'ايه صافي ماكاين مشكل', 'ur illi mushkil'])('reads "%s" as yes, not as the "no" inside it', (text) => {
    expect(understand(text).intent).toBe('yes');
  });

  it('reads "hakka" as "like this", not as an itch', () => {
    expect(understand('bghit hakka a khouya').entities.service).toBeUndefined();
  });
});
