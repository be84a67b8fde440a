// The admin API: staff tokens, roles, and the audit log of every change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { addStaff } from '../../src/domain/staff/staff-tokens.ts';
import { openTicket } from '../../src/domain/handoff/handoff-tickets.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { campaignFile } from '../support/fixtures.ts';
import { bookEyeConsultation, conversationDeps, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';

let t: TestDatabase;
let app: FastifyInstance;
let coordinator = '';
let medical = '';
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => new Date('2026-12-01T09:00:00Z') }, logger: createLogger('silent'), timeZone: 'Africa/Casablanca' });
  coordinator = (await addStaff(t.db, { name: 'Khadija', role: 'coordinator' })).token;
  medical = (await addStaff(t.db, { name: 'Dr Alami', role: 'medical' })).token;
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
    expect(forbidden.json().error).toMatch(/needs the role admin or coordinator; you are medical/);
    const stored = await t.db.selectFrom('staff').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(coordinator);
  });

  it('lets a coordinator see and close a handoff ticket, with the change in the audit log', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    const ticketId = await t.db.transaction().execute((trx) => openTicket(trx, { kind: 'contact', id: contact.id }, { contactId: contact.id, reason: 'asked', urgent: false }));
    const open = await call('GET', '/admin/api/tickets', medical);
    expect(open.json()).toEqual([expect.objectContaining({ id: ticketId, contactId: contact.id, reason: 'asked' })]);
    expect((await call('POST', `/admin/api/tickets/${ticketId}/close`, coordinator)).json()).toEqual({ closed: true });
    expect((await call('POST', `/admin/api/tickets/${ticketId}/close`, coordinator)).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_log').select(['actor', 'action']).where('action', '=', 'ticket.close').execute();
    expect(audit).toEqual([{ actor: expect.stringMatching(/^staff:\d+$/), action: 'ticket.close' }]);
  });

  it('marks an appointment attended, and imports a campaign or says what is wrong with it', async () => {
    const v = new Villager(conversationDeps(t.db), '+212600000801');
    await v.onboard('fr');
    await bookEyeConsultation(v, { name: 'Aziz Bennani', sex: 'male', age: 58, day: '2026-12-14' });
    const appointment = await t.db.selectFrom('appointments').select('id').executeTakeFirstOrThrow();
    const marked = await call('POST', `/admin/api/appointments/${appointment.id}/attendance`, coordinator, { status: 'attended' });
    expect(marked.json()).toEqual({ id: appointment.id, status: 'attended' });
    expect((await call('POST', `/admin/api/appointments/${appointment.id}/attendance`, coordinator, { status: 'maybe' })).statusCode).toBe(400);

    const created = await call('POST', '/admin/api/campaigns', coordinator, campaignFile({ slug: 'admin-api-caravan' }));
    expect(created.statusCode).toBe(201);
    const broken = await call('POST', '/admin/api/campaigns', coordinator, { ...campaignFile({ slug: 'broken' }), venue: { name: 'x' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().problems.join('\n')).toMatch(/venue\.lat/);
    expect((await call('GET', '/admin/api/campaigns', medical)).json().map((c: { slug: string }) => c.slug)).toContain('admin-api-caravan');
  });

  it('refuses a disabled staff member', async () => {
    const { id, token } = await addStaff(t.db, { name: 'Ancien', role: 'coordinator' });
    await t.db.updateTable('staff').set({ disabled_at: new Date() }).where('id', '=', id).execute();
    expect((await call('GET', '/admin/api/tickets', token)).statusCode).toBe(401);
  });

  it('lets a coordinator create a broadcast, read its progress and cancel it; refuses a bad audience', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr', consent_at: new Date() }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('alert_subscriptions').values({ contact_id: contact.id, province_code: 'tinghir' }).execute();
    const created = await call('POST', '/admin/api/broadcasts', coordinator, { audience: { provinces: ['tinghir'] }, texts: { fr: 'La caravane arrive.' }, scheduledAt: '2026-12-05T09:00:00Z' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ targeted: 1 });
    const id = created.json().id as number;
    expect((await call('GET', `/admin/api/broadcasts/${id}`, coordinator)).json()).toMatchObject({ status: 'scheduled', targeted: 1, queued: 0 });
    expect((await call('POST', `/admin/api/broadcasts/${id}/cancel`, coordinator)).json()).toMatchObject({ status: 'cancelled' });
    expect((await call('POST', `/admin/api/broadcasts/${id}/cancel`, coordinator)).statusCode).toBe(404);
    const bad = await call('POST', '/admin/api/broadcasts', coordinator, { audience: {}, texts: {} });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/audience: give provinces, pastBeneficiariesOf or eligibleDonors.*texts: give the text/);
    expect((await call('POST', '/admin/api/broadcasts', medical, { audience: { provinces: ['tinghir'] }, texts: { fr: 'x' } })).statusCode).toBe(403);
  });

  it('reports the messages a crash left in flight, which are never sent again', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    const row = await t.db.insertInto('outbox').values({ contact_id: contact.id, channel: 'telegram', recipient: '4242', payload: JSON.stringify({ text: 'x' }), status: 'sending' }).returning('id').executeTakeFirstOrThrow();
    await t.db.updateTable('outbox').set({ updated_at: new Date(Date.now() - 10 * 60_000) }).where('id', '=', row.id).execute();
    const doubtful = (await call('GET', '/admin/api/outbox/doubtful', coordinator)).json();
    expect(doubtful).toEqual([expect.objectContaining({ id: row.id, channel: 'telegram', recipient: '4242' })]);
  });
});
