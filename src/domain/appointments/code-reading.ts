// Reading a confirmation code as people type or scan it, and showing it for reading aloud. Pure and
// free of Node's modules: the console's check-in desk reads codes with it in the browser, offline too.
import { westernDigits } from '../western-digits.ts';

/** 24 characters; six of them give 191 million codes. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRTWXY34679';
export const CODE_LENGTH = 6;

/**
 * The characters the alphabet leaves out, read as the one allowed character they are mistaken for. Only
 * one entry is unambiguous: 8 looks like B and like nothing else that codes use. The others stay
 * unread, because the alphabet dropped them in pairs and what they stand for cannot be told:
 *   0, O  -> D or Q        1, I, L -> 7, J or T       5, S -> 6 or 9 (or nothing)
 *   U, V  -> W or Y        2, Z    -> 7 (or nothing)
 * A code with one of those is refused as unknown rather than matched to someone else's.
 */
export const LOOK_ALIKES: Readonly<Record<string, string>> = { '8': 'B' };

/**
 * What a villager, a coordinator or a desk typed ("k7f-3qx", "K7F 3QX", "k٧f—3qx", "8AK 3QX") as a
 * stored code, or undefined: any case, spaces, dashes and dots, Arabic-Indic digits, and LOOK_ALIKES.
 */
export function normalizeConfirmationCode(input: string): string | undefined {
  const code = [...westernDigits(input).toUpperCase().replace(/[\s\p{Pd}_.]/gu, '')].map((c) => LOOK_ALIKES[c] ?? c).join('');
  return isValidConfirmationCode(code) ? code : undefined;
}

export function isValidConfirmationCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** Groups by three for reading aloud: 'K7F3QX' -> 'K7F-3QX'. */
export function formatConfirmationCode(code: string): string {
  return code.length === CODE_LENGTH ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}
