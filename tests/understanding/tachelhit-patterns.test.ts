// Tachelhit word-class patterns: requests in any person and word order, and what must never be heard in them.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';
import { tachelhitPatterns } from '../../src/understanding/tachelhit-patterns.ts';
import { normalizeText, tokenize } from '../../src/understanding/normalize.ts';

const intents = (text: string) => tachelhitPatterns(tokenize(normalizeText(text))).map((m) => m.intent);

describe('Tachelhit word-class patterns', () => {
  it.each([
    'tamghart inu ur tzdar ad ttnffas',
    'ur sul itnffs mzyan',
    'ئيوي ور ئزدار اد يتنفاس',
    'idamn ur ttbddadn',
    'ur ihbs ddm n tghmst',
    'الدم ؤر ئبدد',
    'ljr7 inu ifttḥ',
    'تفتح الجرح ن ئيوي',
    'lhmma bahra',
    'بزاف ئسخن',
    'baba ur isawal',
  ])('hears an emergency in "%s"', (text) => expect(understand(text).intent).toBe('emergency'));

  it('never reads an emergency beside a booking word as a booking', () => {
    expect(understand('ljr7 n l3amaliya ifttḥ ur ibdd idamn, rdv inu azkka').intent).toBe('emergency');
  });

  it.each(['ur sul iyi ttaznt walu', 'ur iyi d sul tsifdm kra', 'ور سول ايي تازنم تيبراتين', 'ur riɣ ad iyi d ttashkin lmsajat'])(
    'hears "don\'t send me anything anymore" as a stop at once: "%s"',
    (text) => expect(understand(text).intent).toBe('stop'),
  );

  it('does not hear "I will not come" as a stop: "come" needs "me" beside it', () => {
    expect(intents('ur riɣ ad d ashkɣ')).not.toContain('stop');
  });

  it('does not hear a negated "tell me when" as a subscription', () => {
    expect(intents('ur iyi tinim igh d tlkm')).not.toContain('subscribe');
    expect(intents('ini iyi igh d tlkm lkafila')).toContain('subscribe');
  });

  it('hears speaking in a language as a language, not as someone who cannot speak', () => {
    expect(intents('tbib ur isawal s tachelhit')).not.toContain('emergency');
  });

  it.each([
    ['ssfḍ ism inu', 'delete_data'],
    ['nmra inu ghlṭ', 'correct_data'],
    ['mad ghurun zgi', 'my_data'],
    ['ttuɣ lmaw3id', 'my_appointments'],
    ['ajjl rdv inu', 'reschedule'],
    ['riɣ ad fkɣ ddm', 'donate_blood'],
    ['righ yan ad iyi isawl', 'human'],
  ] as const)('reads "%s" as %s', (text, intent) => expect(intents(text)).toContain(intent));
});
