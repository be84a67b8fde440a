// The organisation boundary: an association's caravan in Tinghir and a blood centre's drive in
// Casablanca share one service. The blood centre's staff reach none of the association's campaigns,
// tickets, appointments, alerts, donations, broadcasts or messages: each answers 404, as if it did not
// exist; and the same requests by the association's own staff work, so the 404 is the boundary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { openTicket } from '../../src/domain/handoff/handoff-tickets.ts';
import { raiseStaffAlert } from '../../src/scheduling/staff-alerts.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addTestStaff, campaignFile, createBeneficiaries, deps, ensureOrganisation, importTestCampaign, slotIds, staffContext } from '../support/fixtures.ts';
import { bookAppointment } from '../../src/domain/appointments/booking.ts';
import { joinWaitlist } from '../../src/domain/appointments/waitlist.ts';
import { bookEyeConsultation, conversationDeps, seedConversationCampaigns, START, Villager } from '../support/conversation-harness.ts';

let t: TestDatabase;
let app: FastifyInstance;
const token = { association: '', associationNurse: '', centre: '', centreNurse: '' };
const ids = { caravan: 0, drive: 0, association: 0, appointment: 0, ticket: 0, alert: 0, broadcast: 0, outbox: 0, contact: 0, slot: 0 };

beforeAll(async () => {
  t = await createTestDatabase();
  ({ caravanId: ids.caravan, driveId: ids.drive } = await seedConversationCampaigns(t.db));
  ids.association = await ensureOrganisation(t.db, 'test-association');
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => START }, logger: createLogger('silent'), timeZone: 'Africa/Casablanca' });
  token.association = (await addTestStaff(t.db, { name: 'Khadija', role: 'coordinator', organisation: 'test-association' })).token;
  token.associationNurse = (await addTestStaff(t.db, { name: 'Dr Alami', role: 'medical', organisation: 'test-association' })).token;
  token.centre = (await addTestStaff(t.db, { name: 'Samir', role: 'coordinator', organisation: 'cnts' })).token;
  token.centreNurse = (await addTestStaff(t.db, { name: 'Nadia', role: 'medical', organisation: 'cnts' })).token;

  // A villager books an eye consultation at the association's caravan, then asks for a person.
  const v = new Villager(conversationDeps(t.db), '+212612300400', 'telegram');
  await v.onboard('fr');
  await bookEyeConsultation(v, { name: 'Fatima Ait Ali', sex: 'female', age: 61, day: '2026-12-14' });
  const booked = await t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select(['a.id', 'a.slot_id', 'b.contact_id']).where('b.full_name', '=', 'Fatima Ait Ali').executeTakeFirstOrThrow();
  ids.appointment = booked.id;
  ids.slot = booked.slot_id;
  ids.contact = booked.contact_id;
  ids.ticket = await t.db.transaction().execute((trx) => openTicket(trx, { kind: 'contact', id: booked.contact_id }, { contactId: booked.contact_id, reason: 'asked', urgent: false, text: 'ma mère a mal' }));
  ids.alert = await raiseStaffAlert(t.db, 'red_flag', booked.id, { question: 'pain', answer: 3 });
  const broadcast = await call('POST', '/admin/api/broadcasts', token.association, { audience: { pastBeneficiariesOf: ids.caravan }, texts: { fr: 'La caravane arrive.' }, scheduledAt: '2026-12-05T09:00:00Z' });
  expect(broadcast.statusCode).toBe(201);
  ids.broadcast = broadcast.json().id;
  // A reminder of the caravan that a crash left in doubt.
  const outbox = await t.db
    .insertInto('outbox')
    .values({ contact_id: booked.contact_id, organisation_id: ids.association, channel: 'telegram', recipient: '4242', kind: 'notification', payload: JSON.stringify({ text: 'x' }), status: 'sending' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`update outbox set updated_at = now() - interval '10 minutes' where id = ${outbox.id}`.execute(t.db);
  ids.outbox = outbox.id;
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

function call(method: 'GET' | 'POST', url: string, bearer: string, payload?: object) {
  return app.inject({ method, url, headers: { authorization: `Bearer ${bearer}` }, ...(payload ? { payload } : {}) });
}

/** Every route that names one of the association's rows, for the staff who may use it. */
const requests = (): Array<{ what: string; method: 'GET' | 'POST'; url: string; payload?: object; nurse?: boolean }> => [
  { what: 'a campaign', method: 'GET', url: `/admin/api/campaigns/${ids.caravan}` },
  { what: "a campaign's messages", method: 'GET', url: `/admin/api/campaigns/${ids.caravan}/messages` },
  { what: "a campaign's file", method: 'GET', url: `/admin/api/campaigns/${ids.caravan}/file` },
  { what: "a campaign's capacity", method: 'GET', url: `/admin/api/campaigns/${ids.caravan}/capacity`, nurse: true },
  { what: "a campaign's capacity stream", method: 'GET', url: `/admin/api/campaigns/${ids.caravan}/capacity/events` },
  { what: "a campaign's bookings as CSV", method: 'GET', url: `/admin/api/campaigns/${ids.caravan}/bookings.csv` },
  { what: "a window's bookings", method: 'GET', url: `/admin/api/slots/${ids.slot}/bookings?q=fatima`, nurse: true },
  { what: "a villager's phone", method: 'GET', url: `/admin/api/appointments/${ids.appointment}/phone` },
  { what: 'attendance', method: 'POST', url: `/admin/api/appointments/${ids.appointment}/attendance`, payload: { status: 'no_show' } },
  { what: 'a procedure done', method: 'POST', url: `/admin/api/appointments/${ids.appointment}/procedure-done`, nurse: true },
  { what: "a service's queue", method: 'GET', url: `/admin/api/campaigns/${ids.caravan}/queue?day=2026-12-14&service=dental`, nurse: true },
  { what: 'a person seen', method: 'POST', url: `/admin/api/appointments/${ids.appointment}/seen`, nurse: true },
  { what: 'a donation', method: 'POST', url: '/admin/api/donations', payload: { appointmentId: ids.appointment }, nurse: true },
  { what: 'a broadcast', method: 'GET', url: `/admin/api/broadcasts/${ids.broadcast}` },
  { what: 'a broadcast cancelled', method: 'POST', url: `/admin/api/broadcasts/${ids.broadcast}/cancel` },
  { what: 'a broadcast to its registrants', method: 'POST', url: '/admin/api/broadcasts', payload: { audience: { pastBeneficiariesOf: ids.caravan }, texts: { fr: 'x' } } },
  { what: 'a ticket closed', method: 'POST', url: `/admin/api/tickets/${ids.ticket}/close` },
  { what: 'a contact erased', method: 'POST', url: `/admin/api/contacts/${ids.contact}/erase` },
];

describe('the organisation boundary', () => {
  it("answers 404 to every read or change of another organisation's rows, and changes nothing", async () => {
    const before = await snapshot();
    for (const r of requests()) {
      const answer = await call(r.method, r.url, r.nurse ? token.centreNurse : token.centre, r.payload);
      expect([r.what, answer.statusCode]).toEqual([r.what, 404]);
      expect(answer.body).not.toMatch(/Fatima|test-association|\+212/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("lists none of another organisation's campaigns, tickets, alerts, broadcasts or doubtful messages", async () => {
    const lists = ['/admin/api/campaigns', '/admin/api/tickets', '/admin/api/alerts', `/admin/api/alerts?campaign=${ids.caravan}`, '/admin/api/broadcasts'];
    for (const url of lists) {
      const theirs = (await call('GET', url, token.centre)).json();
      const ours = (await call('GET', url, token.association)).json();
      expect([url, theirs.items.map((x: { id: number }) => x.id)]).toEqual([url, url === '/admin/api/campaigns' ? [ids.drive] : []]);
      expect([url, ours.items.length]).toEqual([url, 1]);
    }
    expect((await call('GET', '/admin/api/outbox/doubtful', token.centre)).json()).toEqual([]);
    expect((await call('GET', '/admin/api/outbox/doubtful', token.association)).json()).toEqual([expect.objectContaining({ id: ids.outbox })]);
  });

  it("lets the association's own staff do what the blood centre was refused", async () => {
    expect((await call('GET', `/admin/api/campaigns/${ids.caravan}`, token.association)).json()).toMatchObject({ id: ids.caravan, slug: 'tinghir-caravan', status: 'published', capacity: 601, booked: 1 });
    expect((await call('GET', `/admin/api/broadcasts/${ids.broadcast}`, token.association)).json()).toMatchObject({ id: ids.broadcast, status: 'scheduled', targeted: 1 });
    expect((await call('GET', `/admin/api/campaigns/${ids.caravan}/messages`, token.associationNurse)).json()).toEqual({ campaignId: ids.caravan, counts: [] });
    expect((await call('POST', `/admin/api/appointments/${ids.appointment}/attendance`, token.association, { status: 'attended' })).json()).toEqual({ id: ids.appointment, status: 'attended' });
    expect((await call('POST', `/admin/api/appointments/${ids.appointment}/procedure-done`, token.associationNurse)).statusCode).toBe(200);
  });

  it("imports a campaign for the caller's own organisation only: another's name is 403, another's slug 409", async () => {
    const organisations = await t.db.selectFrom('organisations').select(['id', 'slug', 'name', 'kind']).orderBy('id').execute();
    const caravan = await t.db.selectFrom('campaigns').selectAll().where('id', '=', ids.caravan).executeTakeFirstOrThrow();

    const naming = await call('POST', '/admin/api/campaigns', token.centre, campaignFile({ slug: 'hijack', organisation: 'test-association' }));
    expect([naming.statusCode, naming.json().error]).toEqual([403, 'you import campaigns for cnts only; leave "organisation" out or write "cnts"']);
    const unknown = await call('POST', '/admin/api/campaigns', token.centre, campaignFile({ slug: 'new-org', organisation: 'brand-new-organisation' }));
    expect(unknown.statusCode).toBe(403);
    // The caravan's own slug, with the centre's venue and staff chat: it stays the association's, unchanged.
    const { organisation: _drop, ...file } = campaignFile({ slug: 'tinghir-caravan', venue: { name: 'Ailleurs', lat: 33.5, lon: -7.6 }, staffTelegramChat: '-1009999999999' });
    const taken = await call('POST', '/admin/api/campaigns', token.centre, file);
    expect([taken.statusCode, taken.json().error]).toEqual([409, 'the slug "tinghir-caravan" is taken by a campaign that is not yours; choose another']);
    // The form that used to create or rename an organisation is refused with what to write instead.
    const legacy = await call('POST', '/admin/api/campaigns', token.centre, { ...file, slug: 'legacy', organisation: { slug: 'cnts', name: 'Renamed', kind: 'association' } });
    expect([legacy.statusCode, legacy.json().problems.join()]).toEqual([400, expect.stringContaining('organisation: give the slug of the organisation')]);

    expect(await t.db.selectFrom('organisations').select(['id', 'slug', 'name', 'kind']).orderBy('id').execute()).toEqual(organisations);
    expect(await t.db.selectFrom('campaigns').selectAll().where('id', '=', ids.caravan).executeTakeFirstOrThrow()).toEqual(caravan);
    expect(await t.db.selectFrom('campaigns').select('slug').where('slug', 'in', ['hijack', 'new-org', 'legacy']).execute()).toEqual([]);

    // Without "organisation", or with its own slug, the file is the caller's.
    const own = await call('POST', '/admin/api/campaigns', token.centre, { ...campaignFile({ slug: 'centre-drive-2', organisation: 'cnts' }) });
    expect(own.statusCode).toBe(201);
    expect(await t.db.selectFrom('campaigns as c').innerJoin('organisations as o', 'o.id', 'c.organisation_id').select('o.slug').where('c.slug', '=', 'centre-drive-2').executeTakeFirstOrThrow()).toEqual({ slug: 'cnts' });
  });

  it('lets the platform admin manage organisations and route tickets, and read none of their data with a token', async () => {
    const admin = (await addTestStaff(t.db, { name: 'Plateforme', role: 'admin' })).token;
    for (const url of ['/admin/api/campaigns', '/admin/api/tickets', '/admin/api/alerts', '/admin/api/broadcasts', `/admin/api/campaigns/${ids.caravan}`]) {
      const refused = await call('GET', url, admin);
      expect([url, refused.statusCode, refused.json().error]).toEqual([url, 403, "the platform admin reads an organisation's data only in the console, after picking it"]);
    }
    const created = await call('POST', '/admin/api/organisations', admin, { slug: 'delegation-tinghir', name: 'Délégation de Tinghir', kind: 'ministry' });
    expect(created.json()).toMatchObject({ slug: 'delegation-tinghir', kind: 'ministry' });
    expect((await call('POST', '/admin/api/organisations', admin, { slug: 'delegation-tinghir', name: 'x', kind: 'ministry' })).json().problems).toEqual(['slug: an organisation "delegation-tinghir" exists already']);
    expect((await call('GET', '/admin/api/organisations', admin)).json().map((o: { slug: string }) => o.slug)).toEqual(['cnts', 'delegation-tinghir', 'test-association']);
    // Organisation staff cannot make organisations.
    expect((await call('POST', '/admin/api/organisations', token.association, { slug: 'mine', name: 'Mine', kind: 'association' })).statusCode).toBe(403);

    // A villager who wrote nothing but "a person" belongs to no organisation yet: the admin routes the ticket.
    const stranger = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    const ticket = await t.db.transaction().execute((trx) => openTicket(trx, { kind: 'contact', id: stranger.id }, { contactId: stranger.id, reason: 'asked', urgent: false }));
    const unrouted = (await call('GET', '/admin/api/unrouted-tickets', admin)).json();
    expect(unrouted.items).toEqual([expect.objectContaining({ id: ticket, reason: 'asked' })]);
    expect((await call('GET', '/admin/api/tickets', token.association)).json().items.map((x: { id: number }) => x.id)).not.toContain(ticket);
    expect((await call('POST', `/admin/api/unrouted-tickets/${ticket}/route`, admin, { organisation: 'test-association' })).json()).toEqual({ routed: true, organisation: 'test-association' });
    expect((await call('GET', '/admin/api/tickets', token.association)).json().items.map((x: { id: number }) => x.id)).toContain(ticket);
    expect((await call('POST', `/admin/api/unrouted-tickets/${ticket}/route`, admin, { organisation: 'cnts' })).statusCode).toBe(404);
  });

  it('refuses a staff member who belongs to no organisation yet, saying who can fix it', async () => {
    // Rows from before organisations had staff: the constraint binds new rows only (NOT VALID).
    await sql`alter table staff drop constraint staff_admin_has_no_organisation`.execute(t.db);
    const legacy = await addTestStaff(t.db, { name: 'Ancienne', role: 'coordinator' });
    await t.db.updateTable('staff').set({ organisation_id: null }).where('id', '=', legacy.id).execute();
    await sql`alter table staff add constraint staff_admin_has_no_organisation check ((role = 'admin') = (organisation_id is null)) not valid`.execute(t.db);
    const refused = await call('GET', '/admin/api/campaigns', legacy.token);
    expect([refused.statusCode, refused.json().error]).toEqual([403, 'you belong to no organisation yet; the platform admin sets it with npm run staff -- move']);
    await expect(t.db.insertInto('staff').values({ name: 'x', role: 'medical', token_hash: 'h' }).execute()).rejects.toThrow(/staff_admin_has_no_organisation/);
  });

  it('lets a coordinator erase, on request, a villager who dealt with their organisation, in the audit log', async () => {
    const erased = await call('POST', `/admin/api/contacts/${ids.contact}/erase`, token.association);
    expect([erased.statusCode, erased.json()]).toEqual([200, expect.objectContaining({ beneficiaries: 1 })]);
    expect(await t.db.selectFrom('contacts').select('phone_e164').where('id', '=', ids.contact).executeTakeFirstOrThrow()).toEqual({ phone_e164: null });
    const staffId = (await t.db.selectFrom('staff').select('id').where('name', '=', 'Khadija').executeTakeFirstOrThrow()).id;
    expect(await t.db.selectFrom('audit_log').select(['actor', 'entity_id']).where('action', '=', 'contact.erase').execute()).toEqual([{ actor: `staff:${staffId}`, entity_id: String(ids.contact) }]);
  });

  it('gives the place an erasure frees to the person waiting, with their reminders', async () => {
    const small = await importTestCampaign(t.db, { slug: 'one-place', services: [{ code: 'dental', windows: [{ start: '09:00', end: '10:00', capacity: 1, days: ['2026-12-14'] }] }] });
    const [slot] = await slotIds(t.db, small);
    const [holder, waiting] = await createBeneficiaries(t.db, 2);
    await t.db.transaction().execute(async (trx) => {
      await bookAppointment(trx, staffContext(), { beneficiaryId: holder ?? 0, slotId: slot ?? 0 }, deps);
      await joinWaitlist(trx, staffContext(), { beneficiaryId: waiting ?? 0, campaignId: small, service: 'dental' }, deps);
    });
    const holderContact = (await t.db.selectFrom('beneficiaries').select('contact_id').where('id', '=', holder ?? 0).executeTakeFirstOrThrow()).contact_id;
    const erased = await call('POST', `/admin/api/contacts/${holderContact}/erase`, token.association);
    expect(erased.json()).toEqual({ beneficiaries: 1, cancelledAppointments: 1, promotedFromWaitingList: 1 });
    const promoted = await t.db.selectFrom('appointments').select(['id', 'status']).where('beneficiary_id', '=', waiting ?? 0).executeTakeFirstOrThrow();
    expect(promoted.status).toBe('booked');
    expect(await t.db.selectFrom('notifications').select('kind').where('appointment_id', '=', promoted.id).execute()).toEqual([{ kind: 'reminder' }, { kind: 'reminder' }]);
  });
});

/** What a refused request must not have changed. */
async function snapshot() {
  return {
    appointment: await t.db.selectFrom('appointments').select(['status', 'procedure_done_at']).where('id', '=', ids.appointment).executeTakeFirstOrThrow(),
    ticket: await t.db.selectFrom('handoff_tickets').select('status').where('id', '=', ids.ticket).executeTakeFirstOrThrow(),
    broadcast: await t.db.selectFrom('broadcasts').select('status').where('id', '=', ids.broadcast).executeTakeFirstOrThrow(),
    contact: await t.db.selectFrom('contacts').select(['phone_e164', 'consent_at']).where('id', '=', ids.contact).executeTakeFirstOrThrow(),
    donations: await t.db.selectFrom('donations').select('id').execute(),
    broadcasts: await t.db.selectFrom('broadcasts').select('id').execute(),
    checkins: await t.db.selectFrom('notifications').select('id').where('kind', '=', 'checkin').execute(),
  };
}
