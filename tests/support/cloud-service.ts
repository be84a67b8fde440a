// The WhatsApp Cloud side of the service on a scratch database: the signed webhook, the conversation,
// and a delivery worker sending to a local Graph API; one clock for all three (the 24-hour rule).
import { createHmac } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { createReceiver } from '../../src/channels/receive.ts';
import { cloudVoiceFetcher } from '../../src/channels/whatsapp-cloud/cloud-voice.ts';
import { createWhatsAppCloudAdapter } from '../../src/channels/whatsapp-cloud/whatsapp-cloud.channel.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { applyDeliveryStatuses } from '../../src/delivery/delivery-status.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker } from '../../src/delivery/outbound.worker.ts';
import { renderWordsIn } from '../../src/delivery/deliver.ts';
import { createTranslator, loadResources, type Locale } from '../../src/i18n/translator.ts';
import { moveToNewNumber } from '../../src/domain/contacts/number-change.ts';
import { buildServer } from '../../src/http/server.ts';
import { WHATSAPP_WEBHOOK_PATH } from '../../src/http/whatsapp-webhook.routes.ts';
import type { Logger } from '../../src/logging/logger.ts';
import { conversationDeps, seedConversationCampaigns, testClock, type TestClock } from './conversation-harness.ts';
import { startFakeGraph, type FakeGraph } from './fake-graph.ts';
import { outboxDrained } from './outbox-wait.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { connection, deleteKeys, testPrefix } from './test-redis.ts';

export const APP_SECRET = 'app-secret-for-tests';
export const VERIFY_TOKEN = 'verify-token-for-tests';
const ACCESS_TOKEN = 'access-token-for-tests';

export interface CloudService {
  t: TestDatabase;
  app: FastifyInstance;
  graph: FakeGraph;
  queues: OutboundQueues;
  clock: TestClock;
  postSigned(payload: unknown, signature?: string): Promise<LightMyRequestResponse>;
  /** Every reply left the outbox. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export const sign = (body: string, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export async function startCloudService(options: { logger?: Logger } = {}): Promise<CloudService> {
  const t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
  const graph = await startFakeGraph(ACCESS_TOKEN);
  const prefix = testPrefix();
  const clock = testClock();
  const logger = options.logger ?? pino({ level: 'silent' });
  const adapter = createWhatsAppCloudAdapter({ accessToken: ACCESS_TOKEN, phoneNumberId: '1000', graphRoot: graph.root });
  const queues = createOutboundQueues({ connection, prefix });
  const translate = createTranslator(loadResources());
  const templates = (locale: Locale) => (locale === 'fr' ? { name: 'qafila_notice', language: 'fr' } : undefined);
  const worker = startOutboundWorker({ db: t.db, adapter, pacer: noPacing, connection, prefix, logger, sweepAfterMs: 0, now: clock.now, renderWords: renderWordsIn(translate), templates });
  const app = buildServer({
    db: t.db,
    redis: { ping: async () => 'PONG' },
    clock,
    logger,
    timeZone: 'Africa/Casablanca',
    inbox: { t: translate, templates, outbound: queues },
    whatsapp: {
      appSecret: APP_SECRET,
      verifyToken: VERIFY_TOKEN,
      receive: createReceiver({ conversation: conversationDeps(t.db, clock), queues, fetchVoice: cloudVoiceFetcher({ accessToken: ACCESS_TOKEN, graphRoot: graph.root }) }),
      applyStatuses: (updates) => applyDeliveryStatuses(t.db, 'whatsapp', updates),
      changeNumber: (change) => inTransaction(t.db, (trx) => moveToNewNumber(trx, { channel: 'whatsapp', ...change })),
    },
  });
  return {
    t,
    app,
    graph,
    queues,
    clock,
    postSigned(payload, signature) {
      const body = JSON.stringify(payload);
      return app.inject({ method: 'POST', url: WHATSAPP_WEBHOOK_PATH, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature ?? sign(body) }, payload: body });
    },
    settle: () => outboxDrained(t.db),
    async close() {
      await app.close();
      await worker.close();
      await queues.close();
      await graph.close();
      await t.drop();
      await deleteKeys(prefix);
    },
  };
}

let nextId = 1;

/** Meta's envelope around one change of the `messages` field. */
export const envelope = (value: Record<string, unknown>) => ({ object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '212500000000', phone_number_id: '1000' }, ...value } }] }] });

/** One message from a villager, with a fresh message id. */
export const message = (from: string, fields: Record<string, unknown>) => ({ from, id: `wamid.IN${nextId++}`, timestamp: '1767225600', ...fields });

/** A webhook carrying messages from villagers. */
export const incoming = (from: string, ...messages: Array<Record<string, unknown>>) => envelope({ contacts: [{ wa_id: from, profile: { name: 'A' } }], messages: messages.map((m) => message(from, m)) });
