// Every way people write a Moroccan number gives the same E.164; a bad number gets a clear error.
import { describe, expect, it } from 'vitest';
import { isMobile, normalizePhone } from '../../../src/domain/contacts/phone.ts';

describe('phone numbers', () => {
  it.each(['0612345678', '06 12 34 56 78', '06.12.34.56.78', '+212612345678', '+212 6 12 34 56 78', '00212612345678', '٠٦١٢٣٤٥٦٧٨', '۰۶۱۲۳۴۵۶۷۸'])(
    'reads %s as +212612345678',
    (input) => {
      expect(normalizePhone(input)).toEqual({ ok: true, e164: '+212612345678' });
    },
  );

  it('reads 07 mobiles and 05 landlines, and tells them apart', () => {
    expect(normalizePhone('0712345678')).toEqual({ ok: true, e164: '+212712345678' });
    const landline = normalizePhone('0522 12 34 56');
    expect(landline).toEqual({ ok: true, e164: '+212522123456' });
    expect(isMobile('+212712345678')).toBe(true);
    expect(isMobile('+212522123456')).toBe(false);
  });

  it('keeps the country of a foreign number', () => {
    expect(normalizePhone('+33 6 12 34 56 78')).toEqual({ ok: true, e164: '+33612345678' });
  });

  it.each(['0612', 'abc', '', '   ', '+2126123456789999'])('refuses %j with a message that says what is expected', (input) => {
    const result = normalizePhone(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(`Invalid phone number ${JSON.stringify(input)}: expected a Moroccan number such as 06 12 34 56 78 or +212 6 12 34 56 78, or an international number starting with +`);
  });
});
