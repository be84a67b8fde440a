// `npm run bench:conversation`: 50 villagers booking through the conversation service, with the state
// and the outbox in Postgres. Progress on stderr; one JSON line on stdout.
//
// Two runs of the same journeys, each with its own 50 villagers:
//  - flat out (every villager sends its next message as soon as the reply arrives): the most messages
//    per second the service handles, and the latency at that saturation (it is mostly queueing);
//  - paced at --rate messages per second in all (default 500, the target load): the latency a
//    villager sees at that load. p50_ms and p99_ms are from this run.
// Options: --contacts N (default 50), --rounds R bookings per villager (default 4), --pool P (default 10), --rate R.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleInbound, type Inbound } from '../src/conversation/index.ts';
import { createTestDatabase } from '../tests/support/test-database.ts';
import { conversationDeps, seedConversationCampaigns } from '../tests/support/conversation-harness.ts';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '4' },
    pool: { type: 'string', default: '10' },
    rate: { type: 'string', default: '500' },
  },
});
const contacts = Number(values.contacts);
const rounds = Number(values.rounds);
const rate = Number(values.rate);
const NAMES = ['Amina', 'Yassine', 'Salma', 'Omar', 'Hiba', 'Anas'];
type Step = Omit<Inbound, 'channel' | 'from'>;
/** Messages in one booking, from the menu to the confirmation. */
const BOOKING_MESSAGES = 11;

const percentile = (sorted: number[], q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;

const t = await createTestDatabase({ poolSize: Number(values.pool) });
try {
  const { caravanId } = await seedConversationCampaigns(t.db, 10_000);
  const deps = conversationDeps(t.db, undefined, { reportMissing: false });
  // Consent, then bookings for children, from the menu back to the menu; the place is asked only the first time.
  const journey = (): Step[] => [
    { text: 'salam' }, { choice: 'accept' },
    ...Array.from({ length: rounds }, (_, round): Step[] => [
      { choice: 'register' }, { choice: 'child' }, { text: `${NAMES[round % NAMES.length] ?? 'Amina'} Amrani` }, { choice: round % 2 === 0 ? 'female' : 'male' },
      { text: String(3 + round) }, { text: 'Ait Sedrate' }, ...(round === 0 ? [{ text: 'Tinghir' }] : []), { choice: `c${caravanId}` },
      { choice: 'ophthalmology' }, { choice: round % 2 === 0 ? '2026-12-14' : '2026-12-15' }, { text: '1' }, { choice: 'confirm' },
    ]).flat(),
  ];

  /**
   * Runs every villager's journey; `gapMs` paces each villager (0 = flat out). Paced villagers first walk,
   * unmeasured, a different number of steps, so that during the run they are at different points of a
   * booking, as people are, rather than all confirming in the same instant. Returns latencies and seconds.
   */
  async function run(firstPhone: number, gapMs: number): Promise<{ latencies: number[]; seconds: number }> {
    // Only messages sent while every villager is still talking count: the load is then the one asked for.
    let firstDone = Infinity;
    const villagers = Array.from({ length: contacts }, (_, i) => ({ from: `+2126180${String(firstPhone + i).padStart(5, '0')}`, steps: journey() }));
    if (gapMs > 0) {
      await Promise.all(villagers.map(async (v, i) => {
        for (const step of v.steps.splice(0, 2 + (i % BOOKING_MESSAGES))) await handleInbound(deps, { channel: 'terminal', from: v.from, phone: v.from, ...step });
      }));
    }
    const sends: Array<{ at: number; ms: number }> = [];
    const started = performance.now();
    await Promise.all(
      villagers.map(async ({ from, steps }, i) => {
        let due = started + (gapMs * i) / contacts;
        for (const step of steps) {
          if (gapMs > 0) await sleep(Math.max(0, due - performance.now()));
          const sent = performance.now();
          await handleInbound(deps, { channel: 'terminal', from, phone: from, ...step });
          sends.push({ at: sent, ms: performance.now() - sent });
          due += gapMs;
          if (sends.length % 1000 === 0) process.stderr.write(`${sends.length} messages\n`);
        }
        firstDone = Math.min(firstDone, performance.now());
      }),
    );
    const counted = sends.filter((x) => x.at < firstDone);
    return { latencies: counted.map((x) => x.ms).sort((a, b) => a - b), seconds: (firstDone - started) / 1000 };
  }

  await run(90_000, 0).then(() => undefined, () => undefined); // warm-up: code paths and pool, not counted
  const flat = await run(0, 0);
  const paced = await run(10_000, (1000 * contacts) / rate);
  const booked = Number((await t.db.selectFrom('appointments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  process.stderr.write(`flat out: ${flat.latencies.length} messages in ${flat.seconds.toFixed(1)} s; paced: ${paced.latencies.length} in ${paced.seconds.toFixed(1)} s; ${booked} appointments\n`);
  process.stdout.write(
    `${JSON.stringify({
      messages_per_s: Math.round(flat.latencies.length / flat.seconds),
      p50_ms: percentile(paced.latencies, 0.5),
      p99_ms: percentile(paced.latencies, 0.99),
      paced_rate_per_s: Math.round(paced.latencies.length / paced.seconds),
      saturated_p50_ms: percentile(flat.latencies, 0.5),
      saturated_p99_ms: percentile(flat.latencies, 0.99),
      contacts,
      messages: flat.latencies.length + paced.latencies.length,
      appointments: booked,
    })}\n`,
  );
} finally {
  await t.drop();
}
