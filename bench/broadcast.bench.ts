// `npm run bench:broadcast`: a broadcast to every subscriber of a province (100,000 by default,
// `--recipients 1000000` for the national scale) fanned out page by page while a fake channel limited to
// 1,000 messages a second delivers. Delivering a million at that rate takes 17 minutes, so the run ends
// `--tail` seconds after the fan-out (`--drain` waits for every message). One JSON line on stdout;
// progress on stderr. The CPU seconds of the fan-out (this process, and a local Postgres's backends serving it) are printed
// too: other load on the machine changes them far less than the time.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { pino } from 'pino';
import type { ChannelAdapter } from '../src/channels/channel.ts';
import { TELEGRAM_CAPABILITIES } from '../src/channels/telegram/telegram.channel.ts';
import { redisPacer } from '../src/delivery/chat-pacer.ts';
import { createOutboundQueues } from '../src/delivery/outbound.queue.ts';
import { bulkConcurrencyFor, claimGroupFor, startOutboundWorker } from '../src/delivery/outbound.worker.ts';
import { createTranslator, loadResources } from '../src/i18n/translator.ts';
import { createBroadcastPages } from '../src/scheduling/broadcast.queue.ts';
import { BROADCAST_PAGE, startBroadcastWorker } from '../src/scheduling/broadcast.worker.ts';
import { previewAudience } from '../src/scheduling/broadcast-preview.ts';
import { broadcastProgress, createBroadcast } from '../src/scheduling/broadcasts.ts';
import { ensureOrganisation, importTestCampaign } from '../tests/support/fixtures.ts';
import { createTestDatabase } from '../tests/support/test-database.ts';
import { databaseCpuMeter, ownCpuSeconds } from './cpu-time.ts';
import { maxInAnyWindow } from './rate-window.ts';

/** The bench measures throughput at whatever hour it runs: no quiet hours. */
const ANY_HOUR = { from: '00:00', until: '00:00' };

const { values } = parseArgs({
  options: {
    recipients: { type: 'string', default: '100000' },
    rate: { type: 'string', default: '1000' },
    page: { type: 'string', default: String(BROADCAST_PAGE) },
    tail: { type: 'string', default: '5' },
    drain: { type: 'boolean', default: false },
    /** Read the coordinator's full progress every 5 s, as a watching console would (a grouped count over the broadcast's messages). */
    watch: { type: 'boolean', default: false },
  },
});
const recipients = Number(values.recipients);
const rate = Number(values.rate);
const pageSize = Number(values.page);
const tailMs = Number(values.tail) * 1000;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = (line: string) => process.stderr.write(`${line}\n`);

const t = await createTestDatabase({ poolSize: 30 }); // the service's DATABASE_POOL_SIZE default
const redis = new Redis(REDIS_URL);
const prefix = `qafila-bench-${randomUUID()}`;
const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
const logger = pino({ level: 'silent' });
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
try {
  // Subscribers of a province where the broadcasting organisation runs a caravan: all of them are its audience.
  await importTestCampaign(t.db, { slug: 'bench-caravan', province: 'tinghir' });
  const ORG = await ensureOrganisation(t.db, 'test-association');
  log(`creating ${recipients} subscribers`);
  // In batches: one statement for a million rows would pass the connection's statement timeout.
  for (let from = 1; from <= recipients; from += 100_000) {
    const to = Math.min(recipients, from + 99_999);
    await sql`
      with c as (insert into contacts (locale, consent_at) select (array['ary', 'ary-Latn', 'ar', 'fr'])[1 + g % 4], now() from generate_series(${from}::int, ${to}::int) g returning id),
      i as (insert into contact_identities (channel, external_id, contact_id) select 'telegram', (1000000 + id)::text, id from c)
      insert into alert_subscriptions (contact_id, province_code) select id, 'tinghir' from c`.execute(t.db);
  }
  // The tables as a live database has them, where autovacuum has long visited the contacts: statistics
  // (without them the planner scans every remaining contact for each page) and the visibility map (without
  // it each index lookup of a page also reads the row, a fifth of a page's time).
  await sql`vacuum analyze`.execute(t.db);
  peakRss = process.memoryUsage().rss; // measured from here: the broadcast, not the set-up

  const sent: number[] = [];
  const channel: ChannelAdapter = {
    name: 'telegram',
    capabilities: TELEGRAM_CAPABILITIES,
    async send() {
      sent.push(Date.now());
      return String(sent.length);
    },
  };
  const queues = createOutboundQueues({ connection, prefix });
  const pages = createBroadcastPages({ connection, prefix });
  const tr = createTranslator(loadResources());
  const fanout = startBroadcastWorker({ connection, prefix, db: t.db, t: tr, outbound: queues, pages, logger, zone: 'Africa/Casablanca', quiet: ANY_HOUR, pageSize });
  const delivery = startOutboundWorker({ db: t.db, adapter: channel, pacer: redisPacer(redis, { prefix, perSecond: rate, chatIntervalMs: 0 }), connection, prefix, logger, queues, bulkConcurrency: bulkConcurrencyFor(rate), bulkClaimGroup: claimGroupFor(rate), sweepAfterMs: 0 });

  // The composer's count before sending, over the whole audience.
  const previewStarted = performance.now();
  const preview = await previewAudience(t.db, ORG, { provinces: ['tinghir'] }, new Date(), 'Africa/Casablanca');
  const previewMs = performance.now() - previewStarted;
  log(`preview: ${preview.reach} reached, in ${Math.round(previewMs)} ms`);
  const b = await createBroadcast(t.db, { kind: 'staff', id: 1 }, ORG, { audience: { provinces: ['tinghir'] }, texts: { fr: 'La caravane arrive le 14 décembre.', ar: 'القافلة تصل يوم 14 دجنبر.' } }, new Date());
  const started = performance.now();
  const cpuAtStart = { own: process.cpuUsage(), db: await databaseCpuMeter(t.db) };
  let cpuOfFanout = { own: 0, db: null as number | null };
  await pages.start(b.id);
  let fanoutS = 0;
  let lastLog = started;
  for (;;) {
    await sleep(100);
    // The status alone, cheaply, for when the fan-out ends; the full counters (a count over the
    // broadcast's messages, as a coordinator's screen reads them) every few seconds only.
    if (!fanoutS && (await t.db.selectFrom('broadcasts').select('status').where('id', '=', b.id).executeTakeFirst())?.status === 'done') {
      fanoutS = (performance.now() - started) / 1000;
      cpuOfFanout = { own: ownCpuSeconds(cpuAtStart.own), db: await cpuAtStart.db.stop() };
      log(`fanned out in ${fanoutS.toFixed(1)} s`);
    }
    if (sent.length >= recipients) break;
    if (fanoutS && !values.drain && performance.now() - started > fanoutS * 1000 + tailMs) break;
    if (values.watch && performance.now() - lastLog > 5000) {
      lastLog = performance.now();
      const progress = await broadcastProgress(t.db, ORG, b.id);
      log(`${sent.length} delivered; counters: ${JSON.stringify(progress)}`);
    }
  }
  await Promise.all([fanout.close(), delivery.close()]);
  await Promise.all([queues.close(), pages.close()]);
  const written = await t.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).where('broadcast_id', '=', b.id).executeTakeFirstOrThrow();
  let first = Infinity;
  let last = -Infinity;
  for (const at of sent) [first, last] = [Math.min(first, at), Math.max(last, at)];
  const achieved = (sent.length - 1) / ((last - first) / 1000);
  process.stdout.write(
    `${JSON.stringify({
      recipients,
      preview_reach: preview.reach,
      written: Number(written.n),
      preview_ms: Math.round(previewMs),
      page_size: pageSize,
      fanout_s: Math.round(fanoutS * 10) / 10,
      // CPU seconds while fanning out (writing pages and delivering), of this process and of Postgres.
      fanout_node_cpu_s: Math.round(cpuOfFanout.own * 10) / 10,
      fanout_db_cpu_s: cpuOfFanout.db === null ? null : Math.round(cpuOfFanout.db * 10) / 10,
      delivered: sent.length,
      limit_per_s: rate,
      peak_rss_mb: Math.round(peakRss / 1024 / 1024),
      rate_share: Math.round((achieved / rate) * 1000) / 1000,
      max_per_s: maxInAnyWindow(sent, 1000),
    })}\n`,
  );
} finally {
  clearInterval(sampler);
  redis.disconnect();
  await t.drop();
}
