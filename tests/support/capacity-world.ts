// One campaign with bookings to watch, people to search for, and a second organisation that must see
// none of it: what the console's capacity and bookings tests share.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/connection.ts';
import type { Sex } from '../../src/db/tables.ts';
import { bookAppointment } from '../../src/domain/appointments/booking.ts';
import { cancelAppointment } from '../../src/domain/appointments/cancellation.ts';
import { joinWaitlist } from '../../src/domain/appointments/waitlist.ts';
import type { LiveCapacityTimings } from '../../src/http/admin/capacity.routes.ts';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { START } from './conversation-harness.ts';
import { addTestStaff, deps, importTestCampaign, slotIds, staffContext } from './fixtures.ts';

export interface Person {
  name: string;
  sex: Sex;
  birthYear: number;
  commune: string;
  phone: string | null;
}

let phoneSerial = 0;

/** A contact (with this phone, or none, as a Telegram chat that never shared it) and one beneficiary. */
export async function addPerson(db: Db, person: Person): Promise<number> {
  const contact = await db.insertInto('contacts').values({ locale: 'fr', phone_e164: person.phone }).returning('id').executeTakeFirstOrThrow();
  const row = await db
    .insertInto('beneficiaries')
    .values({ contact_id: contact.id, relation: 'self', full_name: person.name, sex: person.sex, birth_year: person.birthYear, commune: person.commune })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Someone with a fresh phone number, for lists that need many people. */
export const somebody = (name: string): Person => ({ name, sex: 'female', birthYear: 1985, commune: 'Tinghir', phone: `+2126700${String(++phoneSerial).padStart(5, '0')}` });

export const book = (db: Db, beneficiaryId: number, slotId: number) => db.transaction().execute((trx) => bookAppointment(trx, staffContext(), { beneficiaryId, slotId }, deps));
export const cancel = (db: Db, appointmentId: number) => db.transaction().execute((trx) => cancelAppointment(trx, staffContext(), appointmentId, deps));
export const wait = (db: Db, beneficiaryId: number, campaignId: number, service: string, day?: string) =>
  db.transaction().execute((trx) => joinWaitlist(trx, staffContext(), { beneficiaryId, campaignId, service, ...(day ? { day } : {}) }, deps));

export interface CapacityWorld {
  app: FastifyInstance;
  coordinator: string;
  medical: string;
  platformAdmin: string;
  /** A coordinator of another organisation. */
  stranger: string;
  campaignId: number;
  /** By day, start and service: 14 Dec dental 09:00 (1 place), ophthalmology 09:00 (30) and 14:00 (2); then the same on 15 Dec. */
  slots: number[];
  otherCampaignId: number;
  otherSlot: number;
}

/** Two days of two services in Tinghir for the test association, and one campaign of another organisation. */
export async function capacityWorld(db: Db, liveCapacity?: LiveCapacityTimings): Promise<CapacityWorld> {
  const services = [
    { code: 'dental' as const, windows: [{ start: '09:00', end: '12:00', capacity: 1 }] },
    { code: 'ophthalmology' as const, windows: [{ start: '09:00', end: '12:00', capacity: 30 }, { start: '14:00', end: '16:00', capacity: 2 }] },
  ];
  const campaignId = await importTestCampaign(db, { slug: 'capacity-caravan', services });
  const otherCampaignId = await importTestCampaign(db, { slug: 'other-caravan', organisation: 'other-association' });
  const app = buildServer({ db, redis: { ping: async () => 'PONG' }, clock: { now: () => START }, logger: createLogger('silent'), timeZone: 'Africa/Casablanca', ...(liveCapacity ? { liveCapacity } : {}) });
  const [otherSlot] = await slotIds(db, otherCampaignId);
  return {
    app,
    coordinator: (await addTestStaff(db, { name: 'Khadija', role: 'coordinator' })).token,
    medical: (await addTestStaff(db, { name: 'Dr Alami', role: 'medical' })).token,
    platformAdmin: (await addTestStaff(db, { name: 'Plateforme', role: 'admin' })).token,
    stranger: (await addTestStaff(db, { name: 'Autre', role: 'coordinator', organisation: 'other-association' })).token,
    campaignId,
    slots: await slotIds(db, campaignId),
    otherCampaignId,
    otherSlot: otherSlot ?? 0,
  };
}

export const asStaff = (app: FastifyInstance, token: string, url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
