// Confirmation codes avoid look-alike characters and survive the way people type them back.
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  formatConfirmationCode,
  generateConfirmationCode,
  isValidConfirmationCode,
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
});
