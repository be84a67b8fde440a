// What a coordinator typed in the search box of a window's bookings, read three ways at once: a
// name (case, accents and Arabic marks folded in SQL by person_name_key), a confirmation code typed
// loosely ("k7f-3qx"), or some digits of a phone number (06…, +212…, 00212…). Pure.
import { normalizeConfirmationCode } from '../appointments/confirmation-code.ts';
import { westernDigits } from '../western-digits.ts';

export interface BookingSearchTerms {
  /** Matched inside person_name_key(full_name); absent when the text has no letter. */
  name?: string;
  code?: string;
  /** Digit strings, one of which must appear in the stored E.164 number (without its "+"). */
  phoneDigits: string[];
}

/** Fewer digits would match most numbers of a region. */
const MIN_PHONE_DIGITS = 4;

/**
 * @example bookingSearchTerms('06 12 34') // { phoneDigits: ['061234', '21261234'] }: the leading 0 read as +212
 * @example bookingSearchTerms('k7f-3qx')  // { name: 'k7f-3qx', code: 'K7F3QX', phoneDigits: [] }
 */
export function bookingSearchTerms(q: string): BookingSearchTerms {
  const text = westernDigits(q).trim();
  const code = normalizeConfirmationCode(text);
  const hasLetter = /\p{L}/u.test(text);
  const digits = text.replace(/\D/g, '');
  const phoneDigits: string[] = [];
  if (!hasLetter && digits.length >= MIN_PHONE_DIGITS) {
    phoneDigits.push(digits);
    // A Moroccan number typed the national way: 06… is +2126…, and 00212… is +212….
    if (digits.startsWith('00')) phoneDigits.push(digits.slice(2));
    else if (digits.startsWith('0')) phoneDigits.push(`212${digits.slice(1)}`);
  }
  return { ...(hasLetter ? { name: text } : {}), ...(code ? { code } : {}), phoneDigits };
}

/**
 * Shows the country code, the first digit and the last two, enough to tell two people apart on a list.
 *
 * @example maskPhone('+212612345678') // '+212 6•• ••• •78'
 */
export function maskPhone(e164: string): string {
  const match = /^\+212(\d)(\d{6})(\d{2})$/.exec(e164);
  if (match) return `+212 ${match[1]}•• ••• •${match[3]}`;
  return `${e164.slice(0, 4)}${'•'.repeat(Math.max(e164.length - 6, 0))}${e164.slice(-2)}`;
}
