// The admin API: staff tokens, roles, and the audit log of every change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { pino } from 'pino';
import type { ChannelAdapter } from '../../src/channels/channel.ts';
import { TELEGRAM_CAPABILITIES } from '../../src/channels/telegram/telegram.channel.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker } from '../../src/delivery/outbound.worker.ts';
import { hashToken } from '../../src/domain/staff/staff-tokens.ts';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { openTicket } from '../../src/domain/handoff/handoff-tickets.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addTestStaff, campaignFile, ensureOrganisation } from '../support/fixtures.ts';
import { bookEyeConsultation, conversationDeps, seedConversationCampaigns, START, Villager } from '../support/conversation-harness.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';

let t: TestDatabase;
let app: FastifyInstance;
let coordinator = '';
let medical = '';
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => START }, logger: createLogger('silent'), timeZone: 'Africa/Casablanca' });
  coordinator = (await addTestStaff(t.db, { name: 'Khadija', role: 'coordinator' })).token;
  medical = (await addTestStaff(t.db, { name: 'Dr Alami', role: 'medical' })).token;
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: object) =>
  app.inject({ method, url, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}), ...(payload ? { payload } : {}) });

describe('admin API', () => {
  it('refuses a request without a token or with an unknown one (401), and a role that may not act (403)', async () => {
    expect((await call('GET', '/admin/api/tickets')).statusCode).toBe(401);
    expect((await call('GET', '/admin/api/tickets', 'qst_nope')).statusCode).toBe(401);
    const forbidden = await call('POST', '/admin/api/tickets/1/close', medical);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error).toMatch(/needs the role coordinator; you are medical/);
    // Tokens are kept as hashes only.
    const stored = await t.db.selectFrom('staff').select('token_hash').where('name', '=', 'Khadija').execute();
    expect(stored).toEqual([{ token_hash: hashToken(coordinator) }]);
  });

  it('lets a coordinator see and close a handoff ticket, with the change in the audit log', async () => {
    // A villager of Tinghir, where the association runs its caravan: the ticket is the association's.
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr', province_code: 'tinghir' }).returning('id').executeTakeFirstOrThrow();
    const ticketId = await t.db.transaction().execute((trx) => openTicket(trx, { kind: 'contact', id: contact.id }, { contactId: contact.id, reason: 'asked', urgent: false }));
    const open = await call('GET', '/admin/api/tickets', medical);
    expect(open.json().items).toEqual([expect.objectContaining({ id: ticketId, contactId: contact.id, reason: 'asked' })]);
    expect((await call('POST', `/admin/api/tickets/${ticketId}/close`, coordinator)).json()).toEqual({ closed: true });
    expect((await call('POST', `/admin/api/tickets/${ticketId}/close`, coordinator)).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_log').select(['actor', 'action']).where('action', '=', 'ticket.close').execute();
    expect(audit).toEqual([{ actor: expect.stringMatching(/^staff:\d+$/), action: 'ticket.close' }]);
  });

  it('marks an appointment attended, and imports a campaign or says what is wrong with it', async () => {
    const v = new Villager(conversationDeps(t.db), '+212600000801');
    await v.onboard('fr');
    await bookEyeConsultation(v, { name: 'Aziz Bennani', sex: 'male', age: 58, day: '2026-12-14' });
    const appointment = await t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select('a.id').where('b.full_name', '=', 'Aziz Bennani').executeTakeFirstOrThrow();
    const marked = await call('POST', `/admin/api/appointments/${appointment.id}/attendance`, coordinator, { status: 'attended' });
    expect(marked.json()).toEqual({ id: appointment.id, status: 'attended' });
    expect(await t.db.selectFrom('appointments').select('status').where('id', '=', appointment.id).executeTakeFirstOrThrow()).toEqual({ status: 'attended' });
    expect((await call('POST', `/admin/api/appointments/${appointment.id}/attendance`, coordinator, { status: 'maybe' })).statusCode).toBe(400);

    const created = await call('POST', '/admin/api/campaigns', coordinator, campaignFile({ slug: 'admin-api-caravan' }));
    expect(created.statusCode).toBe(201);
    const broken = await call('POST', '/admin/api/campaigns', coordinator, { ...campaignFile({ slug: 'broken' }), venue: { name: 'x' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().problems.join('\n')).toMatch(/venue\.lat/);
    expect((await call('GET', '/admin/api/campaigns', medical)).json().items.map((c: { slug: string }) => c.slug)).toContain('admin-api-caravan');
  });

  it('deletes the windows a campaign file leaves out only with "allowRemoval", and says a draft is unseen', async () => {
    const windows = [{ start: '09:00', end: '12:00', capacity: 5 }, { start: '14:00', end: '16:00', capacity: 5 }];
    const file = campaignFile({ slug: 'admin-api-removal', status: 'draft', services: [{ code: 'dental', windows }] });
    const created = await call('POST', '/admin/api/campaigns', coordinator, file);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'draft', notes: [expect.stringMatching(/^draft: villagers will not see it/)] });
    const fewer = { ...file, services: [{ code: 'dental', windows: windows.slice(0, 1) }] };
    const refused = await call('POST', '/admin/api/campaigns', coordinator, fewer);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().windows).toEqual(['dental on 2026-12-14 from 14:00 to 16:00', 'dental on 2026-12-15 from 14:00 to 16:00']);
    const allowed = await call('POST', '/admin/api/campaigns', coordinator, { ...fewer, allowRemoval: true });
    expect(allowed.statusCode).toBe(201);
    expect(allowed.json().slots).toEqual({ inserted: 0, updated: 0, deleted: 2, unchanged: 2 });
  });

  it('refuses a disabled staff member', async () => {
    const { id, token } = await addTestStaff(t.db, { name: 'Ancien', role: 'coordinator' });
    await t.db.updateTable('staff').set({ disabled_at: new Date() }).where('id', '=', id).execute();
    expect((await call('GET', '/admin/api/tickets', token)).statusCode).toBe(401);
  });

  it('lets a coordinator create a broadcast, read its progress and cancel it; refuses a bad audience', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr', consent_at: new Date() }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('contact_identities').values({ channel: 'telegram', external_id: '424201', contact_id: contact.id }).execute();
    await t.db.insertInto('alert_subscriptions').values({ contact_id: contact.id, province_code: 'tinghir' }).execute();
    const created = await call('POST', '/admin/api/broadcasts', coordinator, { audience: { provinces: ['tinghir'] }, texts: { fr: 'La caravane arrive.' }, scheduledAt: '2026-12-05T09:00:00Z' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ targeted: 1 });
    const id = created.json().id as number;
    expect((await call('GET', `/admin/api/broadcasts/${id}`, coordinator)).json()).toMatchObject({ status: 'scheduled', targeted: 1, unreachable: { total: expect.any(Number), reasons: { test_chat_only: expect.any(Number), blocked: expect.any(Number) } }, queued: 0 });
    expect((await call('POST', `/admin/api/broadcasts/${id}/cancel`, coordinator)).json()).toMatchObject({ status: 'cancelled' });
    expect((await call('POST', `/admin/api/broadcasts/${id}/cancel`, coordinator)).statusCode).toBe(404);
    const bad = await call('POST', '/admin/api/broadcasts', coordinator, { audience: {}, texts: {} });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/audience: give provinces, pastBeneficiariesOf or eligibleDonors.*texts: give the text/);
    expect((await call('POST', '/admin/api/broadcasts', medical, { audience: { provinces: ['tinghir'] }, texts: { fr: 'x' } })).statusCode).toBe(403);
  });

  it('reports the messages a crash left in flight, which are never sent again', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    const organisationId = await ensureOrganisation(t.db, 'test-association');
    // Reminders of the association's caravan.
    const message = (recipient: string, status: 'sending' | 'pending') =>
      t.db.insertInto('outbox').values({ contact_id: contact.id, organisation_id: organisationId, channel: 'telegram', recipient, kind: 'notification', payload: JSON.stringify({ text: 'x' }), status }).returning('id').executeTakeFirstOrThrow();
    // A worker died ten minutes ago while calling the provider for this one (timestamps on Postgres' clock).
    const inFlight = await message('4242', 'sending');
    await sql`update outbox set updated_at = now() - interval '10 minutes' where id = ${inFlight.id}`.execute(t.db);
    const doubtful = (await call('GET', '/admin/api/outbox/doubtful', coordinator)).json();
    expect(doubtful).toEqual([expect.objectContaining({ id: inFlight.id, channel: 'telegram', recipient: '4242', kind: 'notification' })]);

    // A new worker runs its job again and sweeps the outbox, beside a message still waiting: only that one goes.
    const waiting = await message('4343', 'pending');
    const sentTo: string[] = [];
    const adapter: ChannelAdapter = { name: 'telegram', capabilities: TELEGRAM_CAPABILITIES, send: async (to) => (sentTo.push(to), `m${sentTo.length}`) };
    const prefix = testPrefix();
    const queues = createOutboundQueues({ connection, prefix });
    const worker = startOutboundWorker({ db: t.db, adapter, pacer: noPacing, connection, prefix, logger: pino({ level: 'silent' }), queues, sweepAfterMs: 1 });
    try {
      await queues.enqueue('telegram', [inFlight.id]);
      await queues.enqueue('telegram', [waiting.id]);
      await expect.poll(async () => (await t.db.selectFrom('outbox').select('status').where('id', '=', waiting.id).executeTakeFirstOrThrow()).status, { timeout: 10_000 }).toBe('sent');
      // One sweep later (it runs every second), still nothing more.
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      await worker.close();
      await queues.close();
      await deleteKeys(prefix);
    }
    expect(sentTo).toEqual(['4343']);
    expect(await t.db.selectFrom('outbox').select(['id', 'status']).where('id', 'in', [inFlight.id, waiting.id]).orderBy('id').execute()).toEqual([
      { id: inFlight.id, status: 'sending' },
      { id: waiting.id, status: 'sent' },
    ]);
    expect((await call('GET', '/admin/api/outbox/doubtful', coordinator)).json()).toEqual([expect.objectContaining({ id: inFlight.id })]);
  });
});
