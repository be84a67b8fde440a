// What a scan means, decided without a database; the desk's clock bounded; the window a walk-in goes to.
import { describe, expect, it } from 'vitest';
import { arrivalTime, decideCheckIn, pickWindow, type FoundAppointment } from '../../../src/domain/venue/index.ts';

const AT = new Date('2026-12-14T09:30:00Z');
const found = (overrides: Partial<FoundAppointment> = {}): FoundAppointment => ({
  id: 12,
  code: 'K7F3QX',
  organisationId: 1,
  campaignId: 5,
  campaignTitle: 'Caravane de Tinghir',
  status: 'booked',
  day: '2026-12-14',
  service: 'surgery',
  start: '08:00',
  end: '10:00',
  fasting: true,
  name: 'Itto Ouali',
  sex: 'female',
  birthYear: 1961,
  commune: 'Ikniouen',
  arrivedAt: null,
  arrivedBy: null,
  arrivalClientId: null,
  updatedAt: new Date('2026-12-01T10:00:00Z'),
  ...overrides,
});
const request = { organisationId: 1, campaignId: 5, day: '2026-12-14', clientId: 'c-2', at: AT };

describe('deciding a scan', () => {
  it('checks a booked person in, with their age in the year of the day', () => {
    const decision = decideCheckIn(found(), request);
    expect(decision.arrive).toBe(true);
    expect(decision.outcome).toEqual({
      kind: 'checked_in',
      appointmentId: 12,
      code: 'K7F3QX',
      person: { name: 'Itto Ouali', age: 65, sex: 'female', commune: 'Ikniouen' },
      service: 'surgery',
      window: { start: '08:00', end: '10:00' },
      fasting: true,
      arrivedAt: AT.toISOString(),
    });
  });

  it('checks in a person marked no-show who came late after all', () => {
    expect(decideCheckIn(found({ status: 'no_show' }), request)).toMatchObject({ arrive: true, outcome: { kind: 'checked_in' } });
  });

  it("hides another organisation's appointment as unknown", () => {
    expect(decideCheckIn(found({ organisationId: 2 }), request)).toEqual({ arrive: false, outcome: { kind: 'unknown' } });
    expect(decideCheckIn(undefined, request)).toEqual({ arrive: false, outcome: { kind: 'unknown' } });
  });

  it('names the other campaign, the other day, or the cancellation', () => {
    expect(decideCheckIn(found({ campaignId: 6 }), request).outcome).toEqual({ kind: 'other_campaign', campaignId: 6, title: 'Caravane de Tinghir' });
    expect(decideCheckIn(found({ day: '2026-12-15' }), request).outcome).toEqual({ kind: 'other_day', day: '2026-12-15', service: 'surgery' });
    expect(decideCheckIn(found({ status: 'cancelled', day: '2026-12-15' }), request).outcome).toEqual({ kind: 'cancelled', code: 'K7F3QX' });
  });

  it('keeps an earlier arrival and tells a later one who came first', () => {
    const first = found({ status: 'attended', arrivedAt: new Date('2026-12-14T09:00:00Z'), arrivedBy: 'Amina', arrivalClientId: 'c-1' });
    expect(decideCheckIn(first, request)).toMatchObject({ arrive: false, outcome: { kind: 'already', at: '2026-12-14T09:00:00.000Z', by: 'Amina', firstClientId: 'c-1' } });
  });

  it('takes the place of a later arrival that reached the server first', () => {
    const later = found({ status: 'attended', arrivedAt: new Date('2026-12-14T09:45:00Z'), arrivedBy: 'Youssef', arrivalClientId: 'c-1' });
    expect(decideCheckIn(later, request)).toMatchObject({ arrive: true, displaces: 'c-1', outcome: { kind: 'checked_in' } });
  });

  it('never puts a scan before itself', () => {
    const self = found({ status: 'attended', arrivedAt: new Date('2026-12-14T09:45:00Z'), arrivedBy: 'Amina', arrivalClientId: 'c-2' });
    expect(decideCheckIn(self, request)).toMatchObject({ arrive: false, outcome: { kind: 'already', firstClientId: 'c-2' } });
  });

  it('checks in again a person marked no-show after a desk had checked them in, the earlier scan told', () => {
    const marked = found({ status: 'no_show', arrivedAt: new Date('2026-12-14T09:00:00Z'), arrivedBy: 'Amina', arrivalClientId: 'c-1' });
    expect(decideCheckIn(marked, request)).toMatchObject({ arrive: true, displaces: 'c-1', outcome: { kind: 'checked_in' } });
    expect(decideCheckIn(marked, { ...request, clientId: 'c-1' })).toMatchObject({ arrive: false, outcome: { kind: 'already', firstClientId: 'c-1' } });
  });

  it('leaves an attendance a coordinator marked by hand as it is', () => {
    expect(decideCheckIn(found({ status: 'attended' }), request)).toMatchObject({ arrive: false, outcome: { kind: 'already', by: null, firstClientId: null, at: '2026-12-01T10:00:00.000Z' } });
  });
});

describe("the desk's clock", () => {
  const day = { now: AT, day: '2026-12-14', zone: 'Africa/Casablanca' };
  it('is believed between the start of the day and a few minutes after the server', () => {
    expect(arrivalTime(new Date('2026-12-14T09:34:00Z'), day)).toEqual(new Date('2026-12-14T09:34:00Z'));
    expect(arrivalTime(new Date('2026-12-14T09:36:00Z'), day)).toEqual(AT);
    expect(arrivalTime(new Date('2026-12-13T22:00:00Z'), day)).toEqual(new Date('2026-12-13T23:00:00Z'));
  });

  it('refuses a day that has not begun, and accepts yesterday sent late', () => {
    expect(() => arrivalTime(AT, { ...day, day: '2026-12-15' })).toThrow(/has not begun/);
    expect(arrivalTime(new Date('2026-12-13T15:00:00Z'), { ...day, day: '2026-12-13' })).toEqual(new Date('2026-12-13T15:00:00Z'));
  });
});

describe("a walk-in's window", () => {
  const windows = [
    { slotId: 1, start: '09:00', end: '12:00', booked: 40, capacity: 40, fasting: false },
    { slotId: 2, start: '14:00', end: '17:00', booked: 3, capacity: 40, fasting: false },
    { slotId: 3, start: '17:00', end: '18:00', booked: 0, capacity: 10, fasting: false },
  ];
  const at = (hhmm: string) => ({ slotId: undefined, at: new Date(`2026-12-14T${hhmm}:00+01:00`), zone: 'Africa/Casablanca' });
  it('is the next window with a place when the one under way is full', () => {
    expect(pickWindow(windows, at('10:30'))?.slotId).toBe(2);
  });
  it("is the day's last with a place after the windows ended, and the one named when named", () => {
    expect(pickWindow(windows, at('19:00'))?.slotId).toBe(3);
    expect(pickWindow(windows, { ...at('10:30'), slotId: 1 })?.slotId).toBe(1);
  });
  it('is the window under way when every one is full', () => {
    expect(pickWindow(windows.map((w) => ({ ...w, booked: w.capacity })), at('10:30'))?.slotId).toBe(1);
  });
});
