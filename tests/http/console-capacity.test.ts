// The console's live capacity: the figures per day, service and window with the waiting list, their
// version, the stream that sends them again when villagers book or cancel, and the campaign list's
// figures; all inside the caller's organisation.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignCapacitySchema, CampaignListSchema, type CampaignCapacity } from '../../src/http/console/capacity.schemas.ts';
import { addTestStaff, importTestCampaign } from '../support/fixtures.ts';
import { addPerson, asStaff, book, cancel, capacityWorld, somebody, wait, type CapacityWorld } from '../support/capacity-world.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { waitUntil } from '../support/wait-until.ts';

let t: TestDatabase;
let w: CapacityWorld;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await capacityWorld(t.db, { checkEveryMs: 50, pingEveryMs: 150, maxStreamMs: 3_000 });
});
afterAll(async () => {
  await w?.app.close();
  await t?.drop();
});

const capacity = async (token = w.coordinator): Promise<CampaignCapacity> => {
  const answer = await asStaff(w.app, token, `/admin/api/campaigns/${w.campaignId}/capacity`);
  expect(answer.statusCode).toBe(200);
  return CampaignCapacitySchema.parse(answer.json());
};
const windowOf = (figures: CampaignCapacity, slotId: number) =>
  figures.days.flatMap((d) => d.services.flatMap((s) => s.windows)).find((x) => x.slotId === slotId);
const waitingOf = (figures: CampaignCapacity, day: string, service: string) => figures.days.find((d) => d.day === day)?.services.find((s) => s.service === service)?.waiting;

/** Reads the capacity event stream over a real connection to the listening server. */
async function openStream(token: string) {
  if (!w.app.server.listening) await w.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = w.app.server.address() as AddressInfo;
  let received = '';
  let ended = false;
  let response: IncomingMessage | undefined;
  const request = httpRequest({ host: '127.0.0.1', port, path: `/admin/api/campaigns/${w.campaignId}/capacity/events`, headers: { authorization: `Bearer ${token}` } }, (res) => {
    response = res;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (received += chunk));
    res.on('end', () => (ended = true));
  });
  request.end();
  return {
    received: () => received,
    response: () => response,
    ended: () => ended,
    events: () =>
      received
        .split('\n\n')
        .filter((block) => block.startsWith('event: capacity\n'))
        .map((block) => CampaignCapacitySchema.parse(JSON.parse(block.split('\n').find((line) => line.startsWith('data: '))?.slice('data: '.length) ?? 'null'))),
    close: () => request.destroy(),
  };
}

describe('live capacity', () => {
  it('gives booked / capacity per window by day and service, the waiting list, and a version that follows the figures', async () => {
    const [dental14, eyes14morning] = w.slots;
    const before = await capacity();
    expect(before.days.map((d) => d.day)).toEqual(['2026-12-14', '2026-12-15']);
    // The service's day in Morocco (its clock is at 09:00 UTC on the 1st), which the pages compare days with.
    expect(before.today).toBe('2026-12-01');
    expect(before.days[0]?.services).toEqual([
      { service: 'dental', windows: [{ slotId: dental14, start: '09:00', end: '12:00', booked: 0, capacity: 1, beyond: 0 }], waiting: 0, inQueue: 0 },
      { service: 'ophthalmology', windows: [expect.objectContaining({ start: '09:00', booked: 0, capacity: 30 }), expect.objectContaining({ start: '14:00', end: '16:00', booked: 0, capacity: 2 })], waiting: 0, inQueue: 0 },
    ]);
    expect((await capacity()).version).toBe(before.version);

    const ids = [await addPerson(t.db, somebody('Amina Idrissi')), await addPerson(t.db, somebody('Karim Tazi')), await addPerson(t.db, somebody('Nadia Amrani'))];
    const first = await book(t.db, ids[0] ?? 0, eyes14morning ?? 0);
    await book(t.db, ids[1] ?? 0, eyes14morning ?? 0);
    const booked = await capacity();
    expect(windowOf(booked, eyes14morning ?? 0)).toMatchObject({ booked: 2, capacity: 30 });
    expect(booked.version).not.toBe(before.version);

    await cancel(t.db, first.id);
    const cancelled = await capacity();
    expect(windowOf(cancelled, eyes14morning ?? 0)).toMatchObject({ booked: 1 });
    expect(cancelled.version).not.toBe(booked.version);

    // The dental place is taken; one waits for that day, one for any day: both would take a place on the 14th.
    await book(t.db, ids[2] ?? 0, dental14 ?? 0);
    await wait(t.db, ids[0] ?? 0, w.campaignId, 'dental', '2026-12-14');
    await wait(t.db, ids[1] ?? 0, w.campaignId, 'dental');
    const waiting = await capacity();
    expect(windowOf(waiting, dental14 ?? 0)).toMatchObject({ booked: 1, capacity: 1 });
    expect(waitingOf(waiting, '2026-12-14', 'dental')).toBe(2);
    expect(waitingOf(waiting, '2026-12-15', 'dental')).toBe(1);
    expect(waitingOf(waiting, '2026-12-14', 'ophthalmology')).toBe(0);
  });

  it('sends the figures again on the event stream when a villager books, and pings a quiet stream', async () => {
    const stream = await openStream(w.coordinator);
    try {
      await waitUntil(() => stream.events().length === 1, 'the first capacity event');
      expect(stream.response()?.headers['content-type']).toMatch(/^text\/event-stream/);
      const slot = w.slots[4] ?? 0;
      expect(windowOf(stream.events()[0] ?? (await capacity()), slot)?.booked).toBe(0);

      await book(t.db, await addPerson(t.db, somebody('Youssef Naciri')), slot);
      await waitUntil(() => stream.events().length === 2, 'the event after a booking');
      const [before, after] = stream.events();
      expect(windowOf(after ?? before ?? (await capacity()), slot)?.booked).toBe(1);
      expect(after?.version).not.toBe(before?.version);
      expect(after).toEqual(await capacity());

      // Nothing changed since: pings only, no new event.
      await waitUntil(() => stream.received().includes('\n: ping\n'), 'a ping');
      expect(stream.events()).toHaveLength(2);
    } finally {
      stream.close();
    }
  });

  it('ends the stream of a staff member disabled meanwhile, and every stream after its lifetime (the browser reconnects)', async () => {
    const leaving = await addTestStaff(t.db, { name: 'Partante', role: 'coordinator' });
    const [disabled, kept] = [await openStream(leaving.token), await openStream(w.medical)];
    try {
      await waitUntil(() => disabled.events().length === 1 && kept.events().length === 1, 'both streams open');
      await t.db.updateTable('staff').set({ disabled_at: new Date() }).where('id', '=', leaving.id).execute();
      await waitUntil(disabled.ended, 'the disabled staff member\'s stream to end', 2_000);
      expect(kept.ended()).toBe(false);
      await waitUntil(kept.ended, 'the stream to end after its lifetime', 5_000);
    } finally {
      disabled.close();
      kept.close();
    }
  });

  it('adds booked, capacity and the phase to the campaign list, by Morocco\'s today (1 December 2026 here)', async () => {
    const window = [{ code: 'dental' as const, windows: [{ start: '09:00', end: '12:00', capacity: 4 }] }];
    await importTestCampaign(t.db, { slug: 'phase-past', firstDay: '2026-11-20', lastDay: '2026-11-21', services: window });
    await importTestCampaign(t.db, { slug: 'phase-running', firstDay: '2026-11-30', lastDay: '2026-12-01', services: window });
    await importTestCampaign(t.db, { slug: 'phase-draft', firstDay: '2026-11-30', lastDay: '2026-12-01', status: 'draft', services: window });
    const list = CampaignListSchema.parse((await asStaff(w.app, w.medical, '/admin/api/campaigns?limit=100')).json());
    const phases = Object.fromEntries(list.items.map((c) => [c.slug, c.phase]));
    expect(phases).toEqual({ 'capacity-caravan': 'upcoming', 'phase-past': 'past', 'phase-running': 'running', 'phase-draft': 'draft' });
    const figures = await capacity();
    const windows = figures.days.flatMap((d) => d.services.flatMap((s) => s.windows));
    expect(list.items.find((c) => c.slug === 'capacity-caravan')).toMatchObject({
      capacity: windows.reduce((n, x) => n + x.capacity, 0),
      booked: windows.reduce((n, x) => n + x.booked, 0),
    });
    expect(list.items.find((c) => c.slug === 'phase-running')).toMatchObject({ capacity: 8, booked: 0 });
    expect((await asStaff(w.app, w.coordinator, `/admin/api/campaigns/${w.campaignId}`)).json()).toMatchObject({ phase: 'upcoming', capacity: 66 });
  });

  it('lets medical staff read the figures, refuses the platform admin, and answers 404 for another organisation\'s campaign', async () => {
    expect((await capacity(w.medical)).campaignId).toBe(w.campaignId);
    expect((await asStaff(w.app, w.platformAdmin, `/admin/api/campaigns/${w.campaignId}/capacity`)).statusCode).toBe(403);
    for (const url of [`/admin/api/campaigns/${w.otherCampaignId}/capacity`, `/admin/api/campaigns/${w.otherCampaignId}/capacity/events`, `/admin/api/campaigns/${w.otherCampaignId}`]) {
      const theirs = await asStaff(w.app, w.coordinator, url);
      expect(theirs.statusCode, url).toBe(404);
      expect(theirs.json().error).toBe(`no campaign ${w.otherCampaignId}`);
    }
    expect((await asStaff(w.app, w.stranger, `/admin/api/campaigns/${w.campaignId}/capacity`)).statusCode).toBe(404);
    expect((await asStaff(w.app, w.stranger, `/admin/api/campaigns/${w.otherCampaignId}/capacity`)).statusCode).toBe(200);
    expect((await asStaff(w.app, w.coordinator, '/admin/api/campaigns/999999/capacity')).statusCode).toBe(404);
    expect((await asStaff(w.app, w.coordinator, '/admin/api/campaigns/abc/capacity')).statusCode).toBe(400);
  });
});
