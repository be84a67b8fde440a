// Word classes match a word in the spellings villagers use for it, and a verb in any person.
import { describe, expect, it } from 'vitest';
import { foldWord, inClass, verb, words } from '../../src/understanding/tachelhit-words.ts';

describe('word classes', () => {
  it('fold "ou"/"o", an inner "e", doubled letters and the Arabic article', () => {
    expect(foldWord('lma3loumat')).toBe(foldWord('lma3lumat'));
    expect(foldWord('lmessagat')).toBe(foldWord('lmsagat'));
    expect(foldWord('الميساجات')).toBe(foldWord('ميساجات'));
    expect(foldWord('لميساجات')).toBe(foldWord('ميساجات'));
    // An opening ئ, normalised to ا, is Tachelhit's opening i.
    expect(inClass(words('يرا'), 'ارا')).toBe(true);
    expect(inClass(words('لائحة'), 'لايحه')).toBe(true);
  });

  it('leave short words whole: "de" is not "d"', () => {
    expect(foldWord('de')).toBe('de');
    expect(inClass(words('d'), 'de')).toBe(false);
  });

  it('hear a set word in any of its spellings', () => {
    const messages = words('lmsajat', 'ميساجات');
    for (const w of ['lmsajat', 'lmssajat', 'الميساجات']) expect(inClass(messages, w), w).toBe(true);
    expect(inClass(messages, 'lmaw3id')).toBe(false);
  });

  it('hear a verb in any person and aspect, and nothing that merely contains its stem', () => {
    const send = verb('a?z+n', 'ا?زن');
    for (const w of ['tazznm', 'ttaznt', 'azngh', 'تازنم']) expect(inClass(send, w), w).toBe(true);
    for (const w of ['tiznit', 'lmazn']) expect(inClass(send, w), w).toBe(false);
  });
});
