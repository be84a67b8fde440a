// Donor recall, end to end: a donor asks to be told, staff record the donation, the recall fires on the
// day they may give again with the next drive near them, and "1" starts the donor questions for it.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { DEFAULT_DONOR_RULES } from '../../src/domain/donors/donor-rules.ts';
import { nextEligibleDay } from '../../src/domain/donors/next-eligible.ts';
import { fireNotification, type FireDeps } from '../../src/scheduling/fire-notification.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { createBroadcast } from '../../src/scheduling/broadcasts.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { formatDay } from '../../src/i18n/dates.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { conversationDeps, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';
import { ensureOrganisation, addTestStaff, createBeneficiaries, deps, importTestCampaign, staffContext } from '../support/fixtures.ts';
import { bookAppointment } from '../../src/domain/appointments/booking.ts';
import { eraseContact } from '../../src/domain/contacts/erasure.ts';

const tr = createTranslator(loadResources());
const RECORDED_AT = new Date('2026-12-10T15:00:00Z');
/** A database with the caravan, the 10 December drive and a February drive, a server and a nurse's token. */
interface World {
  t: TestDatabase;
  app: FastifyInstance;
  nurse: string;
  februaryDrive: number;
  close(): Promise<void>;
}

async function ownWorld(): Promise<World> {
  const t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
  // The next drive in Casablanca, in February: the one a recall should offer.
  const februaryDrive = await importTestCampaign(t.db, {
    slug: 'casa-drive-february',
    organisation: 'cnts',
    kind: 'blood_drive',
    title: { fr: 'Collecte de sang Maârif', ar: 'حملة التبرع بالدم المعاريف' },
    province: 'casablanca',
    commune: 'Maârif',
    venue: { name: 'Parc de la Ligue arabe', lat: 33.58, lon: -7.62 },
    firstDay: '2027-02-20',
    lastDay: '2027-02-20',
    services: [{ code: 'blood_donation', windows: [{ start: '09:00', end: '13:00', capacity: 100 }] }],
  });
  const app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => RECORDED_AT }, logger: createLogger('silent'), timeZone: 'Africa/Casablanca' });
  const nurse = (await addTestStaff(t.db, { name: 'Nadia', role: 'medical', organisation: 'cnts' })).token;
  return {
    t, app, nurse, februaryDrive,
    async close() {
      await app.close();
      await t.drop();
    },
  };
}

let w: World;
let t: TestDatabase;
let fire: FireDeps;
let februaryDrive = 0;

beforeAll(async () => {
  w = await ownWorld();
  ({ t, februaryDrive } = w);
  fire = { db: t.db, t: tr, zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS };
});
afterAll(async () => w?.close());

/** A Telegram donor books the 10 December drive and answers the recall question; returns the appointment. */
async function donor(chat: string, name: string, wantsRecall: boolean, world: World = w) {
  const v = new Villager(conversationDeps(world.t.db), chat, 'telegram');
  await v.onboard('fr');
  await v.choose('donate');
  await v.choose('male');
  await v.send('32');
  await v.send('72');
  await v.choose('no');
  await v.choose('none');
  await v.send(name);
  await v.send('casa');
  await v.choose(/Chock/);
  await v.send('1');
  await v.choose('confirm');
  expect(v.lastText()).toContain(tr('fr', 'donor:recallQuestion'));
  await v.send(wantsRecall ? '1' : '2');
  expect(v.lastText()).toContain(tr('fr', wantsRecall ? 'donor:recallOn' : 'donor:recallOff'));
  const appointment = await world.t.db
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('contact_identities as i', 'i.contact_id', 'b.contact_id')
    .select(['a.id', 'b.contact_id'])
    .where('i.external_id', '=', chat)
    .executeTakeFirstOrThrow();
  return { v, appointmentId: appointment.id, contactId: appointment.contact_id };
}

const record = (body: unknown, token = w.nurse, world: World = w) => world.app.inject({ method: 'POST', url: '/admin/api/donations', headers: token ? { authorization: `Bearer ${token}` } : {}, payload: body as object });

describe('next eligible day', () => {
  it('follows the interval, the yearly limit, and the stricter rule when the sex is unknown', () => {
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, 'male', ['2026-12-10'])).toBe('2027-02-10');
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, 'female', ['2026-12-10'])).toBe('2027-03-10');
    // A woman's third donation in a year: the next waits until the first one is a year old.
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, 'female', ['2026-01-05', '2026-05-05', '2026-09-05'])).toBe('2027-01-05');
    expect(nextEligibleDay(DEFAULT_DONOR_RULES, null, ['2026-12-10'])).toBe('2027-03-10');
  });
});

describe('donor recall', () => {
  it('invites a donor who asked, on the day they may give again, to the next drive near them; "1" starts the questions for it', async () => {
    const { v, appointmentId, contactId } = await donor('97001', 'Youssef Berrada', true);
    const recorded = await record({ appointmentId, bloodGroup: 'O-' });
    expect(recorded.statusCode).toBe(201);
    // Two months after 10 December for a man; 10:00 in Morocco, which is UTC+0 during Ramadan 2027.
    expect(recorded.json()).toMatchObject({ donatedOn: '2026-12-10', nextEligibleOn: '2027-02-10', recallAt: '2027-02-10T10:00:00.000Z' });
    expect(await t.db.selectFrom('appointments').select('status').where('id', '=', appointmentId).executeTakeFirstOrThrow()).toEqual({ status: 'attended' });
    // Recording twice keeps one donation and one recall.
    expect((await record({ appointmentId, bloodGroup: 'O-' })).json()).toMatchObject({ donationId: recorded.json().donationId });
    const recalls = await t.db.selectFrom('notifications').select(['id', 'due_at']).where('contact_id', '=', contactId).where('kind', '=', 'recall').execute();
    expect(recalls).toHaveLength(1);

    const fired = await fireNotification(fire, recalls[0]?.id ?? 0, recalls[0]?.due_at ?? RECORDED_AT);
    expect(fired.kind).toBe('sent');
    const invite = await t.db.selectFrom('outbox').select('payload').where('recipient', '=', '97001').where('kind', '=', 'notification').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const text = (invite.payload as { text: string }).text;
    expect(text).toContain(tr('fr', 'donor:recallInvite', { drive: 'Collecte de sang Maârif', day: formatDay('2027-02-20', 'fr'), place: 'Parc de la Ligue arabe, Maârif' }));
    expect(text).toContain(tr('fr', 'donor:recallAnswer'));

    const answer = await v.send('1');
    expect(answer.map((r) => r.text).join('\n')).toContain(tr('fr', 'donor:sexQuestion'));
    const state = await sql<{ campaign: number }>`select (state->'draft'->>'campaignId')::int as campaign from conversations where contact_id = ${contactId}`.execute(t.db);
    expect(state.rows[0]?.campaign).toBe(februaryDrive);
  });

  it('waits a week when no drive is near yet, gives up after three months, and stops when the donor says 2', async () => {
    const { v, appointmentId, contactId } = await donor('97002', 'Hamid Tazi', true);
    expect((await record({ appointmentId, bloodGroup: 'A-' })).statusCode).toBe(201);
    const recall = await t.db.selectFrom('notifications').select(['id', 'due_at']).where('contact_id', '=', contactId).where('kind', '=', 'recall').executeTakeFirstOrThrow();
    // In March the February drive is over: nothing near, look again a week later.
    const march = new Date('2027-03-01T10:00:00Z');
    expect(await fireNotification(fire, recall.id, march)).toEqual({ kind: 'deferred', until: new Date('2027-03-08T10:00:00Z') });
    expect(await t.db.selectFrom('notifications').select(['status', 'due_at']).where('id', '=', recall.id).executeTakeFirstOrThrow()).toEqual({ status: 'pending', due_at: new Date('2027-03-08T10:00:00Z') });
    // Still nothing three months after the eligible day: the recall ends.
    expect(await fireNotification(fire, recall.id, new Date('2027-05-12T10:00:00Z'))).toEqual({ kind: 'skipped', reason: 'no blood drive near the donor' });

    // A later recall, answered "2": no more recalls.
    const donation = await t.db.selectFrom('donations').select('id').where('appointment_id', '=', appointmentId).executeTakeFirstOrThrow();
    const again = await t.db.insertInto('notifications').values({ kind: 'recall', contact_id: contactId, donation_id: donation.id, label: 'recall', due_at: new Date('2027-02-11T10:00:00Z') }).returning('id').executeTakeFirstOrThrow();
    expect((await fireNotification(fire, again.id, new Date('2027-02-11T10:00:00Z'))).kind).toBe('sent');
    const stop = await v.send('2');
    expect(stop[0]?.text).toBe(tr('fr', 'donor:recallOff'));
    expect(await t.db.selectFrom('contacts').select('donor_recall_at').where('id', '=', contactId).executeTakeFirstOrThrow()).toEqual({ donor_recall_at: null });
  });

  it('writes no recall for a donor who declined, and refuses what is not a donation', async () => {
    const { appointmentId, contactId } = await donor('97003', 'Karim Alaoui', false);
    const recorded = await record({ appointmentId, bloodGroup: 'B+', donatedOn: '2026-12-10' });
    expect(recorded.json()).toMatchObject({ nextEligibleOn: '2027-02-10', recallAt: null });
    expect(await t.db.selectFrom('notifications').select('id').where('contact_id', '=', contactId).where('kind', '=', 'recall').execute()).toEqual([]);
    // An eye consultation at the Tinghir caravan is not a donation, and stays as it was.
    const slot = await t.db.selectFrom('slots').select('id').where('service', '=', 'ophthalmology').orderBy('day').executeTakeFirstOrThrow();
    const [patient] = await createBeneficiaries(t.db, 1);
    const eye = await t.db.transaction().execute((trx) => bookAppointment(trx, staffContext(), { beneficiaryId: patient ?? 0, slotId: slot.id }, deps));
    // The blood centre's nurse does not see the caravan's appointment at all; the caravan's own staff are told what is wrong.
    const elsewhere = await record({ appointmentId: eye.id });
    expect([elsewhere.statusCode, elsewhere.json().error]).toEqual([404, `no appointment ${eye.id}`]);
    const caravanNurse = (await addTestStaff(t.db, { name: 'Salma', role: 'medical', organisation: 'test-association' })).token;
    const refused = await record({ appointmentId: eye.id }, caravanNurse);
    expect([refused.statusCode, refused.json().problems]).toEqual([400, [`appointmentId: appointment ${eye.id} is for ophthalmology, not a blood donation`]]);
    expect(await t.db.selectFrom('appointments').select('status').where('id', '=', eye.id).executeTakeFirstOrThrow()).toEqual({ status: 'booked' });
    expect(await t.db.selectFrom('donations').select('id').where('appointment_id', '=', eye.id).execute()).toEqual([]);
    const unknown = await record({ appointmentId: 999_999 });
    expect([unknown.statusCode, unknown.json().error]).toEqual([404, 'no appointment 999999']);
    expect((await record({ appointmentId, bloodGroup: 'Z+' })).statusCode).toBe(400);
    expect((await record({ appointmentId }, '')).statusCode).toBe(401);
  });

  it('lets a coordinator appeal to the eligible donors of a blood group', async () => {
    // Its own donors, in a database of their own: O-, A- (who wants no recall, still a donor) and B+;
    // all gave on 10 December and may give again from 10 February.
    const own = await ownWorld();
    onTestFinished(() => own.close());
    for (const [chat, name, group, recall] of [['97011', 'Youssef Berrada', 'O-', true], ['97012', 'Hamid Tazi', 'A-', false], ['97013', 'Karim Alaoui', 'B+', true]] as const) {
      const d = await donor(chat, name, recall, own);
      expect((await record({ appointmentId: d.appointmentId, bloodGroup: group }, own.nurse, own)).statusCode).toBe(201);
    }
    const staff = { kind: 'staff' as const, id: 1 };
    const texts = { fr: 'Nous manquons de sang O- : pouvez-vous venir ?' };
    expect((await createBroadcast(own.t.db, staff, await ensureOrganisation(own.t.db, 'cnts'), { audience: { eligibleDonors: { bloodGroups: ['O-'], on: '2027-03-01' } }, texts }, RECORDED_AT)).targeted).toBe(1);
    expect((await createBroadcast(own.t.db, staff, await ensureOrganisation(own.t.db, 'cnts'), { audience: { eligibleDonors: { bloodGroups: ['O-', 'B+'], on: '2027-03-01' } }, texts }, RECORDED_AT)).targeted).toBe(2);
    expect((await createBroadcast(own.t.db, staff, await ensureOrganisation(own.t.db, 'cnts'), { audience: { eligibleDonors: { on: '2027-03-01' } }, texts }, RECORDED_AT)).targeted).toBe(3);
    // Before 10 February none of them may give.
    expect((await createBroadcast(own.t.db, staff, await ensureOrganisation(own.t.db, 'cnts'), { audience: { eligibleDonors: { bloodGroups: ['O-'], on: '2027-01-15' } }, texts }, RECORDED_AT)).targeted).toBe(0);
  });

  it('forgets the blood group and the recall wish of a donor who erases their data', async () => {
    const { appointmentId, contactId } = await donor('97021', 'Youssef Berrada', true);
    expect((await record({ appointmentId, bloodGroup: 'O-' })).statusCode).toBe(201);
    const before = await sql<{ b: string | null; d: string | null; recall: Date | null; pending: number }>`
      select b.blood_group as b, d.blood_group as d, k.donor_recall_at as recall,
        (select count(*)::int from notifications n where n.contact_id = k.id and n.kind = 'recall' and n.status = 'pending') as pending
      from beneficiaries b join donations d on d.beneficiary_id = b.id join contacts k on k.id = b.contact_id where k.id = ${contactId}`.execute(t.db);
    expect(before.rows).toEqual([{ b: 'O-', d: 'O-', recall: expect.any(Date), pending: 1 }]);
    await t.db.transaction().execute((trx) => eraseContact(trx, staffContext(), contactId, deps));
    const left = await sql<{ b: string | null; d: string | null; recall: Date | null; pending: number }>`
      select b.blood_group as b, d.blood_group as d, k.donor_recall_at as recall,
        (select count(*)::int from notifications n where n.contact_id = k.id and n.kind = 'recall' and n.status = 'pending') as pending
      from beneficiaries b join donations d on d.beneficiary_id = b.id join contacts k on k.id = b.contact_id where k.id = ${contactId}`.execute(t.db);
    expect(left.rows).toEqual([{ b: null, d: null, recall: null, pending: 0 }]);
  });
});
