// The medical staff's alerts through /admin/api: the order they are called in, one alert with every
// answer and the phone (its showing audited), acknowledge / note / resolve (audited), the roles, and
// another organisation's alerts answering 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { addConsoleStaff, signInBrowser } from '../support/console-staff.ts';
import { addTestStaff, ensureOrganisation } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { alertAt, answeredCheckin, importSurgeryCaravan, noonOf, operatedPatient, ZONE } from '../support/alert-world.ts';

let t: TestDatabase;
let app: FastifyInstance;
const token = { nurse: '', colleague: '', coordinator: '', desk: '', admin: '', otherNurse: '' };
const staffId = { nurse: 0, colleague: 0 };
const alert = { urgent: 0, fever: 0, unreachableOld: 0, unreachableNew: 0, taken: 0, theirs: 0 };
let urgentPatient = { appointmentId: 0, phone: '' };
let adminId = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => noonOf(0) }, logger: createLogger('silent'), timeZone: ZONE });
  const nurse = await addTestStaff(t.db, { name: 'Dr Alami', role: 'medical' });
  const colleague = await addTestStaff(t.db, { name: 'Inf. Bennis', role: 'medical' });
  Object.assign(token, { nurse: nurse.token, colleague: colleague.token });
  Object.assign(staffId, { nurse: nurse.id, colleague: colleague.id });
  token.coordinator = (await addTestStaff(t.db, { name: 'Khadija', role: 'coordinator' })).token;
  token.desk = (await addTestStaff(t.db, { name: 'Amina', role: 'desk' })).token;
  const admin = await addConsoleStaff(t.db, { name: 'Plateforme', role: 'admin', email: 'plateforme@qafila.ma', password: 'plateforme de decembre' });
  token.admin = admin.token;
  adminId = admin.id;
  token.otherNurse = (await addTestStaff(t.db, { name: 'Nadia', role: 'medical', organisation: 'cnts' })).token;

  const caravan = await importSurgeryCaravan(t.db, 'tinghir-alerts');
  urgentPatient = await operatedPatient(t.db, caravan, 'Brahim Oulad', 3);
  await answeredCheckin(t.db, urgentPatient.appointmentId, 'day_1', { pain: 1, fever: false, wound: false, bleeding: false, eating: true }, []);
  await answeredCheckin(t.db, urgentPatient.appointmentId, 'day_3', { pain: 3, fever: false, wound: true, bleeding: false, eating: true }, ['pain', 'wound']);
  const fever = await operatedPatient(t.db, caravan, 'Fadma Ait', 1);
  const silent = await operatedPatient(t.db, caravan, 'Mbarek Id', 3);
  const taken = await operatedPatient(t.db, caravan, 'Said Amellal', 1);
  // Oldest first: the urgent one is the oldest and still comes first; the acknowledged one is the newest and comes last.
  alert.urgent = await alertAt(t.db, 'red_flag', urgentPatient.appointmentId, { question: 'pain', answer: 3 }, noonOf(0));
  alert.unreachableOld = await alertAt(t.db, 'unreachable', silent.appointmentId, { checkin: 'day_1', reason: 'no answer after a retry' }, noonOf(0));
  alert.fever = await alertAt(t.db, 'red_flag', fever.appointmentId, { question: 'fever', answer: true }, noonOf(0));
  alert.unreachableNew = await alertAt(t.db, 'unreachable', silent.appointmentId, { checkin: 'day_3', reason: 'no answer after a retry' }, noonOf(0));
  alert.taken = await alertAt(t.db, 'red_flag', taken.appointmentId, { question: 'bleeding', answer: true }, noonOf(0));
  await t.db.updateTable('staff_alerts').set({ acknowledged_at: noonOf(0), acknowledged_by: staffId.colleague }).where('id', '=', alert.taken).execute();

  const centre = await importSurgeryCaravan(t.db, 'casa-alerts', { organisation: 'cnts' });
  alert.theirs = await alertAt(t.db, 'red_flag', (await operatedPatient(t.db, centre, 'Nezha Alaoui', 2)).appointmentId, { question: 'pain', answer: 3 }, noonOf(0));
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const call = (method: 'GET' | 'POST', url: string, bearer: string, payload?: object) =>
  app.inject({ method, url, headers: { authorization: `Bearer ${bearer}` }, ...(payload ? { payload } : {}) });
const audit = (action: string) => t.db.selectFrom('audit_log').select(['actor', 'entity_id', 'details', 'organisation_id']).where('action', '=', action).orderBy('id').execute();

describe('the alerts list', () => {
  it('puts those nobody took first, the most serious first among them, then the newest', async () => {
    const answer = await call('GET', '/admin/api/alerts', token.nurse);
    expect(answer.statusCode).toBe(200);
    const items = answer.json().items as Array<{ id: number; seriousness: string; patient: string; dayAfterSurgery: number; acknowledged: { by: string } | null }>;
    expect(items.map((a) => [a.id, a.seriousness])).toEqual([
      [alert.urgent, 'urgent'],
      [alert.fever, 'red_flag'],
      [alert.unreachableNew, 'unreachable'],
      [alert.unreachableOld, 'unreachable'],
      [alert.taken, 'urgent'],
    ]);
    expect(items[0]).toMatchObject({ patient: 'Brahim Oulad', service: 'surgery', dayAfterSurgery: 3, acknowledged: null });
    expect(items[4]?.acknowledged?.by).toBe('Inf. Bennis');
    expect(answer.body).not.toContain(urgentPatient.phone);
  });

  it('gives the same order a page at a time', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: number }>; nextCursor: string | null } = (await call('GET', `/admin/api/alerts?limit=2${cursor ? `&cursor=${cursor}` : ''}`, token.coordinator)).json();
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([alert.urgent, alert.fever, alert.unreachableNew, alert.unreachableOld, alert.taken]);
  });
});

describe('one alert', () => {
  it('shows every answer of every check-in so far and the phone, and logs that the phone was shown', async () => {
    const answer = await call('GET', `/admin/api/alerts/${alert.urgent}`, token.nurse);
    expect(answer.statusCode).toBe(200);
    const detail = answer.json();
    expect(detail).toMatchObject({ id: alert.urgent, phone: urgentPatient.phone, patient: 'Brahim Oulad', sex: 'female', dayAfterSurgery: 3, notes: [], resolved: null });
    expect(detail.checkins.map((c: { label: string; answers: object; redFlags: string[] }) => [c.label, c.answers, c.redFlags])).toEqual([
      ['day_1', { pain: 1, fever: false, wound: false, bleeding: false, eating: true }, []],
      ['day_3', { pain: 3, fever: false, wound: true, bleeding: false, eating: true }, ['pain', 'wound']],
    ]);
    const nurseOrganisation = (await t.db.selectFrom('staff').select('organisation_id').where('id', '=', staffId.nurse).executeTakeFirstOrThrow()).organisation_id;
    expect(await audit('staff_alert.phone_shown')).toEqual([{ actor: `staff:${staffId.nurse}`, entity_id: String(alert.urgent), details: { appointmentId: urgentPatient.appointmentId }, organisation_id: nurseOrganisation }]);
  });
});

describe('acting on an alert', () => {
  it('acknowledges once: a colleague tapping after changes nothing; each change is in the audit log', async () => {
    const first = await call('POST', `/admin/api/alerts/${alert.fever}/acknowledge`, token.nurse);
    expect([first.statusCode, first.json().acknowledged.by]).toEqual([200, 'Dr Alami']);
    const second = await call('POST', `/admin/api/alerts/${alert.fever}/acknowledge`, token.colleague);
    expect([second.statusCode, second.json().acknowledged.by]).toEqual([200, 'Dr Alami']);
    expect((await audit('staff_alert.acknowledge')).map((a) => [a.actor, a.entity_id])).toEqual([[`staff:${staffId.nurse}`, String(alert.fever)]]);
    // Taken now: it moves below the alerts nobody took.
    const order = (await call('GET', '/admin/api/alerts', token.nurse)).json().items.map((a: { id: number }) => a.id);
    expect(order.indexOf(alert.fever)).toBeGreaterThan(order.indexOf(alert.unreachableOld));
  });

  it('keeps notes in order with who wrote them, leaving their text out of the audit log', async () => {
    const note = await call('POST', `/admin/api/alerts/${alert.urgent}/notes`, token.nurse, { text: 'Appelé, vient au centre de santé' });
    expect(note.statusCode).toBe(201);
    await call('POST', `/admin/api/alerts/${alert.urgent}/notes`, token.colleague, { text: 'Vu au centre, pansement refait' });
    const detail = (await call('GET', `/admin/api/alerts/${alert.urgent}`, token.nurse)).json();
    expect(detail.notes.map((n: { by: string; text: string }) => [n.by, n.text])).toEqual([['Dr Alami', 'Appelé, vient au centre de santé'], ['Inf. Bennis', 'Vu au centre, pansement refait']]);
    const logged = await audit('staff_alert.note');
    expect(logged.map((a) => a.actor)).toEqual([`staff:${staffId.nurse}`, `staff:${staffId.colleague}`]);
    expect(JSON.stringify(logged)).not.toContain('centre');
    expect((await call('POST', `/admin/api/alerts/${alert.urgent}/notes`, token.nurse, { text: '   ' })).statusCode).toBe(400);
  });

  it('resolves: the alert leaves the list, taken by whoever resolved it if nobody had', async () => {
    const resolved = await call('POST', `/admin/api/alerts/${alert.unreachableOld}/resolve`, token.nurse);
    expect(resolved.json()).toMatchObject({ resolved: { by: 'Dr Alami' }, acknowledged: { by: 'Dr Alami' } });
    expect((await call('GET', '/admin/api/alerts', token.nurse)).json().items.map((a: { id: number }) => a.id)).not.toContain(alert.unreachableOld);
    expect((await call('POST', `/admin/api/alerts/${alert.unreachableOld}/resolve`, token.colleague)).json().resolved.by).toBe('Dr Alami');
    expect((await audit('staff_alert.resolve')).map((a) => [a.actor, a.entity_id])).toEqual([[`staff:${staffId.nurse}`, String(alert.unreachableOld)]]);
    // Still readable by its number, for the record.
    expect((await call('GET', `/admin/api/alerts/${alert.unreachableOld}`, token.coordinator)).json().resolved.by).toBe('Dr Alami');
  });
});

describe('who may', () => {
  it('lets coordinators read but only the medical staff act; the desk reads nothing', async () => {
    expect((await call('GET', `/admin/api/alerts/${alert.taken}`, token.coordinator)).statusCode).toBe(200);
    for (const action of ['acknowledge', 'resolve']) expect([action, (await call('POST', `/admin/api/alerts/${alert.taken}/${action}`, token.coordinator)).statusCode]).toEqual([action, 403]);
    expect((await call('POST', `/admin/api/alerts/${alert.taken}/notes`, token.coordinator, { text: 'x' })).statusCode).toBe(403);
    expect((await call('GET', '/admin/api/alerts', token.desk)).statusCode).toBe(403);
    expect((await call('GET', `/admin/api/alerts/${alert.taken}`, token.desk)).statusCode).toBe(403);
    expect((await call('GET', `/admin/api/alerts/${alert.taken}`, token.admin)).statusCode).toBe(403);
  });

  it("answers 404 to another organisation's alert, read or changed, and changes nothing", async () => {
    const before = await t.db.selectFrom('staff_alerts').selectAll().where('id', '=', alert.theirs).executeTakeFirstOrThrow();
    const auditBefore = await t.db.selectFrom('audit_log').select('id').execute();
    const requests: Array<['GET' | 'POST', string, object?]> = [
      ['GET', `/admin/api/alerts/${alert.theirs}`],
      ['POST', `/admin/api/alerts/${alert.theirs}/acknowledge`],
      ['POST', `/admin/api/alerts/${alert.theirs}/notes`, { text: 'x' }],
      ['POST', `/admin/api/alerts/${alert.theirs}/resolve`],
    ];
    for (const [method, url, payload] of requests) {
      const answer = await call(method, url, token.nurse, payload);
      expect([url, answer.statusCode]).toEqual([url, 404]);
      expect(answer.body).not.toContain('Nezha');
    }
    expect((await call('GET', '/admin/api/alerts', token.nurse)).json().items.map((a: { id: number }) => a.id)).not.toContain(alert.theirs);
    expect((await call('GET', '/admin/api/alerts', token.otherNurse)).json().items.map((a: { id: number }) => a.id)).toEqual([alert.theirs]);
    expect(await t.db.selectFrom('staff_alerts').selectAll().where('id', '=', alert.theirs).executeTakeFirstOrThrow()).toEqual(before);
    expect(await t.db.selectFrom('staff_alert_notes').select('id').where('alert_id', '=', alert.theirs).execute()).toEqual([]);
    expect(await t.db.selectFrom('audit_log').select('id').execute()).toEqual(auditBefore);
  });

  it('lets the platform admin, looking at the organisation in the console, read alerts and change none', async () => {
    const admin = await signInBrowser(app, 'plateforme@qafila.ma', 'plateforme de decembre');
    const association = await ensureOrganisation(t.db, 'test-association');
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    expect((await app.inject({ method: 'PUT', url: '/console/api/session/viewing', headers, payload: { organisationId: association } })).statusCode).toBe(200);
    const list = await app.inject({ method: 'GET', url: '/admin/api/alerts', headers });
    expect(list.json().items.map((a: { id: number }) => a.id)).toContain(alert.taken);
    const detail = await app.inject({ method: 'GET', url: `/admin/api/alerts/${alert.taken}`, headers });
    expect(detail.statusCode).toBe(200);
    // Seeing the phone is in the organisation's log, under the admin's name.
    const shown = await t.db.selectFrom('audit_log').select(['actor', 'organisation_id']).where('action', '=', 'staff_alert.phone_shown').where('actor', '=', `staff:${adminId}`).execute();
    expect(shown).toEqual([{ actor: `staff:${adminId}`, organisation_id: association }]);
    expect((await app.inject({ method: 'POST', url: `/admin/api/alerts/${alert.taken}/resolve`, headers })).statusCode).toBe(403);
    expect(await t.db.selectFrom('staff_alerts').select('resolved_at').where('id', '=', alert.taken).executeTakeFirstOrThrow()).toEqual({ resolved_at: null });
  });
});

describe('an erasure', () => {
  it("deletes the medical staff's notes about the erased patient, who can no longer be called", async () => {
    expect(await t.db.selectFrom('staff_alert_notes').select('id').where('alert_id', '=', alert.urgent).execute()).toHaveLength(2);
    const contact = await t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select('b.contact_id').where('a.id', '=', urgentPatient.appointmentId).executeTakeFirstOrThrow();
    expect((await call('POST', `/admin/api/contacts/${contact.contact_id}/erase`, token.coordinator)).statusCode).toBe(200);
    expect(await t.db.selectFrom('staff_alert_notes').select('id').where('alert_id', '=', alert.urgent).execute()).toEqual([]);
    expect((await call('GET', '/admin/api/alerts', token.nurse)).json().items.map((a: { id: number }) => a.id)).not.toContain(alert.urgent);
  });
});
