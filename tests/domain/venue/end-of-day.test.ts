// Closing a venue day against the real database: who is marked no-show, the one kind message each gets
// (in their language, never at night, never to those who said stop), a second close that does nothing,
// the organisation boundary, and the next day's waiting list moving up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/db/transaction.ts';
import type { Locale } from '../../../src/db/tables.ts';
import { markAttendance } from '../../../src/domain/appointments/attendance.ts';
import { cancelAppointment } from '../../../src/domain/appointments/cancellation.ts';
import { joinWaitlist } from '../../../src/domain/appointments/waitlist.ts';
import { eraseContact } from '../../../src/domain/contacts/erasure.ts';
import { closeDay } from '../../../src/domain/venue/index.ts';
import { createTranslator, loadResources } from '../../../src/i18n/translator.ts';
import { fireNotification } from '../../../src/scheduling/fire-notification.ts';
import { DEFAULT_QUIET_HOURS } from '../../../src/scheduling/quiet-hours.ts';
import { bookPeople, DAY, NEXT_DAY, NOW, seedDeskWorld, ZONE, type DeskWorld } from '../../support/desk-world.ts';
import { deps, ensureOrganisation, importTestCampaign, staffContext } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

let t: TestDatabase;
let w: DeskWorld;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await seedDeskWorld(t.db);
});
afterAll(async () => t?.drop());

const coordinator = { kind: 'staff', id: 'coordinator' } as const;
const settings = { zone: ZONE, quiet: DEFAULT_QUIET_HOURS, booking: deps };
/** 19:00 in Morocco on the day: the last patient has left. */
const EVENING = new Date('2026-12-14T18:00:00Z');
const translate = createTranslator(loadResources());
const fire = (id: number, at: Date) => fireNotification({ db: t.db, t: translate, zone: ZONE, quiet: DEFAULT_QUIET_HOURS }, id, at);

let campaigns = 0;
/** A campaign of its own for each test (on DAY and NEXT_DAY), so no test closes another's day. */
const ownCampaign = (capacity = 10) => importTestCampaign(t.db, { slug: `close-${++campaigns}`, services: [{ code: 'ophthalmology', windows: [{ start: '09:00', end: '12:00', capacity }] }] });

const close = (campaignId: number, at = EVENING, organisationId = w.association) => inTransaction(t.db, (trx) => closeDay(trx, coordinator, organisationId, campaignId, DAY, at, settings));

/** Books `n` people who said yes to messages and have a Telegram chat; returns their appointments. */
async function bookReachable(campaignId: number, n: number, day = DAY, locale: Locale = 'fr') {
  const codes = await bookPeople(t.db, campaignId, n, { day });
  const rows = await t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select(['a.id', 'a.code', 'b.contact_id', 'b.full_name']).where('a.code', 'in', codes).orderBy('a.id').execute();
  for (const r of rows) {
    await t.db.updateTable('contacts').set({ consent_at: NOW, locale }).where('id', '=', r.contact_id).execute();
    await t.db.insertInto('contact_identities').values({ channel: 'telegram', external_id: `chat-${r.contact_id}`, contact_id: r.contact_id, last_inbound_at: NOW }).execute();
  }
  return rows;
}

const statusOf = async (id: number) => (await t.db.selectFrom('appointments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const offersTo = (appointmentIds: number[]) => t.db.selectFrom('notifications').select(['id', 'due_at', 'status']).where('kind', '=', 'no_show').where('appointment_id', 'in', appointmentIds).execute();

describe('closing a venue day', () => {
  it('marks only the people still booked on that day of that campaign, and audits each', async () => {
    const campaign = await ownCampaign();
    const [came, missed, cancelled] = await bookReachable(campaign, 3);
    const [tomorrow] = await bookReachable(campaign, 1, NEXT_DAY);
    const [elsewhere] = await bookReachable(w.otherCaravan, 1);
    if (!came || !missed || !cancelled || !tomorrow || !elsewhere) throw new Error('booking failed');
    await inTransaction(t.db, (trx) => markAttendance(trx, coordinator, w.association, came.id, 'attended'));
    await inTransaction(t.db, (trx) => cancelAppointment(trx, staffContext(DAY), cancelled.id, deps));

    const closed = await close(campaign);

    expect(closed?.noShows).toEqual([missed.id]);
    expect(await statusOf(missed.id)).toBe('no_show');
    expect([await statusOf(came.id), await statusOf(cancelled.id), await statusOf(tomorrow.id), await statusOf(elsewhere.id)]).toEqual(['attended', 'cancelled', 'booked', 'booked']);
    const audit = await t.db.selectFrom('audit_log').select(['entity_id', 'actor']).where('action', '=', 'appointment.no_show').where('entity_id', '=', String(missed.id)).execute();
    expect(audit).toEqual([{ entity_id: String(missed.id), actor: 'staff:coordinator' }]);
  });

  it('marks nothing more and writes no second message when the day is closed again', async () => {
    const campaign = await ownCampaign();
    const people = await bookReachable(campaign, 2);
    const first = await close(campaign);
    const again = await close(campaign, new Date(EVENING.getTime() + 3_600_000));
    expect(first?.noShows).toHaveLength(2);
    expect(first?.messages).toHaveLength(2);
    expect(again).toEqual({ noShows: [], messages: [], promoted: [] });
    expect(await offersTo(people.map((p) => p.id))).toHaveLength(2);
  });

  it('offers another day once, in the language the person reads, through the outbox', async () => {
    const campaign = await ownCampaign();
    const [amal] = await bookReachable(campaign, 1, DAY, 'ar');
    if (!amal) throw new Error('booking failed');
    const closed = await close(campaign);
    const [offer] = closed?.messages ?? [];
    if (!offer) throw new Error('no offer written');
    expect(offer.dueAt).toEqual(EVENING);

    const result = await fire(offer.id, EVENING);
    const again = await fire(offer.id, EVENING);

    expect(result.kind).toBe('sent');
    expect(again).toEqual({ kind: 'skipped', reason: 'already sent' });
    const sent = await t.db.selectFrom('outbox').select(['recipient', 'kind', 'payload']).where('contact_id', '=', amal.contact_id).execute();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ recipient: `chat-${amal.contact_id}`, kind: 'notification' });
    const text = JSON.stringify(sent[0]?.payload);
    expect(text).toContain('لم نرَ');
    expect(text).toContain(amal.full_name ?? '?');
    expect(text).toContain('أرسل 0');
  });

  it('waits for the morning when the day is closed in the quiet hours', async () => {
    const campaign = await ownCampaign();
    await bookReachable(campaign, 1);
    /** 22:30 in Morocco: the message leaves at 08:00 the next morning. */
    const late = new Date('2026-12-14T21:30:00Z');
    const closed = await close(campaign, late);
    const [offer] = closed?.messages ?? [];
    if (!offer) throw new Error('no offer written');
    expect(offer.dueAt).toEqual(new Date('2026-12-15T07:00:00Z'));
    expect(await fire(offer.id, late)).toEqual({ kind: 'deferred', until: new Date('2026-12-15T07:00:00Z') });
  });

  it('writes nothing to people who said stop, never consented, or whose data was erased', async () => {
    const campaign = await ownCampaign();
    const [stopped, silent, erased, reachable] = await bookReachable(campaign, 4);
    if (!stopped || !silent || !erased || !reachable) throw new Error('booking failed');
    await t.db.updateTable('contacts').set({ opted_out_at: NOW }).where('id', '=', stopped.contact_id).execute();
    await t.db.updateTable('contacts').set({ consent_at: null }).where('id', '=', silent.contact_id).execute();
    await inTransaction(t.db, (trx) => eraseContact(trx, staffContext(DAY), erased.contact_id, deps));

    const closed = await close(campaign);

    expect(closed?.noShows.sort()).toEqual([stopped.id, silent.id, reachable.id].sort());
    expect((await offersTo([stopped.id, silent.id, erased.id, reachable.id])).length).toBe(1);
    expect(closed?.messages).toHaveLength(1);
  });

  it("closes nothing of another organisation's campaign", async () => {
    const campaign = await ownCampaign();
    const [person] = await bookReachable(campaign, 1);
    if (!person) throw new Error('booking failed');
    const cnts = await ensureOrganisation(t.db, 'cnts', 'blood_agency');
    expect(await close(campaign, EVENING, cnts)).toBeUndefined();
    expect(await statusOf(person.id)).toBe('booked');
    expect(await offersTo([person.id])).toEqual([]);
  });

  it("moves the next day's waiting list up into its free places, and frees nothing on the day closed", async () => {
    const campaign = await ownCampaign(1);
    await bookReachable(campaign, 1);
    await bookReachable(campaign, 1, NEXT_DAY);
    const [waitsToday, waitsTomorrow] = await bookReachable(w.otherCaravan, 2);
    if (!waitsToday || !waitsTomorrow) throw new Error('booking failed');
    const beneficiary = async (appointmentId: number) => (await t.db.selectFrom('appointments').select('beneficiary_id').where('id', '=', appointmentId).executeTakeFirstOrThrow()).beneficiary_id;
    const ctx = staffContext(DAY);
    await inTransaction(t.db, async (trx) => joinWaitlist(trx, ctx, { beneficiaryId: await beneficiary(waitsToday.id), campaignId: campaign, service: 'ophthalmology', day: DAY }, deps));
    const entry = await inTransaction(t.db, async (trx) => joinWaitlist(trx, ctx, { beneficiaryId: await beneficiary(waitsTomorrow.id), campaignId: campaign, service: 'ophthalmology', day: NEXT_DAY }, deps));
    // The next day gets a second place after the waiting list was written (a capacity raised).
    await t.db.updateTable('slots').set({ capacity: 2 }).where('campaign_id', '=', campaign).where('day', '=', NEXT_DAY).execute();

    const closed = await close(campaign);

    expect(closed?.promoted).toHaveLength(1);
    const promoted = await t.db.selectFrom('waitlist_entries').select(['id', 'status', 'appointment_id']).where('campaign_id', '=', campaign).where('status', '=', 'promoted').execute();
    expect(promoted).toEqual([{ id: entry, status: 'promoted', appointment_id: closed?.promoted[0] }]);
    const nextDay = await t.db.selectFrom('slots').select(['booked', 'capacity']).where('campaign_id', '=', campaign).where('day', '=', NEXT_DAY).executeTakeFirstOrThrow();
    expect(nextDay).toEqual({ booked: 2, capacity: 2 });
  });
});
