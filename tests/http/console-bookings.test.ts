// The people booked in a window, as the console lists them: searchable by name, code or phone, a page
// at a time, phones masked unless asked for (audited), and the CSV export Excel opens with Arabic intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WindowBookingsSchema, type WindowBooking } from '../../src/http/console/capacity.schemas.ts';
import { addPerson, asStaff, book, cancel, capacityWorld, somebody, type CapacityWorld, type Person } from '../support/capacity-world.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
let w: CapacityWorld;
const codes: Record<string, string> = {};
const appointments: Record<string, number> = {};

const PEOPLE: Person[] = [
  { name: 'Fatima-Zahra Ouali', sex: 'female', birthYear: 1980, commune: "Kelâat M'Gouna", phone: '+212661234567' },
  { name: 'فاطمة الزهراء بنعلي', sex: 'female', birthYear: 1990, commune: 'تنغير', phone: '+212700112233' },
  { name: 'Élodie Benali', sex: 'female', birthYear: 2000, commune: 'Boumalne Dadès', phone: null },
  { name: 'Hassan "Bob", Jr', sex: 'male', birthYear: 1970, commune: 'Tinghir', phone: '+212655000111' },
  { name: '=HYPERLINK("http://x")', sex: 'male', birthYear: 1975, commune: '@Tinghir', phone: '+212655000222' },
];

beforeAll(async () => {
  t = await createTestDatabase();
  w = await capacityWorld(t.db);
  const slot = w.slots[1] ?? 0;
  for (const person of PEOPLE) {
    const appointment = await book(t.db, await addPerson(t.db, person), slot);
    codes[person.name] = appointment.code;
    appointments[person.name] = appointment.id;
  }
  await cancel(t.db, appointments['Hassan "Bob", Jr'] ?? 0);
});
afterAll(async () => {
  await w?.app.close();
  await t?.drop();
});

const list = async (query: string, token = w.coordinator, slot = w.slots[1] ?? 0) => {
  const answer = await asStaff(w.app, token, `/admin/api/slots/${slot}/bookings${query}`);
  expect(answer.statusCode, answer.body).toBe(200);
  return WindowBookingsSchema.parse(answer.json());
};
const names = (items: WindowBooking[]) => items.map((b) => b.name);

describe("a window's bookings", () => {
  it('lists each person with age on the day, sex, commune, code, the phone masked, and the status', async () => {
    const { items, nextCursor } = await list('');
    expect(nextCursor).toBeNull();
    expect(names(items)).toEqual(PEOPLE.map((p) => p.name));
    expect(items[0]).toEqual({ appointmentId: appointments['Fatima-Zahra Ouali'], name: 'Fatima-Zahra Ouali', age: 46, sex: 'female', commune: "Kelâat M'Gouna", code: codes['Fatima-Zahra Ouali'], phoneMasked: '+212 6•• ••• •67', status: 'booked' });
    expect(items[2]?.phoneMasked).toBeNull();
    expect(items[3]?.status).toBe('cancelled');
    expect(JSON.stringify(items)).not.toContain('661234567');
  });

  it('finds a person by name whatever the case, accents, dashes or ta marbuta', async () => {
    expect(names((await list('?q=fatima%20zahra')).items)).toEqual(['Fatima-Zahra Ouali']);
    expect(names((await list(`?q=${encodeURIComponent('ELODIE')}`)).items)).toEqual(['Élodie Benali']);
    expect(names((await list(`?q=${encodeURIComponent('فاطمه')}`)).items)).toEqual(['فاطمة الزهراء بنعلي']);
    expect((await list('?q=nobody')).items).toEqual([]);
  });

  it('finds a person by a code typed loosely, or by phone digits typed the national way', async () => {
    const code = codes['Élodie Benali'] ?? '';
    const loose = `${code.slice(0, 3)}-${code.slice(3)}`.toLowerCase();
    expect(names((await list(`?q=${encodeURIComponent(loose)}`)).items)).toEqual(['Élodie Benali']);
    expect(names((await list(`?q=${encodeURIComponent('06 61 23 45 67')}`)).items)).toEqual(['Fatima-Zahra Ouali']);
    expect(names((await list(`?q=${encodeURIComponent('٠٧٠٠١١٢٢')}`)).items)).toEqual(['فاطمة الزهراء بنعلي']);
    expect(names((await list('?q=000222')).items)).toEqual(['=HYPERLINK("http://x")']);
    expect(names((await list('?q=0655')).items)).toEqual(['Hassan "Bob", Jr', '=HYPERLINK("http://x")']);
  });

  it('pages through a window with a cursor, at most 100 a page, and refuses a forged cursor', async () => {
    const slot = w.slots[4] ?? 0;
    for (let i = 0; i < 5; i++) await book(t.db, await addPerson(t.db, somebody(`Personne ${i}`)), slot);
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`, w.coordinator, slot);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...names(page.items).map(String));
      cursor = page.nextCursor;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['Personne 0', 'Personne 1', 'Personne 2', 'Personne 3', 'Personne 4']);
    expect(names((await list('?limit=2&q=personne%203', w.coordinator, slot)).items)).toEqual(['Personne 3']);
    expect((await asStaff(w.app, w.coordinator, `/admin/api/slots/${slot}/bookings?limit=101`)).statusCode).toBe(400);
    expect((await asStaff(w.app, w.coordinator, `/admin/api/slots/${slot}/bookings?cursor=forged`)).statusCode).toBe(400);
  });

  it('gives the phone to a coordinator or medical staff who asks, and writes who asked in the audit log', async () => {
    const id = appointments['Fatima-Zahra Ouali'] ?? 0;
    const answer = await asStaff(w.app, w.medical, `/admin/api/appointments/${id}/phone`);
    expect(answer.json()).toEqual({ phone: '+212661234567' });
    expect((await asStaff(w.app, w.coordinator, `/admin/api/appointments/${appointments['Élodie Benali'] ?? 0}/phone`)).json()).toEqual({ phone: null });
    const medicalId = (await t.db.selectFrom('staff').select('id').where('name', '=', 'Dr Alami').executeTakeFirstOrThrow()).id;
    const audit = await t.db.selectFrom('audit_log').select(['actor', 'entity', 'entity_id']).where('action', '=', 'appointment.phone_read').orderBy('id').execute();
    expect(audit[0]).toEqual({ actor: `staff:${medicalId}`, entity: 'appointment', entity_id: String(id) });
    expect(audit).toHaveLength(2);
  });

  it('exports the bookings as CSV: BOM, a header, every field quoted, Arabic intact, no formula', async () => {
    const answer = await asStaff(w.app, w.coordinator, `/admin/api/campaigns/${w.campaignId}/bookings.csv?slotId=${w.slots[1] ?? 0}`);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="campaign-\d+-window-\d+-bookings\.csv"$/);
    const bytes = answer.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('"Jour","Service","Créneau","Nom","Âge","Sexe","Commune","Code","Téléphone","Statut"');
    expect(lines.slice(1, -1)).toEqual([
      `"2026-12-14","Yeux (ophtalmologie)","09:00-12:00","Fatima-Zahra Ouali","46","femme","Kelâat M'Gouna","${codes['Fatima-Zahra Ouali']}","+212 6 61 23 45 67","réservé"`,
      `"2026-12-14","Yeux (ophtalmologie)","09:00-12:00","فاطمة الزهراء بنعلي","36","femme","تنغير","${codes['فاطمة الزهراء بنعلي']}","+212 7 00 11 22 33","réservé"`,
      `"2026-12-14","Yeux (ophtalmologie)","09:00-12:00","Élodie Benali","26","femme","Boumalne Dadès","${codes['Élodie Benali']}","","réservé"`,
      `"2026-12-14","Yeux (ophtalmologie)","09:00-12:00","Hassan ""Bob"", Jr","56","homme","Tinghir","${codes['Hassan "Bob", Jr']}","+212 6 55 00 01 11","annulé"`,
      `"2026-12-14","Yeux (ophtalmologie)","09:00-12:00","'=HYPERLINK(""http://x"")","51","homme","'@Tinghir","${codes['=HYPERLINK("http://x")']}","+212 6 55 00 02 22","réservé"`,
    ]);
    expect(lines.at(-1)).toBe('');
    const arabic = (await asStaff(w.app, w.coordinator, `/admin/api/campaigns/${w.campaignId}/bookings.csv?locale=ar`)).rawPayload.toString('utf8');
    expect(arabic.split('\r\n')[0]).toBe('\uFEFF"اليوم","الخدمة","الفترة","الاسم","العمر","الجنس","الجماعة","الرمز","الهاتف","الحالة"');
    expect(arabic).toContain('"2026-12-14","طب العيون","09:00-12:00","فاطمة الزهراء بنعلي","36","أنثى","تنغير"');
    const exports = await t.db.selectFrom('audit_log').select(['entity_id', 'details']).where('action', '=', 'campaign.bookings_export').orderBy('id').execute();
    expect(exports.map((e) => e.details)).toEqual([{ rows: 5, slotId: w.slots[1] }, { rows: arabic.split('\r\n').length - 2 }]);
  });

  it("answers 404 for another organisation's window, appointment or campaign, as for one that does not exist", async () => {
    const mine = [`/admin/api/slots/${w.slots[1] ?? 0}/bookings`, `/admin/api/appointments/${appointments['Fatima-Zahra Ouali'] ?? 0}/phone`, `/admin/api/campaigns/${w.campaignId}/bookings.csv`];
    for (const url of mine) {
      expect((await asStaff(w.app, w.stranger, url)).statusCode, url).toBe(404);
      expect((await asStaff(w.app, w.coordinator, url)).statusCode, url).toBe(200);
    }
    expect((await asStaff(w.app, w.coordinator, `/admin/api/slots/${w.otherSlot}/bookings`)).json()).toEqual({ error: `no time window ${w.otherSlot}` });
    expect((await asStaff(w.app, w.coordinator, `/admin/api/campaigns/${w.campaignId}/bookings.csv?slotId=${w.otherSlot}`)).statusCode).toBe(404);
    expect((await asStaff(w.app, w.coordinator, '/admin/api/slots/999999/bookings')).statusCode).toBe(404);
    // Nobody outside the organisation read a phone.
    const strangerId = (await t.db.selectFrom('staff').select('id').where('name', '=', 'Autre').executeTakeFirstOrThrow()).id;
    expect(await t.db.selectFrom('audit_log').select('id').where('actor', '=', `staff:${strangerId}`).execute()).toEqual([]);
  });
});
