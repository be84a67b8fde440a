// Confirmation codes people read aloud on a phone: no 0/O, 1/I/L, 5/S or U/V pairs to confuse.
import { randomInt } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from './code-reading.ts';

export { CODE_ALPHABET, CODE_LENGTH, formatConfirmationCode, isValidConfirmationCode, LOOK_ALIKES, normalizeConfirmationCode } from './code-reading.ts';

/**
 * @example generateConfirmationCode() // 'K7F3QX'
 * @example generateConfirmationCode(() => 0) // 'AAAAAA' (tests inject the random source)
 */
export function generateConfirmationCode(pick: (n: number) => number = randomInt, length = CODE_LENGTH): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[pick(CODE_ALPHABET.length)] ?? '';
  return code;
}

