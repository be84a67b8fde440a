// Phone numbers as people type them (06…, 07…, +212…, 00212…, Arabic digits) turned into E.164.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { westernDigits } from '../western-digits.ts';

export type PhoneResult = { ok: true; e164: string } | { ok: false; error: string };

/**
 * @example normalizePhone('06 12 34 56 78') // { ok: true, e164: '+212612345678' }
 * @example normalizePhone('0612')           // { ok: false, error: 'Invalid phone number "0612": …' }
 */
export function normalizePhone(input: string, defaultCountry: 'MA' = 'MA'): PhoneResult {
  const western = westernDigits(input).trim();
  const parsed = western ? parsePhoneNumberFromString(western, defaultCountry) : undefined;
  if (!parsed || !parsed.isValid()) {
    return {
      ok: false,
      error: `Invalid phone number ${JSON.stringify(input)}: expected a Moroccan number such as 06 12 34 56 78 or +212 6 12 34 56 78, or an international number starting with +`,
    };
  }
  return { ok: true, e164: parsed.number };
}

/** True for mobile numbers, the ones that can receive WhatsApp and SMS. */
export function isMobile(e164: string): boolean {
  const type = parsePhoneNumberFromString(e164)?.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
}

/** Grouped for reading (and so a spreadsheet keeps it as text). @example readablePhone('+212612345678') // '+212 6 12 34 56 78' */
export function readablePhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
