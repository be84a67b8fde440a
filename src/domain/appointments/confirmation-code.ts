// Confirmation codes people read aloud on a phone: no 0/O, 1/I/L, 5/S or U/V pairs to confuse.
import { randomInt } from 'node:crypto';
import { westernDigits } from '../western-digits.ts';

/** 24 characters; six of them give 191 million codes. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRTWXY34679';
export const CODE_LENGTH = 6;

/**
 * @example generateConfirmationCode() // 'K7F3QX'
 * @example generateConfirmationCode(() => 0) // 'AAAAAA' (tests inject the random source)
 */
export function generateConfirmationCode(pick: (n: number) => number = randomInt, length = CODE_LENGTH): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[pick(CODE_ALPHABET.length)] ?? '';
  return code;
}

/** What a villager or a coordinator typed ("k7f-3qx", "K7F 3QX") as a stored code, or undefined. */
export function normalizeConfirmationCode(input: string): string | undefined {
  const code = westernDigits(input)
    .toUpperCase()
    .replace(/[\s\-_.]/g, '');
  return isValidConfirmationCode(code) ? code : undefined;
}

export function isValidConfirmationCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** Groups by three for reading aloud: 'K7F3QX' -> 'K7F-3QX'. */
export function formatConfirmationCode(code: string): string {
  return code.length === CODE_LENGTH ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}
