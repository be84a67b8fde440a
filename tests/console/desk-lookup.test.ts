// What the desk shows for a typed code from the day it holds, before asking the server; and the day it opens on.
import { describe, expect, it } from 'vitest';
import type { DeskDay } from '../../src/http/console/desk.schemas.ts';
import { deskDayFor, lookUpCode } from '../../web/src/pages/desk/desk-lookup.ts';

const booking = (code: string, status: DeskDay['bookings'][number]['status'], service = 'dental') => ({ code, name: 'Aicha Bennani', age: 55, sex: 'female' as const, commune: 'Dar Bouazza', service, window: { start: '09:00', end: '12:00' }, status });
const day: DeskDay = {
  campaignId: 1,
  day: '2027-03-02',
  services: [{ service: 'dental', fasting: false }, { service: 'surgery', fasting: true }],
  bookings: [booking('K7F3QX', 'booked'), booking('B4C9DE', 'cancelled'), booking('HJK347', 'booked', 'surgery')],
};

describe('looking a code up at the desk', () => {
  it('reads a code as people type it: lower case, spaces, dashes, Eastern Arabic digits, 8 for B', () => {
    expect(lookUpCode(day, 'k7f - 3qx')).toMatchObject({ kind: 'found', code: 'K7F3QX', fasting: false });
    expect(lookUpCode(day, 'hjk٣٤٧')).toMatchObject({ kind: 'found', code: 'HJK347', fasting: true });
    expect(lookUpCode(day, '84C-9DE')).toMatchObject({ kind: 'cancelled', code: 'B4C9DE' });
  });

  it('says a typed text is not a code, and leaves a code the day does not hold to the server', () => {
    expect(lookUpCode(day, 'K7F')).toEqual({ kind: 'malformed' });
    expect(lookUpCode(day, 'K0F3QX')).toEqual({ kind: 'malformed' });
    expect(lookUpCode(day, 'aaaaaa')).toEqual({ kind: 'ask_server', code: 'AAAAAA' });
  });

  it('opens on today while the campaign runs, else on its nearest day', () => {
    expect(deskDayFor('2027-03-02', '2027-03-01', '2027-03-03')).toBe('2027-03-02');
    expect(deskDayFor('2027-02-20', '2027-03-01', '2027-03-03')).toBe('2027-03-01');
    expect(deskDayFor('2027-03-09', '2027-03-01', '2027-03-03')).toBe('2027-03-03');
  });
});
