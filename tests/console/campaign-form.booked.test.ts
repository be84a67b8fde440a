// A booked time window the API refused to remove or shrink is shown beside its own grid cell, the one of
// its row and day, in the staff member's language; focus goes to the first in the grid.
import { describe, expect, it } from 'vitest';
import { emptyForm, toCampaignFile, type CampaignForm } from '../../web/src/pages/campaign-form/campaign-form.model.ts';
import { bookedWindowErrors, bookedWindowPlace } from '../../web/src/pages/campaign-form/booked-windows.ts';
import { ar } from '../../web/src/i18n/ar.ts';
import { fr } from '../../web/src/i18n/fr.ts';

function form(): CampaignForm {
  return {
    ...emptyForm(),
    firstDay: '2027-03-01', lastDay: '2027-03-03',
    services: [
      { code: 'general_medicine', fasting: false, checkinDays: '', rows: [{ start: '09:00', end: '12:00', capacities: { '2027-03-01': '40', '2027-03-02': '40', '2027-03-03': '40' } }] },
      {
        code: 'dental', fasting: false, checkinDays: '',
        rows: [
          { start: '08:00', end: '10:00', capacities: { '2027-03-01': '10', '2027-03-02': '10', '2027-03-03': '10' } },
          { start: '14:00', end: '16:00', capacities: { '2027-03-01': '5', '2027-03-02': '2', '2027-03-03': '' } },
        ],
      },
    ],
  };
}

const { origins } = toCampaignFile(form());
const window = { service: 'dental', start: '14:00', end: '16:00', booked: 3 };

describe('a booked window beside its cell', () => {
  it('finds a window with too few places through the file\'s origins, on the booked day rather than the first', () => {
    // services[1].windows[2] is row 1's window of the 2nd (2 places); row 0's every-day window is windows[0].
    expect(bookedWindowPlace({ ...window, day: '2027-03-02', capacity: 2, path: 'services[1].windows[2]' }, form(), origins).field).toBe('service-1-row-1-day-2027-03-02');
    expect(bookedWindowPlace({ ...window, start: '08:00', end: '10:00', day: '2027-03-03', capacity: 1, path: 'services[1].windows[0]' }, form(), origins).field).toBe('service-1-row-0-day-2027-03-03');
  });

  it('finds a window the file left out by its service and start time: the emptied cell, else the service\'s windows, else the banner', () => {
    expect(bookedWindowPlace({ ...window, day: '2027-03-03' }, form(), origins).field).toBe('service-1-row-1-day-2027-03-03');
    expect(bookedWindowPlace({ ...window, start: '15:00', day: '2027-03-03' }, form(), origins).field).toBe('service-1-windows');
    expect(bookedWindowPlace({ ...window, service: 'ophthalmology', day: '2027-03-03' }, form(), origins).field).toBe('form');
  });

  it('says how many people are booked and the fewest places, in French and Arabic, the first cell of the grid first', () => {
    const refused = [
      { ...window, day: '2027-03-03' },
      { ...window, day: '2027-03-02', capacity: 2, path: 'services[1].windows[2]' },
      { service: 'general_medicine', start: '09:00', end: '12:00', booked: 1, day: '2027-03-01', capacity: 0, path: 'services[0].windows[0]' },
    ];
    const dayLabel = (day: string) => day.slice(5);
    const inFrench = bookedWindowErrors(fr, refused, form(), origins, dayLabel);
    expect(Object.entries(inFrench)).toEqual([
      ['service-0-row-0-day-2027-03-01', 'Une personne y a rendez-vous le 03-01 : pas moins d’une place.'],
      ['service-1-row-1-day-2027-03-02', '3 personnes y ont rendez-vous le 03-02 : pas moins de 3 places.'],
      ['service-1-row-1-day-2027-03-03', '3 personnes y ont rendez-vous le 03-03 : ce créneau doit rester.'],
    ]);
    expect(bookedWindowErrors(ar, refused.slice(1, 2), form(), origins, dayLabel)).toEqual({
      'service-1-row-1-day-2027-03-02': 'المواعيد المحجوزة يوم 03-02: 3، فلا يمكن أن تقل الأماكن عن 3.',
    });
  });
});
