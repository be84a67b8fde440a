// Lists that grow without bound come a page at a time: at most 100 rows, a cursor for the next page,
// every row once across the pages, and a clear 400 for a limit or a cursor out of bounds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { openTicket } from '../../src/domain/handoff/handoff-tickets.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addTestStaff, importTestCampaign } from '../support/fixtures.ts';
import { addDays, START, START_DAY } from '../support/conversation-harness.ts';

let t: TestDatabase;
let app: FastifyInstance;
let coordinator = '';

beforeAll(async () => {
  t = await createTestDatabase();
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => START }, logger: createLogger('silent'), timeZone: 'Africa/Casablanca' });
  coordinator = (await addTestStaff(t.db, { name: 'Khadija', role: 'coordinator' })).token;
  // Seven caravans a week apart, their venues north of Tinghir at 0 to 6 steps of a third of a degree,
  // in another order than their days; and one of another organisation, far away.
  const steps = [3, 0, 5, 1, 6, 2, 4];
  for (const [i, step] of steps.entries()) {
    const day = addDays(START_DAY, 10 + 7 * i);
    await importTestCampaign(t.db, { slug: `caravan-${i}`, venue: { name: `Salle ${i}`, lat: 31.515 + step / 3, lon: -5.533 }, firstDay: day, lastDay: day });
  }
  await importTestCampaign(t.db, { slug: 'elsewhere', organisation: 'other-association', province: 'tiznit', venue: { name: 'Tiznit', lat: 29.698, lon: -9.731 }, firstDay: addDays(START_DAY, 12), lastDay: addDays(START_DAY, 12) });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const get = (url: string) => app.inject({ url, headers: { authorization: `Bearer ${coordinator}` } });

/** Follows the cursors to the end; returns the pages' slugs or ids. */
async function allPages(url: string, key: 'slug' | 'id'): Promise<Array<Array<string | number>>> {
  const pages: Array<Array<string | number>> = [];
  let cursor: string | null = null;
  do {
    const answer = await get(`${url}${url.includes('?') ? '&' : '?'}limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    expect(answer.statusCode).toBe(200);
    const body = answer.json() as { items: Array<Record<string, string | number>>; nextCursor: string | null };
    pages.push(body.items.map((x) => x[key] ?? ''));
    cursor = body.nextCursor;
  } while (cursor !== null && pages.length < 10);
  return pages;
}

describe('pages', () => {
  it('give every campaign of the organisation once, latest first, three at a time', async () => {
    expect(await allPages('/admin/api/campaigns', 'slug')).toEqual([
      ['caravan-6', 'caravan-5', 'caravan-4'],
      ['caravan-3', 'caravan-2', 'caravan-1'],
      ['caravan-0'],
    ]);
  });

  it('give open tickets urgent first, then oldest, across pages', async () => {
    const opened: Array<{ id: number; urgent: boolean }> = [];
    for (const urgent of [false, true, false, false, true]) {
      const contact = await t.db.insertInto('contacts').values({ locale: 'fr', province_code: 'tinghir' }).returning('id').executeTakeFirstOrThrow();
      const id = await t.db.transaction().execute((trx) => openTicket(trx, { kind: 'contact', id: contact.id }, { contactId: contact.id, reason: urgent ? 'emergency' : 'asked', urgent }));
      opened.push({ id, urgent });
    }
    const expected = [...opened.filter((x) => x.urgent), ...opened.filter((x) => !x.urgent)].map((x) => x.id);
    expect((await allPages('/admin/api/tickets', 'id')).flat()).toEqual(expected);
  });

  it('refuse a limit over 100 and a cursor they did not give, with what to do', async () => {
    const tooMany = await get('/admin/api/campaigns?limit=101');
    expect([tooMany.statusCode, tooMany.json().error]).toEqual([400, 'limit: limit is at most 100']);
    const forged = await get('/admin/api/campaigns?cursor=not-a-cursor');
    expect([forged.statusCode, forged.json().problems]).toEqual([400, ['cursor: not a cursor this list gave; start again without it']]);
    const otherList = await get(`/admin/api/tickets?cursor=${Buffer.from(JSON.stringify(['2026-12-01', 3])).toString('base64url')}`);
    expect(otherList.statusCode).toBe(400);
  });

  it('cut the public list of campaigns to the nearest ones in the database', async () => {
    const nearest = await app.inject({ url: '/api/campaigns?province=tinghir&limit=3' });
    expect(nearest.json().map((c: { slug: string }) => c.slug)).toEqual(['caravan-1', 'caravan-3', 'caravan-5']);
    const distances = nearest.json().map((c: { distanceKm: number }) => c.distanceKm);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect((await app.inject({ url: '/api/campaigns' })).json()).toHaveLength(8);
    expect((await app.inject({ url: '/api/campaigns?limit=1000' })).statusCode).toBe(400);
  });
});
