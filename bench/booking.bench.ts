// `npm run bench:booking`: concurrent booking attempts against a fresh database; one JSON line per scenario.
// Progress goes to stderr; stdout holds only the result lines.
// Options: --attempts N --capacity C (one scenario instead of the two defaults), --concurrency K (default 8).
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { bookAppointment } from '../src/domain/appointments/booking.ts';
import { BookingRefused } from '../src/domain/errors.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { createTestDatabase, type TestDatabase } from '../tests/support/test-database.ts';
import { createBeneficiaries, deps, importTestCampaign, slotIds, staffContext } from '../tests/support/fixtures.ts';
import { SERVICE_CODES } from '../src/domain/service-codes.ts';

interface Scenario {
  attempts: number;
  capacity: number;
}

const { values } = parseArgs({
  options: {
    attempts: { type: 'string' },
    capacity: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
  },
});
const concurrency = Number(values.concurrency);
const scenarios: Scenario[] =
  values.attempts && values.capacity
    ? [{ attempts: Number(values.attempts), capacity: Number(values.capacity) }]
    : [
        { attempts: 1_000, capacity: 100 },
        { attempts: 20_000, capacity: 20_000 },
      ];

/** Spreads `capacity` over windows of at most 100 places: 10 services x 2 windows a day, as many days as needed. */
function campaignShape(capacity: number) {
  const perWindow = Math.min(100, capacity);
  const windows = Math.ceil(capacity / perWindow);
  const services = SERVICE_CODES.filter((s) => s !== 'blood_donation').slice(0, Math.min(9, windows));
  const days = Math.ceil(windows / (services.length * 2));
  const first = new Date(Date.UTC(2026, 11, 14));
  const last = new Date(first.getTime() + (days - 1) * 86_400_000);
  let left = capacity;
  return {
    slug: `bench-${capacity}`,
    firstDay: first.toISOString().slice(0, 10),
    lastDay: last.toISOString().slice(0, 10),
    services: services.map((code) => ({
      code,
      windows: [
        { start: '08:00', end: '12:00', capacity: perWindow },
        { start: '14:00', end: '17:00', capacity: perWindow },
      ],
    })),
    trim: async (t: TestDatabase, campaignId: number) => {
      // Windows beyond the wanted total get capacity 0, so the total is exactly `capacity`.
      const ids = await slotIds(t.db, campaignId);
      for (const id of ids) {
        const take = Math.min(perWindow, left);
        left -= take;
        await t.db.updateTable('slots').set({ capacity: take }).where('id', '=', id).execute();
      }
    },
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, i)] ?? 0) * 100) / 100;
}

async function run(s: Scenario) {
  const t = await createTestDatabase({ poolSize: concurrency });
  try {
    const shape = campaignShape(s.capacity);
    const campaignId = await importTestCampaign(t.db, { slug: shape.slug, firstDay: shape.firstDay, lastDay: shape.lastDay, services: shape.services });
    await shape.trim(t, campaignId);
    const slots = (await t.db.selectFrom('slots').select(['id', 'capacity']).where('campaign_id', '=', campaignId).where('capacity', '>', 0).orderBy('id').execute()).map((r) => r.id);
    const people = await createBeneficiaries(t.db, s.attempts);
    process.stderr.write(`bench: ${s.attempts} attempts on ${s.capacity} places in ${slots.length} windows, ${concurrency} at a time\n`);

    const latencies: number[] = [];
    let booked = 0;
    let refused = 0;
    let next = 0;
    let lastBooking = 0;
    const ctx = staffContext();
    const worker = async () => {
      while (next < people.length) {
        const i = next++;
        const beneficiaryId = people[i] ?? 0;
        const slotId = slots[i % slots.length] ?? 0;
        const started = performance.now();
        try {
          await inTransaction(t.db, (trx) => bookAppointment(trx, ctx, { beneficiaryId, slotId }, deps));
          booked++;
          lastBooking = performance.now();
        } catch (err) {
          if (!(err instanceof BookingRefused)) throw err;
          refused++;
        }
        latencies.push(performance.now() - started);
      }
    };
    // Open every pool connection before the clock starts: connection set-up is not booking time.
    await Promise.all(Array.from({ length: concurrency }, () => sql`select 1`.execute(t.db)));
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;

    const over = await sql<{ oversold: number }>`
      select coalesce(sum(greatest(0, n - capacity)), 0)::int as oversold from (
        select s.capacity, count(a.id) filter (where a.status = 'booked') as n
        from slots s left join appointments a on a.slot_id = s.id where s.campaign_id = ${campaignId} group by s.id
      ) x`.execute(t.db);
    latencies.sort((a, b) => a - b);
    return {
      attempts: s.attempts,
      capacity: s.capacity,
      booked,
      refused,
      oversold: over.rows[0]?.oversold ?? -1,
      // Places filled per second, up to the last place taken (refusals after that do not dilute it).
      bookings_per_s: Math.round(booked / ((lastBooking - started) / 1000 || seconds)),
      attempts_per_s: Math.round(s.attempts / seconds),
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      concurrency,
    };
  } finally {
    await t.drop();
  }
}

for (const s of scenarios) {
  const result = await run(s);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
