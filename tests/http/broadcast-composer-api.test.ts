// The composer's routes: the preview (nothing written) and when sending really starts around the quiet
// hours, progress with failures grouped by reason, cancel, the list with figures; coordinators only, and
// another organisation's broadcast answers 404 as if it did not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { sql } from 'kysely';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { fanoutPage } from '../../src/scheduling/broadcasts.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addTestStaff, importTestCampaign } from '../support/fixtures.ts';

const ZONE = 'Africa/Casablanca';
const tr = createTranslator(loadResources());
/** Today in Morocco at a given hour: the tests take their days from the clock, never a fixed date. */
const todayAt = (hour: number) => DateTime.now().setZone(ZONE).set({ hour, minute: 0, second: 0, millisecond: 0 });
let now = todayAt(12).toJSDate();
let t: TestDatabase;
let app: FastifyInstance;
let campaign = 0;
const token = { coordinator: '', medical: '', desk: '', other: '' };

beforeAll(async () => {
  t = await createTestDatabase();
  campaign = await importTestCampaign(t.db, { slug: 'composer-tinghir', province: 'tinghir' });
  await importTestCampaign(t.db, { slug: 'composer-other', organisation: 'other-centre', province: 'casablanca' });
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => now }, logger: createLogger('silent'), timeZone: ZONE });
  token.coordinator = (await addTestStaff(t.db, { name: 'Khadija', role: 'coordinator', organisation: 'test-association' })).token;
  token.medical = (await addTestStaff(t.db, { name: 'Dr Alami', role: 'medical', organisation: 'test-association' })).token;
  token.desk = (await addTestStaff(t.db, { name: 'Amina', role: 'desk', organisation: 'test-association' })).token;
  token.other = (await addTestStaff(t.db, { name: 'Samir', role: 'coordinator', organisation: 'other-centre' })).token;
  await sql`
    with c as (insert into contacts (locale, consent_at) select (array['fr', 'ar'])[1 + g % 2], now() from generate_series(1, 6) g returning id),
    i as (insert into contact_identities (channel, external_id, contact_id) select 'telegram', (500000 + id)::text, id from c)
    insert into alert_subscriptions (contact_id, province_code) select id, 'tinghir' from c`.execute(t.db);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

function call(method: 'GET' | 'POST', url: string, bearer: string, payload?: object) {
  return app.inject({ method, url, headers: { authorization: `Bearer ${bearer}` }, ...(payload ? { payload } : {}) });
}

const body = { audience: { provinces: ['tinghir'] }, texts: { fr: 'La caravane arrive à Tinghir.' } };

/** A broadcast created and fanned out to the outbox, as the worker would. */
async function sentBroadcast(): Promise<number> {
  const created = await call('POST', '/admin/api/broadcasts', token.coordinator, body);
  expect(created.statusCode).toBe(201);
  const id = Number(created.json().id);
  while (!(await fanoutPage(t.db, id, 4, (l) => tr(l, 'broadcasts:stopHint'))).done) { /* the next page */ }
  return id;
}

describe('the composer API', () => {
  it('previews the reach and what each channel shows, writing nothing', async () => {
    now = todayAt(12).toJSDate();
    const before = await t.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const preview = await call('POST', '/admin/api/broadcasts/preview', token.coordinator, body);
    expect(preview.statusCode).toBe(200);
    const answer = preview.json();
    expect(answer).toMatchObject({ reach: 6, whatsappTemplate: 0, byLocale: { fr: 3, ar: 3 }, startsAt: now.toISOString() });
    const fr = answer.channels.find((c: { locale: string }) => c.locale === 'fr');
    expect(fr).toMatchObject({ characters: [...body.texts.fr].length, telegram: [`${body.texts.fr}\n${tr('fr', 'broadcasts:stopHint')}`], whatsappTemplate: body.texts.fr });
    // Arabic readers get the nearest text given (French here), with the STOP line in Arabic.
    expect(answer.channels.find((c: { locale: string }) => c.locale === 'ar').telegram).toEqual([`${body.texts.fr}\n${tr('ar', 'broadcasts:stopHint')}`]);
    const after = await t.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await t.db.selectFrom('broadcasts').select('id').execute()).toEqual([]);
  });

  it('says a broadcast asked for at 22:00 starts at 08:00 the next morning, and one scheduled by day starts when asked', async () => {
    now = todayAt(22).toJSDate();
    const morning = todayAt(8).plus({ days: 1 }).toJSDate().toISOString();
    expect((await call('POST', '/admin/api/broadcasts/preview', token.coordinator, body)).json().startsAt).toBe(morning);
    const created = await call('POST', '/admin/api/broadcasts', token.coordinator, body);
    expect(created.json()).toMatchObject({ scheduledAt: now.toISOString(), startsAt: morning });
    expect((await call('GET', `/admin/api/broadcasts/${created.json().id}`, token.coordinator)).json()).toMatchObject({ status: 'scheduled', startsAt: morning });
    const tomorrowNoon = todayAt(12).plus({ days: 1 }).toJSDate().toISOString();
    expect((await call('POST', '/admin/api/broadcasts/preview', token.coordinator, { ...body, scheduledAt: tomorrowNoon })).json().startsAt).toBe(tomorrowNoon);
    await call('POST', `/admin/api/broadcasts/${created.json().id}/cancel`, token.coordinator);
    now = todayAt(12).toJSDate();
  });

  it('groups the failed messages by a reason a coordinator can act on', async () => {
    const id = await sentBroadcast();
    const rows = await t.db.selectFrom('outbox').select('id').where('broadcast_id', '=', id).orderBy('id').execute();
    const errors = ['Telegram 403: Forbidden: bot was blocked by the user', 'Telegram 403: Forbidden: bot was blocked by the user', 'WhatsApp 400 131026: Message undeliverable', 'WhatsApp 400 132001: Template name does not exist in the translation'];
    for (const [i, error] of errors.entries()) await t.db.updateTable('outbox').set({ status: 'failed', error }).where('id', '=', rows[i]?.id ?? 0).execute();
    await t.db.updateTable('outbox').set({ status: 'sent', sent_at: now, delivered_at: now, read_at: now }).where('id', '=', rows[4]?.id ?? 0).execute();
    const progress = (await call('GET', `/admin/api/broadcasts/${id}`, token.coordinator)).json();
    expect(progress).toMatchObject({ queued: 6, waiting: 1, sent: 1, delivered: 1, read: 1, failed: 4 });
    expect(progress.failures).toEqual([{ reason: 'blocked', count: 2 }, { reason: 'not_on_whatsapp', count: 1 }, { reason: 'template_refused', count: 1 }]);
    const list = (await call('GET', '/admin/api/broadcasts', token.coordinator)).json();
    expect(list.items.find((b: { id: number }) => b.id === id)).toMatchObject({ text: body.texts.fr, figures: { sent: 1, failed: 4, waiting: 1 } });
  });

  it('cancels mid-way once all is written: what has not left is withdrawn, and the audit log says who', async () => {
    const id = await sentBroadcast();
    expect((await call('GET', `/admin/api/broadcasts/${id}`, token.coordinator)).json()).toMatchObject({ status: 'done', waiting: 6 });
    const cancelled = await call('POST', `/admin/api/broadcasts/${id}/cancel`, token.coordinator);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', waiting: 0, cancelled: 6 });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'broadcast').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['broadcast.create', 'broadcast.cancel']);
    // Nothing left to stop.
    expect((await call('POST', `/admin/api/broadcasts/${id}/cancel`, token.coordinator)).statusCode).toBe(404);
  });

  it("answers 404 to another organisation's coordinator, as for a broadcast that does not exist", async () => {
    const id = await sentBroadcast();
    expect((await call('GET', `/admin/api/broadcasts/${id}`, token.other)).statusCode).toBe(404);
    expect((await call('POST', `/admin/api/broadcasts/${id}/cancel`, token.other)).statusCode).toBe(404);
    expect((await call('POST', '/admin/api/broadcasts/preview', token.other, { audience: { pastBeneficiariesOf: campaign }, texts: {} })).statusCode).toBe(404);
    expect((await call('GET', '/admin/api/broadcasts', token.other)).json().items).toEqual([]);
    // Its own coordinator reaches it: the 404 is the boundary.
    expect((await call('GET', `/admin/api/broadcasts/${id}`, token.coordinator)).statusCode).toBe(200);
    // And the other organisation's preview of Tinghir counts its subscribers as another organisation's.
    expect((await call('POST', '/admin/api/broadcasts/preview', token.other, body)).json()).toMatchObject({ reach: 0, excluded: { otherOrganisation: 6 } });
  });

  it('lets only coordinators compose, follow and stop broadcasts; refuses a bad audience', async () => {
    for (const bearer of [token.medical, token.desk]) {
      expect((await call('POST', '/admin/api/broadcasts/preview', bearer, body)).statusCode).toBe(403);
      expect((await call('GET', '/admin/api/broadcasts', bearer)).statusCode).toBe(403);
      expect((await call('GET', '/admin/api/broadcasts/1', bearer)).statusCode).toBe(403);
    }
    expect((await call('POST', '/admin/api/broadcasts/preview', token.coordinator, { audience: {}, texts: {} })).statusCode).toBe(400);
  });
});
