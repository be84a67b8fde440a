// Tachelhit requests heard through word classes: words between, other persons, Arabic script, Darija mixed in.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';

const intentOf = (text: string) => understand(text).intent;

describe('Tachelhit requests', () => {
  it.each([
    ['is illa ism inu gh liste', 'my_appointments'],
    ['اس ئلا ئسم ن بابا غ ليستا', 'my_appointments'],
    ['bddl iyi lmaw3id s yan wass yadni', 'reschedule'],
    ['ur zdargh azkka, ad t tsskrm s ass nnidn', 'reschedule'],
    ['ghr iyi f tilifun', 'human'],
    ['ini i tbib ad iyi isawl', 'human'],
    ['salam mad ikhssan ad nskr, tbib inna yi kra ur t fhimgh mzyan ula ssingh ad ghrgh', 'help'],
    ['ur fhimgh tafransist, kttbat s tachelhit', 'change_language'],
    ['ur ssingh ad ghrgh l3arbiya', 'change_language'],
    ['igh d tlkm lkafila tamazirt nngh, sifdat iyi message', 'subscribe'],
    ['ملمي راد د تاس القافلة ئني ايي', 'subscribe'],
    ['kks lma3lomat inu kullu', 'delete_data'],
    ['l3mr n baba machi 60', 'correct_data'],
    ['ddouar ur iga tafraout', 'correct_data'],
    ['mad ghurun gh lma3lumat inu', 'my_data'],
    ['ok ad d ashkgh azkka f lwqt inchallah', 'yes'],
    ['righ tis kratt', 'choice'],
    ['kkouz a khouya', 'choice'],
  ] as const)('reads "%s" as %s', (text, intent) => expect(intentOf(text)).toBe(intent));

  it('reads taking a name off the list as a cancellation, and erasing what is kept as deletion', () => {
    expect(intentOf('our rad d ddugh azkka, kksat smiyt inu')).toBe('cancel');
    expect(intentOf('kksat lma3lumat inu kullu')).toBe('delete_data');
  });

  it('does not read a question about the caravan, or work in the mornings, as something else', () => {
    expect(intentOf('is illa tbib n wallen g l9afila')).not.toBe('my_appointments');
    expect(intentOf('ar skrgh l3mal s tifawt')).not.toBe('reschedule');
  });

  it('hears "when it comes, call me" as a request to be told, and "call me" alone as a person', () => {
    expect(intentOf('igh d tushka lkafila siwl iyi')).toBe('subscribe');
    expect(intentOf('siwl iyi 3afak')).toBe('human');
  });

  it('does not hear a negated "I will come" as a yes', () => {
    expect(intentOf('wakha ur rad d ashkgh')).not.toBe('yes');
  });
});
