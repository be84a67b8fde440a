// Villagers waiting for a person, for the inbox tests: a Telegram chat and a WhatsApp one of the test
// association (each with a booking, which gives the ticket its organisation), one of another organisation,
// their staff, and the service with the inbox's translator, templates (French only) and real queues.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/connection.ts';
import type { Locale, TicketReason } from '../../src/db/tables.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { addTicketMessage, openTicket } from '../../src/domain/handoff/handoff-tickets.ts';
import type { LiveCapacityTimings } from '../../src/http/admin/capacity.routes.ts';
import { buildServer } from '../../src/http/server.ts';
import { createTranslator, loadResources, type Translate } from '../../src/i18n/translator.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { addPerson, book } from './capacity-world.ts';
import { testClock, type TestClock } from './conversation-harness.ts';
import { addTestStaff, importTestCampaign, slotIds } from './fixtures.ts';
import { connection, testPrefix } from './test-redis.ts';

export interface Villager {
  contactId: number;
  channel: 'telegram' | 'whatsapp';
  externalId: string;
}

export interface InboxWorld {
  app: FastifyInstance;
  clock: TestClock;
  t: Translate;
  queues: OutboundQueues;
  prefix: string;
  coordinator: { id: number; token: string };
  medical: { id: number; token: string };
  desk: string;
  platformAdmin: string;
  stranger: { id: number; token: string };
  slot: number;
  otherSlot: number;
}

export async function inboxWorld(db: Db, live?: LiveCapacityTimings): Promise<InboxWorld> {
  const campaignId = await importTestCampaign(db, { slug: 'inbox-caravan' });
  const otherCampaignId = await importTestCampaign(db, { slug: 'inbox-other', organisation: 'other-association' });
  const clock = testClock();
  const t = createTranslator(loadResources());
  const prefix = testPrefix();
  const queues = createOutboundQueues({ connection, prefix });
  const app = buildServer({
    db,
    redis: { ping: async () => 'PONG' },
    clock,
    logger: createLogger('silent'),
    timeZone: 'Africa/Casablanca',
    inbox: { t, outbound: queues, templates: (locale) => (locale === 'fr' ? { name: 'qafila_notice', language: 'fr' } : undefined) },
    ...(live ? { liveCapacity: live } : {}),
  });
  const member = async (name: string, role: 'coordinator' | 'medical' | 'desk', organisation?: string) => {
    const staff = await addTestStaff(db, { name, role, ...(organisation ? { organisation } : {}) });
    return { id: staff.id, token: staff.token };
  };
  return {
    app,
    clock,
    t,
    queues,
    prefix,
    coordinator: await member('Khadija Ouali', 'coordinator'),
    medical: await member('Dr Alami', 'medical'),
    desk: (await member('Accueil', 'desk')).token,
    platformAdmin: (await addTestStaff(db, { name: 'Plateforme', role: 'admin' })).token,
    stranger: await member('Autre', 'coordinator', 'other-association'),
    slot: (await slotIds(db, campaignId))[0] ?? 0,
    otherSlot: (await slotIds(db, otherCampaignId))[0] ?? 0,
  };
}

let serial = 0;

/**
 * A villager who booked `slot` from this chat, last wrote `silentMs` before the clock's now, and whose
 * conversation waits for a person; their ticket is opened for `reason`.
 */
export async function villagerWaiting(db: Db, w: InboxWorld, input: { name: string; channel: 'telegram' | 'whatsapp'; locale?: Locale; slot?: number; silentMs?: number; reason?: TicketReason; urgent?: boolean; text?: string }): Promise<Villager & { ticketId: number }> {
  serial += 1;
  const phone = `+21266${String(1000000 + serial).slice(-7)}`;
  const beneficiaryId = await addPerson(db, { name: input.name, sex: 'female', birthYear: 1980, commune: 'Tinghir', phone });
  await book(db, beneficiaryId, input.slot ?? w.slot);
  const { contact_id: contactId } = await db.selectFrom('beneficiaries').select('contact_id').where('id', '=', beneficiaryId).executeTakeFirstOrThrow();
  const locale = input.locale ?? 'fr';
  await db.updateTable('contacts').set({ locale, consent_at: w.clock.now() }).where('id', '=', contactId).execute();
  const externalId = input.channel === 'whatsapp' ? phone.slice(1) : String(700000 + serial);
  const lastInbound = new Date(w.clock.now().getTime() - (input.silentMs ?? 60_000));
  await db.insertInto('contact_identities').values({ channel: input.channel, external_id: externalId, contact_id: contactId, last_inbound_at: lastInbound }).execute();
  await db.insertInto('conversations').values({ contact_id: contactId, state: JSON.stringify({ step: 'handoff', locale, draft: {}, misses: 0, lastAt: lastInbound.toISOString() }) }).execute();
  const ticketId = await db.transaction().execute((trx) => openTicket(trx, { kind: 'contact', id: contactId }, { contactId, reason: input.reason ?? 'asked', urgent: input.urgent ?? false }));
  if (input.text) await addTicketMessage(db, ticketId, input.text);
  return { contactId, channel: input.channel, externalId, ticketId };
}

export const asStaff = (app: FastifyInstance, token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
