// Folds that depend on a character's neighbours, which normalizeText must keep whichever way it reads a text.
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/understanding/index.ts';

describe('word-opening ئ and ء', () => {
  it.each([
    ['ب ئيي', 'ب ايي'],
    ['ـئيي', 'ايي'],
    ['٢ئيي', '2ايي'],
    ['بّئر', 'بير'],
    ['ب،ئيي', 'ب ي'],
    ['ءّيدامن', 'ايدامن'],
    ['ءـاس', 'اس'],
  ])('read %j as %j: dropped harakat and tatweel are seen through, digits and Arabic punctuation are not', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('stretched letters', () => {
  it.each([
    ['بزـااـاـف', 'بزاف'],
    ['SALAAAM', 'salam'],
    ['Ｓａｌａａａｍ', 'salam'],
    ['ⵯⵯⵯ', 'w'],
    ['ḥḥḥ ɣɣɣ ⵖⵖⵖ', '777 ghghgh ghghgh'],
  ])('write %j as %j: letters count once folded, and digits or letter pairs are never stretched', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('characters that combine with their neighbours', () => {
  it.each([
    ['cafe\u0301', 'cafe'],
    ['h\u0323bs', '7bs'],
    ['\u064A\u0654\u064A\u064A', 'ايي'],
    ['ΣΑΣ', 'σας'],
    ['ﻻ ﬁn', 'لا fin'],
    ['👍🏽👍', 'thumbsup thumbsup'],
    ['ok\u00a0?\u202f!\ud83d', 'ok'],
  ])('fold %j as %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});
