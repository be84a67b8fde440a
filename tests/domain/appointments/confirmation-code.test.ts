// Confirmation codes avoid look-alike characters and survive the way people type them back.
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  formatConfirmationCode,
  generateConfirmationCode,
  isValidConfirmationCode,
  LOOK_ALIKES,
  normalizeConfirmationCode,
} from '../../../src/domain/appointments/confirmation-code.ts';

describe('confirmation codes', () => {
  it('never use 0, O, 1, I, L, 5, S, U or V, in 10,000 codes', () => {
    expect(CODE_ALPHABET).not.toMatch(/[0O1IL5SUV]/);
    const codes = Array.from({ length: 10_000 }, () => generateConfirmationCode());
    for (const c of codes) expect(isValidConfirmationCode(c)).toBe(true);
    expect(codes.join('')).not.toMatch(/[0O1IL5SUV]/);
    expect(new Set(codes).size).toBeGreaterThan(9_990);
  });

  it('follow the injected random source', () => {
    let i = 0;
    expect(generateConfirmationCode(() => i++ % CODE_ALPHABET.length)).toBe(CODE_ALPHABET.slice(0, 6));
  });

  it('read back from lower case, dashes, spaces and Arabic-Indic digits', () => {
    expect(normalizeConfirmationCode('k7f-3qx')).toBe('K7F3QX');
    expect(normalizeConfirmationCode(' K7F 3QX ')).toBe('K7F3QX');
    expect(normalizeConfirmationCode('K٧F-٣QX')).toBe('K7F3QX');
    expect(normalizeConfirmationCode('K0F3QX')).toBeUndefined();
    expect(normalizeConfirmationCode('K7F3Q')).toBeUndefined();
    expect(formatConfirmationCode('K7F3QX')).toBe('K7F-3QX');
  });

  it('read the Eastern Arabic digits, any dash and the dots a desk types', () => {
    expect(normalizeConfirmationCode('k۷f–۳qx')).toBe('K7F3QX');
    expect(normalizeConfirmationCode('k7f.3qx')).toBe('K7F3QX');
    expect(normalizeConfirmationCode('K7F_3QX')).toBe('K7F3QX');
  });

  it('read an 8 as the B it is mistaken for, in any position', () => {
    expect(normalizeConfirmationCode('8AK-3QX')).toBe('BAK3QX');
    expect(normalizeConfirmationCode('k7f 3q8')).toBe('K7F3QB');
  });

  it('leave the pairs the alphabet dropped unread, rather than match them to another code', () => {
    for (const typed of ['K0F3QX', 'KOF3QX', 'K1F3QX', 'KIF3QX', 'KLF3QX', 'K5F3QX', 'KSF3QX', 'KUF3QX', 'KVF3QX', 'K2F3QX', 'KZF3QX']) {
      expect(normalizeConfirmationCode(typed)).toBeUndefined();
    }
  });

  it('map every look-alike to a character of the alphabet, and none that is in it already', () => {
    for (const [typed, read] of Object.entries(LOOK_ALIKES)) {
      expect(CODE_ALPHABET).not.toContain(typed);
      expect(CODE_ALPHABET).toContain(read);
    }
  });
});
