// A venue day for the desk's tests: the association's caravan (eye consultations, and surgery that asks
// people to come fasting) on two days, another caravan of the same association, a blood centre's drive,
// desk volunteers, and people booked through the booking service.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/connection.ts';
import { bookAppointment } from '../../src/domain/appointments/booking.ts';
import { addDays } from './conversation-harness.ts';
import { createBeneficiaries, deps, importTestCampaign, staffContext, addTestStaff } from './fixtures.ts';

export const DAY = '2026-12-14';
export const NEXT_DAY = '2026-12-15';
/** 10:30 in Morocco (UTC+1 in December) on the first day. */
export const NOW = new Date('2026-12-14T09:30:00Z');
export const ZONE = 'Africa/Casablanca';
export const time = { now: NOW, zone: ZONE };

export interface DeskWorld {
  caravan: number;
  otherCaravan: number;
  drive: number;
  association: number;
  desks: { amina: { kind: 'staff'; id: number }; youssef: { kind: 'staff'; id: number } };
}

export async function seedDeskWorld(db: Db): Promise<DeskWorld> {
  const caravan = await importTestCampaign(db, {
    slug: 'desk-caravan',
    services: [
      { code: 'ophthalmology', windows: [{ start: '09:00', end: '12:00', capacity: 40 }, { start: '14:00', end: '17:00', capacity: 40 }] },
      { code: 'surgery', requiresFasting: true, windows: [{ start: '08:00', end: '10:00', capacity: 2 }] },
    ],
  });
  const otherCaravan = await importTestCampaign(db, { slug: 'desk-other-caravan', title: { fr: 'Caravane de Boumalne' } });
  const drive = await importTestCampaign(db, { slug: 'desk-drive', organisation: 'cnts' });
  const amina = await addTestStaff(db, { name: 'Amina', role: 'desk', organisation: 'test-association' });
  const youssef = await addTestStaff(db, { name: 'Youssef', role: 'desk', organisation: 'test-association' });
  const association = (await db.selectFrom('organisations').select('id').where('slug', '=', 'test-association').executeTakeFirstOrThrow()).id;
  return { caravan, otherCaravan, drive, association, desks: { amina: { kind: 'staff', id: amina.id }, youssef: { kind: 'staff', id: youssef.id } } };
}

/** Books `n` new people into the campaign's first window (or the one starting at `start`) of `service` on `day`; returns their codes. */
export async function bookPeople(db: Db, campaignId: number, n: number, where: { service?: string; day?: string; start?: string } = {}): Promise<string[]> {
  const slot = await db
    .selectFrom('slots')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('service', '=', where.service ?? 'ophthalmology')
    .where('day', '=', where.day ?? DAY)
    .$if(where.start !== undefined, (q) => q.where('starts_at', '=', `${where.start}:00`))
    .orderBy('starts_at')
    .executeTakeFirstOrThrow();
  const codes: string[] = [];
  for (const beneficiaryId of await createBeneficiaries(db, n)) {
    const appointment = await db.transaction().execute((trx) => bookAppointment(trx, staffContext(), { beneficiaryId, slotId: slot.id }, deps));
    codes.push(appointment.code);
  }
  return codes;
}

/** A scan of `code` at the campaign's desk, a minute ago, with a fresh client id. */
export const scan = (campaignId: number, code: string, overrides: Partial<{ day: string; clientId: string; at: Date }> = {}) => ({
  campaignId,
  day: DAY,
  code,
  clientId: randomUUID(),
  at: new Date(NOW.getTime() - 60_000),
  ...overrides,
});

/** The browser tests' caravan at Nouaceur, today and tomorrow: dental care, and surgery that asks people to come fasting. */
export const importNouaceurDay = (db: Db, slug: string, today: string) =>
  importTestCampaign(db, {
    slug,
    title: { fr: 'Caravane de Nouaceur', ar: 'قافلة النواصر' },
    firstDay: today,
    lastDay: addDays(today, 1),
    services: [
      { code: 'dental', windows: [{ start: '09:00', end: '12:00', capacity: 40 }] },
      { code: 'surgery', requiresFasting: true, windows: [{ start: '08:00', end: '10:00', capacity: 4 }] },
    ],
  });
