// The pure parts of the console's figures: a campaign's phase, the capacity grid and its version,
// how a search box is read, and how a phone is masked.
import { describe, expect, it } from 'vitest';
import { bookingSearchTerms, maskPhone } from '../../../src/domain/campaigns/booking-search.ts';
import { capacityFigures, type SlotFigures } from '../../../src/domain/campaigns/campaign-capacity.ts';
import { campaignPhase } from '../../../src/domain/campaigns/campaign-phase.ts';

describe('campaignPhase', () => {
  it('is draft for a draft whatever its days, else upcoming, running on its first and last day, then past', () => {
    expect(campaignPhase('draft', '2026-12-14', '2026-12-15', '2026-12-14')).toBe('draft');
    expect(campaignPhase('published', '2026-12-14', '2026-12-15', '2026-12-13')).toBe('upcoming');
    expect(campaignPhase('published', '2026-12-14', '2026-12-15', '2026-12-14')).toBe('running');
    expect(campaignPhase('closed', '2026-12-14', '2026-12-15', '2026-12-15')).toBe('running');
    expect(campaignPhase('published', '2026-12-14', '2026-12-15', '2026-12-16')).toBe('past');
  });
});

describe('capacityFigures', () => {
  const slot = (id: number, day: string, service: string, start: string, booked: number): SlotFigures => ({ id, day, service, starts_at: `${start}:00`, ends_at: '12:00:00', booked, capacity: 5 });
  const slots = [slot(1, '2026-12-14', 'dental', '09:00', 1), slot(2, '2026-12-14', 'dental', '10:00', 0), slot(3, '2026-12-14', 'ent', '09:00', 5), slot(4, '2026-12-15', 'dental', '09:00', 0)];

  it('groups windows by day then service, with those waiting for the day and for any day', () => {
    const figures = capacityFigures(7, slots, [{ service: 'dental', day: '2026-12-14', count: 2 }, { service: 'dental', day: null, count: 3 }, { service: 'ent', day: '2026-12-15', count: 4 }]);
    expect(figures.days).toEqual([
      { day: '2026-12-14', services: [
        { service: 'dental', windows: [{ slotId: 1, start: '09:00', end: '12:00', booked: 1, capacity: 5, beyond: 0 }, { slotId: 2, start: '10:00', end: '12:00', booked: 0, capacity: 5, beyond: 0 }], waiting: 5, inQueue: 0 },
        { service: 'ent', windows: [{ slotId: 3, start: '09:00', end: '12:00', booked: 5, capacity: 5, beyond: 0 }], waiting: 0, inQueue: 0 },
      ] },
      { day: '2026-12-15', services: [{ service: 'dental', windows: [{ slotId: 4, start: '09:00', end: '12:00', booked: 0, capacity: 5, beyond: 0 }], waiting: 3, inQueue: 0 }] },
    ]);
  });

  it('keeps its version while the figures stay, and changes it with any booked count or waiting count', () => {
    const version = capacityFigures(7, slots, []).version;
    expect(capacityFigures(7, [...slots], []).version).toBe(version);
    expect(capacityFigures(7, [slot(1, '2026-12-14', 'dental', '09:00', 2), ...slots.slice(1)], []).version).not.toBe(version);
    expect(capacityFigures(7, slots, [{ service: 'ent', day: null, count: 1 }]).version).not.toBe(version);
    expect(capacityFigures(7, slots, [], [{ service: 'dental', day: '2026-12-15', count: 1 }]).version).not.toBe(version);
  });

  it("puts each day's queue on its own day and service only", () => {
    const figures = capacityFigures(7, slots, [], [{ service: 'dental', day: '2026-12-15', count: 4 }]);
    expect(figures.days.map((d) => d.services.map((s) => [d.day, s.service, s.inQueue]))).toEqual([
      [['2026-12-14', 'dental', 0], ['2026-12-14', 'ent', 0]],
      [['2026-12-15', 'dental', 4]],
    ]);
  });
});

describe('bookingSearchTerms', () => {
  it('reads letters as a name, a loose code as a code, and digits as a phone, 06… as +2126…', () => {
    expect(bookingSearchTerms('  Fatima ')).toEqual({ name: 'Fatima', phoneDigits: [] });
    expect(bookingSearchTerms('k7f-3qx')).toEqual({ name: 'k7f-3qx', code: 'K7F3QX', phoneDigits: [] });
    expect(bookingSearchTerms('06 61 23')).toEqual({ phoneDigits: ['066123', '21266123'] });
    expect(bookingSearchTerms('00212 661')).toEqual({ phoneDigits: ['00212661', '212661'] });
    expect(bookingSearchTerms('٠٦٦١')).toEqual({ phoneDigits: ['0661', '212661'] });
    expect(bookingSearchTerms('661')).toEqual({ phoneDigits: [] });
  });
});

describe('maskPhone', () => {
  it('keeps the country code, the first digit and the last two', () => {
    expect(maskPhone('+212612345678')).toBe('+212 6•• ••• •78');
    expect(maskPhone('+33612345678')).toBe('+336••••••78');
  });
});
