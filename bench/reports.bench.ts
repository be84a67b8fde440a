// `npm run bench:reports`: how long the reports take at the winter operation's scale. A scratch database with
// --campaigns (default 200) caravans of a ministry, --people (default 4,000) appointments each, seeded by
// INSERT ... SELECT generate_series (800,000 by default); then GET /admin/api/campaigns/:id/report --runs
// times (default 200, a campaign picked in turn) and GET /admin/api/reports/national --national-runs times
// (default 50) as the platform admin. One JSON line on stdout; progress on stderr. The database is dropped.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { systemClock, localDay } from '../src/domain/clock.ts';
import { PROVINCES } from '../src/domain/geo/index.ts';
import { addStaff } from '../src/domain/staff/staff-tokens.ts';
import { buildServer } from '../src/http/server.ts';
import { createLogger } from '../src/logging/logger.ts';
import { addDays } from '../tests/support/conversation-harness.ts';
import { ensureOrganisation, importTestCampaign } from '../tests/support/fixtures.ts';
import { seedAppointments } from '../tests/support/report-rows.ts';
import { createTestDatabase } from '../tests/support/test-database.ts';

const { values } = parseArgs({
  options: {
    campaigns: { type: 'string', default: '200' },
    people: { type: 'string', default: '4000' },
    runs: { type: 'string', default: '200' },
    'national-runs': { type: 'string', default: '50' },
  },
});
const campaigns = Number(values.campaigns);
const people = Number(values.people);
const ZONE = 'Africa/Casablanca';
const log = (text: string) => process.stderr.write(`${text}\n`);
/** The value at or under which p percent of the sorted timings fall, in ms to a tenth. */
const quantile = (sorted: readonly number[], p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0) * 10) / 10;

const t = await createTestDatabase({ poolSize: 4 });
const app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: systemClock, logger: createLogger('silent'), timeZone: ZONE, adminRateLimit: { perAddressPerMinute: 1_000_000, perStaffPerMinute: 1_000_000 } });
try {
  const started = performance.now();
  const organisationId = await ensureOrganisation(t.db, 'bench-ministere', 'ministry');
  const today = localDay(systemClock.now(), ZONE);
  // Two days of three services, two windows each: places for everyone.
  const capacity = Math.ceil(people / 12) + 1;
  const windows = [{ start: '08:00', end: '12:00', capacity }, { start: '13:00', end: '17:00', capacity }];
  const services = (['general_medicine', 'ophthalmology', 'surgery'] as const).map((code) => ({ code, windows }));
  const ids: number[] = [];
  for (let i = 0; i < campaigns; i++) {
    const firstDay = addDays(today, (i % 60) - 50);
    const id = await importTestCampaign(t.db, { slug: `bench-caravan-${i + 1}`, organisation: 'bench-ministere', province: PROVINCES[i % PROVINCES.length]?.code ?? 'tinghir', firstDay, lastDay: addDays(firstDay, 1), services });
    await seedAppointments(t.db, id, people);
    await sql`update campaigns set created_at = (${addDays(firstDay, -15)}::date + time '09:00') at time zone ${ZONE} where id = ${id}`.execute(t.db);
    ids.push(id);
    if ((i + 1) % 20 === 0) log(`seeded ${i + 1} campaigns (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await sql`analyze`.execute(t.db);
  const coordinator = (await addStaff(t.db, { name: 'Bench coordinator', role: 'coordinator', organisationId })).token;
  const admin = (await addStaff(t.db, { name: 'Bench admin', role: 'admin', organisationId: null })).token;

  const time = async (token: string, url: string) => {
    const start = performance.now();
    const answer = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const ms = performance.now() - start;
    if (answer.statusCode !== 200) throw new Error(`${url} answered ${answer.statusCode}: ${answer.body.slice(0, 200)}`);
    return ms;
  };
  // A few first requests warm the caches and the plans; they are not counted.
  for (let i = 0; i < 5; i++) await time(coordinator, `/admin/api/campaigns/${ids[i % ids.length] ?? 0}/report`);
  await time(admin, '/admin/api/reports/national');
  const campaignTimes: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) campaignTimes.push(await time(coordinator, `/admin/api/campaigns/${ids[(i * 7) % ids.length] ?? 0}/report`));
  const nationalTimes: number[] = [];
  for (let i = 0; i < Number(values['national-runs']); i++) nationalTimes.push(await time(admin, '/admin/api/reports/national'));
  campaignTimes.sort((a, b) => a - b);
  nationalTimes.sort((a, b) => a - b);
  const appointments = (await sql<{ n: number }>`select count(*)::int as n from appointments`.execute(t.db)).rows[0]?.n ?? 0;
  log(`${campaigns} campaigns, ${appointments} appointments`);
  console.log(
    JSON.stringify({
      campaign_p50_ms: quantile(campaignTimes, 0.5),
      campaign_p99_ms: quantile(campaignTimes, 0.99),
      national_p50_ms: quantile(nationalTimes, 0.5),
      national_p99_ms: quantile(nationalTimes, 0.99),
    }),
  );
} finally {
  await app.close();
  await t.drop();
}
