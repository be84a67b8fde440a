// Broadcasts: the audience without opted-out contacts, each in its own language, page by page, once
// per person even when a page runs twice, cancellable, with progress counters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Queue } from 'bullmq';
import { pino } from 'pino';
import { createOutboundQueues, outboundQueueName, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { createBroadcastPages, type BroadcastPages } from '../../src/scheduling/broadcast.queue.ts';
import { startBroadcastWorker } from '../../src/scheduling/broadcast.worker.ts';
import { broadcastProgress, cancelBroadcast, createBroadcast, fanoutPage } from '../../src/scheduling/broadcasts.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';
import { ensureOrganisation, importTestCampaign } from '../support/fixtures.ts';

const tr = createTranslator(loadResources());
const footer = (locale: Parameters<typeof tr>[0]) => tr(locale, 'broadcasts:stopHint');
const staff = { kind: 'staff' as const, id: 1 };
const NOW = new Date('2026-12-01T10:00:00Z');
const prefix = testPrefix();
let t: TestDatabase;
let outbound: OutboundQueues;
let pages: BroadcastPages;
/** The organisation running a caravan in each province the subscribers follow. */
let ORG = 0;

/** `n` consented contacts subscribed to a province, with a Telegram identity; locales in turn. */
async function subscribers(n: number, province: string, from: number): Promise<void> {
  await sql`
    with c as (
      insert into contacts (locale, consent_at)
      select (array['ary', 'ary-Latn', 'ar', 'fr'])[1 + g % 4], now() from generate_series(${from}::int, ${from + n - 1}::int) g
      returning id
    ), i as (
      insert into contact_identities (channel, external_id, contact_id) select 'telegram', (700000 + id)::text, id from c
    )
    insert into alert_subscriptions (contact_id, province_code) select id, ${province} from c`.execute(t.db);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await importTestCampaign(t.db, { slug: 'broadcast-tinghir', province: 'tinghir' });
  await importTestCampaign(t.db, { slug: 'broadcast-nouaceur', province: 'nouaceur' });
  ORG = await ensureOrganisation(t.db, 'test-association');
  await subscribers(2500, 'tinghir', 1);
  await subscribers(5, 'nouaceur', 3000);
  // Ten of them said STOP.
  await sql`update contacts set opted_out_at = now() where id in (select contact_id from alert_subscriptions where province_code = 'tinghir' order by contact_id limit 10)`.execute(t.db);
  outbound = createOutboundQueues({ connection, prefix });
  pages = createBroadcastPages({ connection, prefix });
});
afterAll(async () => {
  await outbound?.close();
  await pages?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

const texts = { fr: 'La caravane vient à Tinghir le 14 décembre.', ar: 'القافلة تأتي إلى تنغير يوم 14 دجنبر.' };

describe('broadcasts', () => {
  it('reaches the audience page by page, each in its own language, never an opted-out contact', async () => {
    const b = await createBroadcast(t.db, staff, ORG, { audience: { provinces: ['tinghir'] }, texts }, NOW);
    expect(b.targeted).toBe(2490);
    // The 2,500 subscribers (ids 1 to 2500) cut into four segments of 625 ids, written one after the other here.
    const segments = await t.db.selectFrom('broadcast_segments').select(['segment', 'after_id', 'until_id']).where('broadcast_id', '=', b.id).orderBy('segment').execute();
    expect(segments).toEqual([
      { segment: 0, after_id: 0, until_id: 625 },
      { segment: 1, after_id: 625, until_id: 1250 },
      { segment: 2, after_id: 1250, until_id: 1875 },
      { segment: 3, after_id: 1875, until_id: null },
    ]);
    const runs = [];
    for (;;) {
      const run = await fanoutPage(t.db, b.id, 1000, footer);
      runs.push([run.segment, run.queued.get('telegram')?.length ?? 0, run.done]);
      if (run.done) break;
    }
    // A page takes the next thousand people of its segment who may be written to; the ten who said STOP are among the first.
    expect(runs).toEqual([[0, 615, false], [1, 625, false], [2, 625, false], [3, 625, true]]);
    expect(await broadcastProgress(t.db, ORG, b.id)).toMatchObject({ status: 'done', targeted: 2490, queued: 2490, sent: 0 });
    const byLocale = await sql<{ locale: string; text: string }>`
      select distinct c.locale, o.payload->>'text' as text from outbox o join contacts c on c.id = o.contact_id
      where o.broadcast_id = ${b.id} order by c.locale`.execute(t.db);
    expect(byLocale.rows).toEqual([
      { locale: 'ar', text: `${texts.ar}\n${footer('ar')}` },
      { locale: 'ary', text: `${texts.ar}\n${footer('ary')}` }, // Darija readers get the Arabic text
      { locale: 'ary-Latn', text: `${texts.fr}\n${footer('ary-Latn')}` }, // Arabizi readers the French one
      { locale: 'fr', text: `${texts.fr}\n${footer('fr')}` },
    ]);
    const optedOut = await sql<{ n: number }>`select count(*)::int as n from outbox o join contacts c on c.id = o.contact_id where o.broadcast_id = ${b.id} and c.opted_out_at is not null`.execute(t.db);
    expect(optedOut.rows[0]?.n).toBe(0);
  });

  it('reaches nobody twice when a page runs again after a crash', async () => {
    const b = await createBroadcast(t.db, staff, ORG, { audience: { provinces: ['tinghir'] }, texts }, NOW);
    const first = await fanoutPage(t.db, b.id, 100, footer, 0);
    // A page is a hundred people who may be written to: the ten who said STOP among the first ids are passed over.
    expect(first).toMatchObject({ segment: 0, cursor: 110, done: false });
    expect(first.queued.get('telegram')).toHaveLength(100);
    // A page whose messages were written while its cursor was not (the cursor is put back by hand here).
    await t.db.updateTable('broadcast_segments').set({ after_id: 0 }).where('broadcast_id', '=', b.id).where('segment', '=', 0).execute();
    const again = await fanoutPage(t.db, b.id, 100, footer, 0);
    expect(again).toMatchObject({ segment: 0, cursor: 110, done: false });
    expect(again.queued.get('telegram')).toBeUndefined(); // the same hundred are not written again
    while (!(await fanoutPage(t.db, b.id, 1000, footer)).done) { /* the rest */ }
    const dup = await sql<{ n: number }>`select count(*)::int as n from (select o.contact_id from outbox o where o.broadcast_id = ${b.id} group by o.contact_id having count(*) > 1) x`.execute(t.db);
    expect(dup.rows[0]?.n).toBe(0);
    expect(await broadcastProgress(t.db, ORG, b.id)).toMatchObject({ status: 'done', queued: 2490 });
  });

  it('writes the segments side by side and is done once, when the last of them ends', async () => {
    const b = await createBroadcast(t.db, staff, ORG, { audience: { provinces: ['tinghir'] }, texts }, NOW);
    // Four writers at once, a page of each segment, each segment's last page (625 named, fewer than 1000).
    const pages = await Promise.all([0, 1, 2, 3].map((segment) => fanoutPage(t.db, b.id, 1000, footer, segment)));
    expect(pages.map((p) => [p.segment, p.done])).toEqual([[0, true], [1, true], [2, true], [3, true]]);
    expect(pages.reduce((n, p) => n + (p.queued.get('telegram')?.length ?? 0), 0)).toBe(2490);
    expect(await t.db.selectFrom('broadcasts').select(['status', 'segments_left']).where('id', '=', b.id).executeTakeFirst()).toEqual({ status: 'done', segments_left: 0 });
    // A segment's job run again once it is done writes nothing.
    expect((await fanoutPage(t.db, b.id, 1000, footer, 2)).queued.size).toBe(0);
  });

  it('stops mid-way when cancelled, withdrawing what has not left', async () => {
    const b = await createBroadcast(t.db, staff, ORG, { audience: { provinces: ['tinghir'] }, texts }, NOW);
    await fanoutPage(t.db, b.id, 1000, footer);
    expect(await cancelBroadcast(t.db, staff, ORG, b.id)).toBe(true);
    expect((await fanoutPage(t.db, b.id, 1000, footer)).done).toBe(true);
    // The first segment's 625 named, less the ten who said STOP.
    expect(await broadcastProgress(t.db, ORG, b.id)).toMatchObject({ status: 'cancelled', queued: 615, cancelled: 615 });
  });

  it('is fanned out by the worker, a page per job, its messages on the bulk queue, apart from replies', async () => {
    const b = await createBroadcast(t.db, staff, ORG, { audience: { provinces: ['nouaceur'] }, texts }, NOW);
    const worker = startBroadcastWorker({ connection, prefix, db: t.db, t: tr, outbound, pages, logger: pino({ level: 'silent' }), zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS, now: () => NOW, pageSize: 2 });
    try {
      await pages.start(b.id);
      await expect.poll(async () => (await broadcastProgress(t.db, ORG, b.id))?.status, { timeout: 10_000 }).toBe('done');
    } finally {
      await worker.close();
    }
    expect(await broadcastProgress(t.db, ORG, b.id)).toMatchObject({ targeted: 5, queued: 5 });
    const rows = await t.db.selectFrom('outbox').select('id').where('broadcast_id', '=', b.id).execute();
    const queue = new Queue(outboundQueueName('telegram', true), { connection, prefix });
    const jobs = await queue.getJobs(['waiting']);
    await queue.close();
    expect(jobs.flatMap((j) => (j.data as { outboxIds: number[] }).outboxIds).sort((x, y) => x - y)).toEqual(rows.map((r) => r.id).sort((x, y) => x - y));
  });

  it('writes nothing at night: a page that comes due at 22:30 waits until 08:00', async () => {
    const b = await createBroadcast(t.db, staff, ORG, { audience: { provinces: ['nouaceur'] }, texts }, NOW);
    // 22:30 in Morocco (UTC+1 in December).
    const night = new Date('2026-12-01T21:30:00Z');
    const worker = startBroadcastWorker({ connection, prefix, db: t.db, t: tr, outbound, pages, logger: pino({ level: 'silent' }), zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS, now: () => night, pageSize: 2 });
    const jobId = `b${b.id}-start`;
    try {
      await pages.start(b.id);
      await expect.poll(() => pages.queue.getJobState(jobId), { timeout: 10_000 }).toBe('delayed');
    } finally {
      await worker.close();
    }
    const delay = (await pages.queue.getJob(jobId))?.delay ?? 0;
    const untilMorning = 9.5 * 3_600_000;
    expect(delay).toBeGreaterThan(untilMorning - 5_000);
    expect(delay).toBeLessThanOrEqual(untilMorning);
    expect(await broadcastProgress(t.db, ORG, b.id)).toMatchObject({ status: 'scheduled', targeted: 5, queued: 0 });
  });
});
