// `npm run bench:checkin`: a day at Nouaceur through the desk's API. A scratch database, one campaign day
// with --people (default 4,000) booked, --desks (default 10) desks checking everyone in through
// POST /admin/api/campaigns/:id/checkins on a listening server; --repeat (default 5) percent of the codes
// scanned a second time by another desk, which must answer "already". --rate N paces all desks together
// at N scans a second (default: flat out). One JSON line on stdout; progress on stderr.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { generateConfirmationCode } from '../src/domain/appointments/confirmation-code.ts';
import { localDay, systemClock } from '../src/domain/clock.ts';
import { addStaff } from '../src/domain/staff/staff-tokens.ts';
import { buildServer } from '../src/http/server.ts';
import { createLogger } from '../src/logging/logger.ts';
import { createTestDatabase } from '../tests/support/test-database.ts';
import { createBeneficiaries, ensureOrganisation, importTestCampaign } from '../tests/support/fixtures.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '4000' },
    desks: { type: 'string', default: '10' },
    repeat: { type: 'string', default: '5' },
    rate: { type: 'string' },
  },
});
const people = Number(values.people);
const desks = Number(values.desks);
const ZONE = 'Africa/Casablanca';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, i)] ?? 0) * 100) / 100;
}

const t = await createTestDatabase({ poolSize: desks });
const app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: systemClock, logger: createLogger('silent'), timeZone: ZONE, adminRateLimit: { perAddressPerMinute: 1_000_000, perStaffPerMinute: 1_000_000 } });
try {
  // Today, so the desks' times are believed: four services, two windows each, places for everyone.
  const day = localDay(systemClock.now(), ZONE);
  const perWindow = Math.ceil(people / 8);
  const windows = [{ start: '08:00', end: '12:00', capacity: perWindow }, { start: '13:00', end: '17:00', capacity: perWindow }];
  const services = (['general_medicine', 'ophthalmology', 'dental', 'pediatrics'] as const).map((code) => ({ code, windows }));
  const campaignId = await importTestCampaign(t.db, { slug: 'bench-nouaceur', firstDay: day, lastDay: day, services });
  const organisationId = await ensureOrganisation(t.db, 'test-association');
  const tokens = await Promise.all(Array.from({ length: desks }, async (_, i) => (await addStaff(t.db, { name: `Desk ${i + 1}`, role: 'desk', organisationId })).token));

  // The bookings, written at once (the booking service has its own bench): a unique code each.
  const beneficiaries = await createBeneficiaries(t.db, people);
  const slots = (await t.db.selectFrom('slots').select(['id', 'service']).where('campaign_id', '=', campaignId).orderBy('id').execute());
  const codes = new Set<string>();
  while (codes.size < people) codes.add(generateConfirmationCode());
  const codeList = [...codes];
  const rows = beneficiaries.map((beneficiaryId, i) => {
    const slot = slots[i % slots.length] ?? { id: 0, service: '' };
    return { code: codeList[i] ?? '', beneficiary_id: beneficiaryId, campaign_id: campaignId, service: slot.service, slot_id: slot.id, channel: 'staff', created_by: 'bench' };
  });
  for (let i = 0; i < rows.length; i += 1000) await t.db.insertInto('appointments').values(rows.slice(i, i + 1000)).execute();
  await sql`update slots s set booked = (select count(*) from appointments a where a.slot_id = s.id) where s.campaign_id = ${campaignId}`.execute(t.db);

  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const repeats = codeList.filter((_, i) => i % Math.max(1, Math.round(100 / Number(values.repeat))) === 0);
  const queue = [...codeList, ...repeats];
  process.stderr.write(`bench: ${people} people, ${repeats.length} scanned twice, ${desks} desks${values.rate ? ` at ${values.rate} scans/s` : ', flat out'} on ${address}\n`);

  const latencies: number[] = [];
  const kinds = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  const gapMs = values.rate ? 1000 / Number(values.rate) : 0;
  const desk = async (token: string) => {
    while (next < queue.length) {
      const i = next++;
      if (gapMs > 0) await sleep(Math.max(0, started + i * gapMs - performance.now()));
      const sent = performance.now();
      const answer = await fetch(`${address}/admin/api/campaigns/${campaignId}/checkins`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ day, code: queue[i], clientId: randomUUID(), at: new Date().toISOString() }),
      });
      const body = (await answer.json()) as { kind?: string };
      latencies.push(performance.now() - sent);
      const kind = answer.ok ? (body.kind ?? 'none') : `http_${answer.status}`;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
  };
  await Promise.all(tokens.map(desk));
  const seconds = (performance.now() - started) / 1000;

  const checkedIn = await t.db.selectFrom('appointments').select((eb) => eb.fn.countAll<string>().as('n')).where('campaign_id', '=', campaignId).where('status', '=', 'attended').executeTakeFirstOrThrow();
  const doubles = await sql<{ n: number }>`
    select count(*)::int as n from (select appointment_id from desk_checkins where outcome = 'checked_in' group by appointment_id having count(*) > 1) x`.execute(t.db);
  latencies.sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({
      checkins: Number(checkedIn.n),
      per_s: Math.round(queue.length / seconds),
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      doubles: doubles.rows[0]?.n ?? -1,
      already: kinds.get('already') ?? 0,
      requests: queue.length,
      desks,
      ...(values.rate ? { rate: Number(values.rate) } : {}),
      answers: Object.fromEntries(kinds),
    })}\n`,
  );
} finally {
  await app.close();
  await t.drop();
}
