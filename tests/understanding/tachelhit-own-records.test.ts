// Tachelhit questions about what the caravan holds on the writer, and how to sign up: asked, not requested.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';

const intentOf = (text: string) => understand(text).intent;

describe('what you wrote about me', () => {
  it.each([
    'mad tsjjlmt f ikhf inu',
    'ma tarm f ixf nu',
    'ماد تكتبم ف ئخف ئنو',
    'mayd tqiydm f ikhf inu, isem d numero',
    'mad tktbt zgi',
  ])('reads "%s" as asking what is kept', (text) => expect(intentOf(text)).toBe('my_data'));
});

describe('whether you registered me', () => {
  it.each(['is tsjjlmiyi', 'is sjjlntiyi g lista', 'ءيس سجلميي', 'is tktbtiyi f lista a lkhout', 'is qiydmyi'])(
    'reads "%s" as asking about the registration',
    (text) => expect(intentOf(text)).toBe('my_appointments'),
  );

  it('still books a bare order to register me', () => {
    expect(intentOf('sjjliyi')).toBe('book');
    expect(intentOf('is ad iyi tsjjlm')).toBe('book');
  });
});

describe('how to sign up', () => {
  it.each([
    'mamnk ad sjjlgh',
    'ur fhimgh walu, mamk rad tsjjlm iwi?',
    'mamnk ayd ra skrgh bach ad qiydgh yemma',
    'aide? ma ikhssn ad ktbgh bach ad sjjlgh',
    'ma ixssen ad sskrgh ad ktbgh baba',
    'manik ad sjjlgh',
    'manik rad nqiyd baba',
  ])('reads "%s" as asking for help, not booking', (text) => expect(intentOf(text)).toBe('help'));

  it.each(['riɣ tbib n walln i yemma, mamnk ad tt sjjlgh?', 'gigh s tadist, manik rad qiydgh i tbiba', 'iwi ira tbib n snan, mamk ad t nsjjl'])(
    'books "%s", which names the doctor to sign up for',
    (text) => expect(intentOf(text)).toBe('book'),
  );
});
