// The service on a Redis Cluster (REDIS_CLUSTER_NODES): three real redis-server nodes, the clients and
// queues built by the same setup as `npm start`, a reminder and a broadcast carried to a Telegram chat,
// and the limits kept in Redis (flood guard, pacer, wrong tokens, admin rate) working across its slots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { Cluster } from 'ioredis';
import { sql } from 'kysely';
import { pino } from 'pino';
import { isUnavailable } from '../../src/db/pg-errors.ts';
import { redisFloodGuard } from '../../src/channels/flood-guard.ts';
import { loadConfig, type Config } from '../../src/config/index.ts';
import { redisPacer } from '../../src/delivery/chat-pacer.ts';
import { formatConfirmationCode } from '../../src/domain/appointments/confirmation-code.ts';
import { outboundQueueName } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker, type RunningWorker } from '../../src/delivery/outbound.worker.ts';
import { adminRateLimits } from '../../src/http/admin/admin-rate-limit.ts';
import { redisAuthThrottle } from '../../src/http/auth-throttle.ts';
import { outboundChannels } from '../../src/runtime/outbound-channels.ts';
import { setUpQueues, type QueuesSetup } from '../../src/runtime/queues-setup.ts';
import { BROADCAST_QUEUE } from '../../src/scheduling/broadcast.queue.ts';
import { startBroadcastWorker } from '../../src/scheduling/broadcast.worker.ts';
import { broadcastProgress, createBroadcast } from '../../src/scheduling/broadcasts.ts';
import { NOTIFICATION_QUEUE } from '../../src/scheduling/notification.queue.ts';
import { startNotificationWorker } from '../../src/scheduling/notification.worker.ts';
import { reconcileNotifications } from '../../src/scheduling/reconciler.ts';
import { openRedisClients } from '../../src/redis/redis-clients.ts';
import { clusterPrefix, queuePrefix } from '../../src/redis/redis-keys.ts';
import { RETENTION_QUEUE } from '../../src/retention/index.ts';
import { untilAvailable } from '../../src/runtime/retry.ts';
import { bookEyeConsultation, conversationDeps, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { freePort } from '../support/free-port.ts';
import { healthOf, startProcess } from '../support/service-process.ts';
import { ensureOrganisation } from '../support/fixtures.ts';
import { startRedisCluster, type TestCluster } from '../support/redis-cluster.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { waitUntil } from '../support/wait-until.ts';

const logger = pino({ level: 'silent' });
/** Two days before a visit on 14 December, 18:00 in Morocco: when its first reminder is due. */
const REMINDER_DUE = new Date('2026-12-12T17:00:00Z');
const staff = { kind: 'staff' as const, id: 1 };
let cluster: TestCluster | undefined;
let t: TestDatabase | undefined;
let telegram: FakeTelegram | undefined;
let setup: QueuesSetup | undefined;
let config: Config;
const workers: RunningWorker[] = [];

/** What beforeAll built; a test that runs means all of it is there. */
function running(): { cluster: TestCluster; t: TestDatabase; telegram: FakeTelegram; setup: QueuesSetup } {
  if (!cluster || !t || !telegram || !setup) throw new Error('the cluster, the database or the fake Telegram did not start');
  return { cluster, t, telegram, setup };
}

beforeAll(async () => {
  cluster = await startRedisCluster();
  t = await createTestDatabase();
  // The Tinghir caravan: what the villager books, and what makes its organisation's broadcast reach Tinghir.
  await seedConversationCampaigns(t.db);
  telegram = await startFakeTelegram();
  // The cluster is this file's alone, so the deployment's usual name: where its groups land is then known.
  config = loadConfig({ DATABASE_URL: 'postgres://unused/qafila', REDIS_CLUSTER_NODES: cluster.nodes, TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot });
  setup = await setUpQueues(config, t.db, logger);
  const channel = outboundChannels(config, setup.redis, setup.prefix).telegram;
  if (!channel) throw new Error('Telegram is configured: its channel should be there');
  workers.push(startOutboundWorker({ db: t.db, adapter: channel.adapter, pacer: channel.pacer, connection: setup.connection, prefix: setup.prefix, queues: setup.queues, logger, sweepAfterMs: 0 }));
}, 60_000);

afterAll(async () => {
  try {
    await Promise.all(workers.map((w) => w.close()));
    await setup?.close();
    await telegram?.close();
    await t?.drop();
  } finally {
    await cluster?.stop();
  }
});

describe('on a Redis Cluster', () => {
  it('talks to it through cluster clients only, every key prefixed by a hash tag', () => {
    const { setup } = running();
    expect(setup.redis).toBeInstanceOf(Cluster);
    expect(setup.connection).toBeInstanceOf(Cluster);
    expect(setup.prefix).toBe('{qafila}');
  });

  it('waits at start for a cluster it cannot reach yet, and connects once it can', async () => {
    const { cluster } = running();
    // The only node given sits behind a hop that refuses connections at first; the others are found from it.
    const proxy = await startTcpProxy(cluster.ports[0] ?? 0, { listening: false, port: await freePort() });
    const clients = openRedisClients({ REDIS_CLUSTER_NODES: [{ host: '127.0.0.1', port: proxy.port }], QUEUE_PREFIX: 'qafila' }, () => undefined);
    try {
      // The first attempt, then the one the client makes by itself: both say Redis is away, so start-up waits.
      for (let i = 0; i < 2; i++) expect(isUnavailable(await clients.connect().then(() => 'connected', (err: unknown) => err))).toBe(true);
      // A command meanwhile fails at once, as Redis away, rather than wait for the cluster.
      expect(isUnavailable(await clients.commands.get('qafila:start-test').then(() => 'answered', (err: unknown) => err))).toBe(true);
      await proxy.restore();
      await untilAvailable('Redis', () => clients.connect(), { attempts: 20, baseMs: 50, maxMs: 200, logger });
      expect(await clients.commands.set('qafila:start-test', '1')).toBe('OK');
    } finally {
      clients.close();
      await proxy.close();
    }
  });

  it('runs the whole service there: healthy, a flood limited, its queues counted, the nightly job declared, a clean stop', async () => {
    const { cluster, setup } = running();
    // Its own database and queues, so its workers (on the real clock) leave this file's alone.
    const own = await createTestDatabase();
    const token = 'metrics-token-0123456789';
    const service = await startProcess('src/main.ts', { DATABASE_URL: own.url, REDIS_URL: '', REDIS_CLUSTER_NODES: cluster.nodes, QUEUE_PREFIX: 'qafila-service', FLOOD_LIMIT_PER_MINUTE: '2', METRICS_TOKEN: token, MIGRATE_ON_START: 'false', LOG_LEVEL: 'warn' });
    try {
      await waitUntil(async () => (await healthOf(service)) === 200 || !service.alive(), 'the service to answer /health', 30_000, 250);
      expect(await healthOf(service), service.output()).toBe(200);
      const send = () => fetch(`${service.url}/simulator/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: '+212600000905', text: 'Bonjour' }) }).then((r) => r.status);
      expect([await send(), await send(), await send()]).toEqual([200, 200, 429]);
      const page = await fetch(`${service.url}/metrics`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.text());
      expect(page).toMatch(/qafila_queue_jobs\{queue="notifications",state="waiting"\} 0/);
      const nightly = `${queuePrefix(clusterPrefix('qafila-service'), RETENTION_QUEUE)}:${RETENTION_QUEUE}:repeat`;
      await expect.poll(() => setup.redis.exists(nightly), { timeout: 5_000 }).toBe(1);
    } finally {
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      await own.drop();
    }
  });

  it('restores a reminder timer, fires it and delivers the reminder to the villager on Telegram', async () => {
    const { t, telegram, setup } = running();
    const v = new Villager(conversationDeps(t.db), '91001', 'telegram');
    await v.onboard('fr');
    await bookEyeConsultation(v, { name: 'Rachida Amzil', sex: 'female', age: 52, day: '2026-12-14' });
    const reminder = await t.db.selectFrom('notifications as n').innerJoin('appointments as a', 'a.id', 'n.appointment_id').select(['n.id', 'a.code']).where('n.due_at', '=', REMINDER_DUE).executeTakeFirstOrThrow();
    // No timer yet (the conversation ran without queues): the reconciler checks the job keys in one
    // pipeline, which a cluster takes only when they share a slot, and starts the missing timer.
    expect(await reconcileNotifications(t.db, setup.redis, setup.timers, REMINDER_DUE)).toEqual({ checked: 1, restored: 1 });
    expect(await reconcileNotifications(t.db, setup.redis, setup.timers, REMINDER_DUE)).toEqual({ checked: 1, restored: 0 });
    workers.push(startNotificationWorker({ connection: setup.connection, prefix: setup.prefix, fire: setup.fire, outbound: setup.queues, logger, now: () => REMINDER_DUE }));
    const [sent] = await telegram.waitFor(1, (c) => c.method === 'sendMessage' && String(c.payload.chat_id) === '91001' && String(c.payload.text).includes(formatConfirmationCode(reminder.code)), 15_000);
    expect(sent).toBeDefined();
    // The venue follows the text; the message is sent once both parts are.
    const fired = () => t.db.selectFrom('notifications as n').innerJoin('outbox as o', 'o.id', 'n.outbox_id').select(['n.status', 'o.status as delivery']).where('n.id', '=', reminder.id).executeTakeFirstOrThrow();
    await expect.poll(fired, { timeout: 5_000 }).toEqual({ status: 'sent', delivery: 'sent' });
  });

  it('fans a broadcast out page by page and delivers it to every subscriber', async () => {
    const { t, telegram, setup } = running();
    const org = await ensureOrganisation(t.db, 'test-association');
    // Five subscribers of Tinghir, where the organisation runs the caravan.
    await sql`
      with c as (insert into contacts (locale, consent_at) select 'fr', now() from generate_series(1, 5) returning id),
           i as (insert into contact_identities (channel, external_id, contact_id) select 'telegram', (92000 + id)::text, id from c)
      insert into alert_subscriptions (contact_id, province_code) select id, 'tinghir' from c`.execute(t.db);
    const noon = new Date('2026-12-01T12:00:00Z');
    const text = 'La caravane vient à Tinghir le 14 décembre.';
    const b = await createBroadcast(t.db, staff, org, { audience: { provinces: ['tinghir'] }, texts: { fr: text } }, noon);
    workers.push(startBroadcastWorker({ connection: setup.connection, prefix: setup.prefix, db: t.db, t: setup.fire.t, outbound: setup.queues, pages: setup.pages, logger, zone: config.TIME_ZONE, quiet: config.QUIET_HOURS, now: () => noon, pageSize: 2 }));
    expect(b.targeted).toBe(5);
    await setup.pages.start(b.id);
    const received = await telegram.waitFor(5, (c) => c.method === 'sendMessage' && String(c.payload.text).startsWith(text), 15_000);
    expect(new Set(received.map((c) => String(c.payload.chat_id))).size).toBe(5);
    await expect.poll(async () => (await broadcastProgress(t.db, org, b.id))?.sent, { timeout: 5_000 }).toBe(5);
  });

  it('keeps each queue in a slot of its own, and the queues spread over more than one node', async () => {
    const { setup } = running();
    const redis = setup.redis as Cluster;
    const queues = [NOTIFICATION_QUEUE, BROADCAST_QUEUE, outboundQueueName('telegram'), outboundQueueName('telegram', true)];
    const slotOf = async (key: string) => Number(await redis.cluster('KEYSLOT', key));
    const slots = [];
    for (const queue of queues) {
      // A queue's lists, its metadata and one of its jobs: BullMQ's scripts take them together.
      const keys = ['wait', 'meta', 'delayed', 'n12'].map((suffix) => `${queuePrefix(setup.prefix, queue)}:${queue}:${suffix}`);
      const own = new Set(await Promise.all(keys.map(slotOf)));
      expect(own.size).toBe(1);
      slots.push(...own);
    }
    expect(new Set(slots).size).toBe(queues.length);
    // Which node serves each slot: [first, last, [host, port, id, ...], ...replicas] per range.
    const ranges = await redis.cluster('SLOTS');
    const owners = new Set(slots.map((slot) => ranges.find(([first, last]) => slot >= first && slot <= last)?.[2]?.[1]));
    expect(owners.size).toBeGreaterThan(1);
  });

  it('counts a flood and wrong tokens there, under the names they have on one Redis', async () => {
    const { setup } = running();
    const flood = redisFloodGuard(setup.redis, { prefix: setup.prefix, limit: 2, windowMs: 60_000 });
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await flood.check('telegram', '93001'));
    expect(verdicts).toEqual(['ok', 'ok', 'warn', 'drop']);
    expect(await setup.redis.exists('qafila:flood:telegram:93001')).toBe(1);
    const throttle = redisAuthThrottle(setup.redis, { prefix: setup.prefix, limit: 1, windowMs: 60_000 });
    expect(await throttle.failed('203.0.113.7')).toBe(0);
    expect(await throttle.failed('203.0.113.7')).toBeGreaterThan(50_000);
    expect(await setup.redis.exists('qafila:auth-failures:203.0.113.7')).toBe(1);
  });

  it('limits admin requests per address there', async () => {
    const { setup } = running();
    const app = Fastify();
    await app.register(async (scope) => {
      const limits = await adminRateLimits(scope, { perAddressPerMinute: 2, perStaffPerMinute: 100, redis: setup.redis, prefix: setup.prefix }, () => 'staff-1');
      scope.addHook('onRequest', limits.perAddress);
      scope.get('/admin/api/ping', async () => ({ ok: true }));
    });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await app.inject({ url: '/admin/api/ping', remoteAddress: '203.0.113.8' })).statusCode);
      expect(codes).toEqual([200, 200, 429]);
      // Counted in the cluster, under the name it has on one Redis (the store puts the route before the address).
      const keys = await Promise.all((setup.redis as Cluster).nodes('master').map((node) => node.keys('qafila:admin-rate:*ip:203.0.113.8')));
      expect(keys.flat()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('paces one chat and holds the channel after a 429, its keys of one channel in one slot', async () => {
    const { setup } = running();
    const pacer = redisPacer(setup.redis, { prefix: setup.prefix, perSecond: 1000, chatIntervalMs: 200 });
    const started = performance.now();
    const waits = [await pacer.waitTurn('pace-test', '94001'), await pacer.waitTurn('pace-test', '94001'), await pacer.waitTurn('pace-test', '94001')];
    expect(waits[1]).toBeGreaterThan(150);
    expect(performance.now() - started).toBeGreaterThan(380);
    await pacer.hold('pace-test', 300);
    // Another chat, free of its own limit, still waits for the channel's hold.
    expect(await pacer.waitTurn('pace-test', '94002')).toBeGreaterThan(250);
  });
});
