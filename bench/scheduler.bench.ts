// `npm run bench:scheduler`: how fast reminders are scheduled, what each timer costs in Redis, and how
// late they fire when many fall due in the same minute. One JSON line on stdout; progress on stderr.
// The size: `npm run bench:scheduler -- --scheduled 1000000 --due 100000`.
//
// 1. --scheduled reminders (200,000 by default), two for each booked appointment, a thousand appointments
//    at a time (a list imported by staff, timers rebuilt): rows written by `scheduleRemindersFor` in one
//    transaction, then the timers started (one BullMQ delayed job per reminder, carrying only its id).
//    scheduled_per_s counts reminders. For comparison, booking_path_per_s: --booking-sample appointments
//    scheduled one by one in their own transaction, as a booking does it (the booking's own work comes on top).
// 2. Redis memory before and after, divided by the timers: redis_bytes_per_job.
// 3. With those timers waiting, --due more reminders (20,000 by default) fall due at random instants of one
//    minute; two notification workers fire them (row lock, check, text in the person's language, outbox),
//    each timer taking along the reminders already due with it. Lateness is when the firing transaction
//    began minus the due time.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { createOutboundQueues } from '../src/delivery/outbound.queue.ts';
import { createTranslator, loadResources } from '../src/i18n/translator.ts';
import { createNotificationTimers } from '../src/scheduling/notification.queue.ts';
import { startNotificationWorker } from '../src/scheduling/notification.worker.ts';
import { defaultReminderSettings, scheduleReminders, scheduleRemindersFor } from '../src/scheduling/reminders.ts';
import { importTestCampaign } from '../tests/support/fixtures.ts';
import { createTestDatabase } from '../tests/support/test-database.ts';

const { values } = parseArgs({
  options: {
    /** Reminders scheduled, two per appointment. */
    scheduled: { type: 'string', default: '200000' },
    due: { type: 'string', default: '20000' },
    parallel: { type: 'string', default: '16' },
    'booking-sample': { type: 'string', default: '10000' },
    /** Timers each of the two workers holds at once (the service's default is 64). */
    concurrency: { type: 'string', default: '64' },
    /** Over how long the --due reminders fall due; 0 for all at once (the firing capacity). */
    'spread-ms': { type: 'string', default: '60000' },
  },
});
const appointments = Math.ceil(Number(values.scheduled) / 2);
const dueInMinute = Number(values.due);
const parallel = Number(values.parallel);
const bookingSample = Number(values['booking-sample']);
const spreadMs = Number(values['spread-ms']);
const fireConcurrency = Number(values.concurrency);
const PAGE = 1000;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ZONE = 'Africa/Casablanca';
const log = (line: string) => process.stderr.write(`${line}\n`);
const percentile = (sorted: number[], q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);

// A round of timers takes one connection; a notification another round holds is fired alone on another.
const t = await createTestDatabase({ poolSize: parallel + 16 });
const redis = new Redis(REDIS_URL);
const prefix = `qafila-bench-${randomUUID()}`;
const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
// Every reminder gets its timer, however far ahead: the bench measures what timers cost.
const timers = createNotificationTimers({ connection, prefix, horizonHours: 60 * 24 });
const outbound = createOutboundQueues({ connection, prefix });
const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);
try {
  // A caravan a month from now, whatever day the bench runs.
  const firstDay = DateTime.now().setZone(ZONE).plus({ days: 30 }).toISODate() ?? '';
  const campaignId = await importTestCampaign(t.db, {
    slug: 'bench-caravan',
    firstDay,
    lastDay: firstDay,
    services: [{ code: 'ophthalmology', windows: [{ start: '09:00', end: '12:00', capacity: 10_000 }] }],
  });
  log(`booking ${appointments + bookingSample} appointments`);
  await sql`
    with c as (insert into contacts (locale, consent_at) select (array['ary', 'ary-Latn', 'ar', 'fr'])[1 + g % 4], now() from generate_series(1, ${appointments + bookingSample}::int) g returning id),
    i as (insert into contact_identities (channel, external_id, contact_id) select 'telegram', (1000000 + id)::text, id from c),
    b as (insert into beneficiaries (contact_id, relation, full_name) select id, 'self', 'Amina' from c returning id)
    insert into appointments (code, beneficiary_id, campaign_id, service, slot_id, channel, created_by)
    select 'B' || b.id, b.id, ${campaignId}, 'ophthalmology', s.id, 'telegram', 'bench'
    from b, (select id from slots where campaign_id = ${campaignId} limit 1) s`.execute(t.db);
  await sql`analyze`.execute(t.db);
  const all = (await t.db.selectFrom('appointments').select('id').orderBy('id').execute()).map((r) => r.id);
  const ids = all.slice(0, appointments);
  const sample = all.slice(appointments);

  // Part 1: a thousand appointments at a time, --parallel pages at once.
  const settings = defaultReminderSettings(ZONE);
  const memoryBefore = await usedMemory();
  let next = 0;
  let scheduled = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(parallel, 8) }, async () => {
      for (let page = next++; page * PAGE < ids.length; page = next++) {
        const rows = await t.db.transaction().execute((trx) => scheduleRemindersFor(trx, ids.slice(page * PAGE, (page + 1) * PAGE), new Date(), settings));
        await timers.schedule(rows);
        scheduled += rows.length;
        if (scheduled % 50_000 < rows.length) log(`${scheduled} reminders scheduled`);
      }
    }),
  );
  const scheduleSeconds = (performance.now() - started) / 1000;
  const delayed = await timers.queue.getDelayedCount();
  const bytesPerJob = (await usedMemory() - memoryBefore) / delayed;
  log(`${scheduled} reminders in ${scheduleSeconds.toFixed(1)} s; ${delayed} timers waiting in Redis`);

  // The booking path, one appointment per transaction, --parallel at once.
  let nextOne = 0;
  let bookedScheduled = 0;
  const bookingStarted = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = nextOne++; i < sample.length; i = nextOne++) {
        const id = sample[i] ?? 0;
        const rows = await t.db.transaction().execute((trx) => scheduleReminders(trx, id, new Date(), settings));
        await timers.schedule(rows);
        bookedScheduled += rows.length;
      }
    }),
  );
  const bookingPathPerS = bookedScheduled / ((performance.now() - bookingStarted) / 1000);
  log(`booking path: ${bookedScheduled} reminders at ${Math.round(bookingPathPerS)}/s`);

  // Part 3: 20,000 due within one minute, on top of the 200,000 waiting. The workers run already, as
  // they would, and the minute starts once its reminders and timers are written (100,000 take about
  // 10 s): a reminder due before its timer exists would count the bench's setup as lateness.
  const fire = { db: t.db, t: createTranslator(loadResources()), zone: ZONE, quiet: { from: '00:00', until: '00:00' } };
  const logger = pino({ level: 'silent' });
  // Two workers, as two processes would run them; quiet hours are off so the bench runs at any hour.
  const workers = [1, 2].map(() => startNotificationWorker({ connection, prefix, fire, outbound, logger, concurrency: fireConcurrency }));
  const minuteStart = Date.now() + 5000 + Math.ceil(dueInMinute / 5);
  const due = await sql<{ id: number; due_at: Date }>`
    insert into notifications (kind, contact_id, appointment_id, label, due_at)
    select 'reminder', b.contact_id, a.id, 'bench_minute', to_timestamp((${minuteStart} + random() * ${spreadMs}) / 1000.0)
    from appointments a join beneficiaries b on b.id = a.beneficiary_id
    order by a.id limit ${dueInMinute}
    returning id, due_at`.execute(t.db);
  for (let i = 0; i < due.rows.length; i += 1000) await timers.schedule(due.rows.slice(i, i + 1000).map((r) => ({ id: r.id, dueAt: r.due_at })));
  log(`${due.rows.length} reminders fall due between ${new Date(minuteStart).toISOString()} and ${spreadMs} ms later`);
  if (Date.now() > minuteStart) log(`warning: the timers were written ${Date.now() - minuteStart} ms after the minute began; the first ones count that as lateness`);
  for (;;) {
    await sleep(2000);
    const fired = await t.db.selectFrom('notifications').select((eb) => eb.fn.countAll<string>().as('n')).where('label', '=', 'bench_minute').where('status', '=', 'sent').executeTakeFirstOrThrow();
    log(`${fired.n} of ${due.rows.length} fired`);
    if (Number(fired.n) >= due.rows.length) break;
    if (Date.now() > minuteStart + 5 * 60_000) throw new Error('the minute\'s reminders did not all fire in 5 minutes');
  }
  const firedIn = (Date.now() - minuteStart) / 1000;
  await Promise.all(workers.map((w) => w.close()));
  const lateness = await sql<{ ms: number }>`
    select extract(epoch from (updated_at - due_at)) * 1000 as ms from notifications where label = 'bench_minute' order by 1`.execute(t.db);
  const ms = lateness.rows.map((r) => Number(r.ms));

  process.stdout.write(
    `${JSON.stringify({
      scheduled,
      scheduled_per_s: Math.round(scheduled / scheduleSeconds),
      redis_bytes_per_job: Math.round(bytesPerJob),
      lateness_p50_ms: percentile(ms, 0.5),
      lateness_p99_ms: percentile(ms, 0.99),
      due_in_minute: ms.length,
      lateness_max_ms: Math.round(ms.at(-1) ?? NaN),
      booking_path_per_s: Math.round(bookingPathPerS),
      fired_within_s: Math.round(firedIn),
    })}\n`,
  );
} finally {
  await timers.queue.obliterate({ force: true }).catch(() => undefined);
  await Promise.all([timers.close(), outbound.close()]);
  redis.disconnect();
  await t.drop();
}
