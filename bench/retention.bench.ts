// `npm run bench:retention`: purging old messages in batches while the service keeps writing. One JSON line
// on stdout; progress on stderr.
//
// 1. --rows outbox rows of a reminder's size (its text, code, venue, choices), each with its delivery log
//    row; the oldest three quarters written seven months ago.
// 2. While the retention job deletes them --batch rows per statement (counting them into message_counts),
//    a writer does what a villager's message does to the outbox: a row written, claimed, marked sent.
// 3. statement_ms_*: how long each purge statement held its rows; writer_ms_*: the writer's latency meanwhile
//    (a purge that locked more than its own rows would show here); rows_per_s the purge's pace.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { pino } from 'pino';
import { BATCH_ROWS, runRetention } from '../src/retention/index.ts';
import { purgeOutbox } from '../src/retention/purge-messages.ts';
import { importTestCampaign } from '../tests/support/fixtures.ts';
import { createTestDatabase } from '../tests/support/test-database.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '200000' }, batch: { type: 'string', default: String(BATCH_ROWS) } } });
const total = Number(values.rows);
const batch = Number(values.batch);
const old = Math.floor(total * 0.75);
const log = (line: string) => process.stderr.write(`${line}\n`);
const percentile = (sorted: number[], q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN) * 10) / 10;
const mb = async (table: string) => Math.round(Number((await sql<{ b: string }>`select pg_total_relation_size(${table}) as b`.execute(t.db)).rows[0]?.b) / 1e5) / 10;

const t = await createTestDatabase({ poolSize: 4 });
try {
  const campaignId = await importTestCampaign(t.db, { slug: 'bench-retention' });
  const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
  log(`writing ${total} messages`);
  const text = 'Rappel : votre rendez-vous à la Caravane de Tinghir, lundi 14 décembre, 09:00-12:00, Centre de santé de Kelâat M\'Gouna. Votre code : QF-7K2-9PX. Venez à jeun, avec votre carte d\'identité et vos ordonnances. Répondez 1 si vous venez, 2 pour annuler.';
  for (let from = 1; from <= total; from += 50_000) {
    await sql`
      with o as (
        insert into outbox (contact_id, organisation_id, campaign_id, channel, recipient, kind, status, payload, provider_id, sent_at, delivered_at, created_at)
        select ${contact.id}, 1, ${campaignId}, 'whatsapp', '212612345678', 'notification', 'sent',
          jsonb_build_object('text', ${text} || ' ' || g, 'choices', jsonb_build_array(jsonb_build_object('id', 'reminder_confirm', 'label', 'Je viens'), jsonb_build_object('id', 'reminder_cancel', 'label', 'J''annule')),
            'location', jsonb_build_object('lat', 31.2427, 'lng', -6.1278, 'name', 'Centre de santé', 'address', 'Kelâat M''Gouna'), 'template', jsonb_build_object('params', jsonb_build_array('Caravane de Tinghir', 'lundi 14 décembre')),
            'image', repeat('Q', 400)),
          'wamid.HBgLMjEyNjEyMzQ1Njc4FQIAERgSQzVGQjQ' || g, now(), now(),
          case when g <= ${old} then now() - interval '210 days' else now() end
        from generate_series(${from}::int, ${Math.min(total, from + 49_999)}::int) g
        returning id, provider_id
      )
      insert into sent_messages (channel, provider_id, outbox_id) select 'whatsapp', provider_id, id from o`.execute(t.db);
    log(`${Math.min(total, from + 49_999)} written`);
  }
  await sql`vacuum analyze outbox`.execute(t.db);
  await sql`vacuum analyze sent_messages`.execute(t.db);
  const sizeBefore = { outbox: await mb('outbox'), sent_messages: await mb('sent_messages') };
  log(`outbox ${sizeBefore.outbox} MB, sent_messages ${sizeBefore.sent_messages} MB; purging ${old} of them, ${batch} a statement`);

  // The writer: a reply written, claimed and marked sent, one after the other, as long as the purge runs.
  let purging = true;
  const writes: number[] = [];
  const writer = (async () => {
    while (purging) {
      const started = performance.now();
      const row = await t.db.insertInto('outbox').values({ contact_id: contact.id, channel: 'whatsapp', recipient: '212612345678', payload: '{"text":"Merci !"}' }).returning('id').executeTakeFirstOrThrow();
      await t.db.updateTable('outbox').set({ status: 'sending' }).where('id', '=', row.id).execute();
      await t.db.updateTable('outbox').set({ status: 'sent', sent_at: new Date(), provider_id: `wamid.w${row.id}` }).where('id', '=', row.id).execute();
      writes.push(performance.now() - started);
    }
  })();

  const cutoff = (await sql<{ at: Date }>`select now() - interval '180 days' as at`.execute(t.db)).rows[0]?.at ?? new Date(0);
  const step = purgeOutbox(t.db, cutoff, batch);
  const statements: number[] = [];
  let purged = 0;
  const started = performance.now();
  for (let more = true; more; ) {
    const at = performance.now();
    const done = await step();
    statements.push(performance.now() - at);
    purged += done.removed;
    more = done.more;
    if (statements.length % 20 === 0) log(`${purged} purged`);
  }
  const seconds = (performance.now() - started) / 1000;
  purging = false;
  await writer;
  // The rest of a run finds nothing more of them.
  const rest = await runRetention(t.db, { retentionDays: 180 }, pino({ level: 'silent' }));
  const counted = await sql<{ n: number }>`select coalesce(sum(messages), 0)::int as n from message_counts`.execute(t.db);
  statements.sort((a, b) => a - b);
  writes.sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({
      rows: total,
      purged,
      counted: counted.rows[0]?.n,
      batch,
      rows_per_s: Math.round(purged / seconds),
      statement_ms_p50: percentile(statements, 0.5),
      statement_ms_p99: percentile(statements, 0.99),
      statement_ms_max: percentile(statements, 1),
      writer_ms_p50: percentile(writes, 0.5),
      writer_ms_p99: percentile(writes, 0.99),
      writer_ms_max: percentile(writes, 1),
      writes: writes.length,
      outbox_mb_before: sizeBefore.outbox,
      sent_messages_mb_before: sizeBefore.sent_messages,
      left_for_a_second_run: rest.ran ? rest.outbox : null,
    })}\n`,
  );
} finally {
  await t.drop();
}
