// The inbox's list and the changes around a ticket: urgent first then oldest, each with its reason;
// assigning, notes, unread counts and their live stream; coordinators and medical staff only, and
// another organisation's ticket answers 404 to every route, as if it did not exist.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTicketMessage } from '../../src/domain/handoff/handoff-tickets.ts';
import { InboxPulseSchema, InboxTicketListSchema, TicketDetailSchema, type InboxPulse } from '../../src/http/console/inbox.schemas.ts';
import { addConsoleStaff, signInBrowser } from '../support/console-staff.ts';
import { ensureOrganisation, slotIds } from '../support/fixtures.ts';
import { asStaff, inboxWorld, villagerWaiting, type InboxWorld } from '../support/inbox-world.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { deleteKeys } from '../support/test-redis.ts';
import { waitUntil } from '../support/wait-until.ts';

let t: TestDatabase;
let w: InboxWorld;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await inboxWorld(t.db, { checkEveryMs: 50, pingEveryMs: 150, maxStreamMs: 3_000 });
});
afterAll(async () => {
  await w?.app.close();
  await w?.queues.close();
  await t?.drop();
  if (w) await deleteKeys(w.prefix);
});

const list = async (token = w.coordinator.token) => InboxTicketListSchema.parse((await asStaff(w.app, token, 'GET', '/admin/api/inbox/tickets')).json()).items;
const pulse = async (token = w.coordinator.token) => InboxPulseSchema.parse((await asStaff(w.app, token, 'GET', '/admin/api/inbox/pulse')).json());

describe('the inbox list', () => {
  it('lists the organisation’s open tickets urgent first, then oldest, with the reason, the name and the last words', async () => {
    const asked = await villagerWaiting(t.db, w, { name: 'Fatima Zahra', channel: 'telegram', reason: 'asked', text: 'Je veux parler à quelqu’un' });
    const stuck = await villagerWaiting(t.db, w, { name: 'Hassan Amrani', channel: 'whatsapp', reason: 'stuck' });
    const media = await villagerWaiting(t.db, w, { name: 'Aicha Bennani', channel: 'telegram', reason: 'media', text: '[voice]' });
    const emergency = await villagerWaiting(t.db, w, { name: 'Omar El Fassi', channel: 'telegram', reason: 'emergency', urgent: true, text: 'nazif bzaf' });
    const theirs = await villagerWaiting(t.db, w, { name: 'Autre Personne', channel: 'telegram', slot: w.otherSlot });

    const items = await list();
    expect(items.map((i) => i.id)).toEqual([emergency.ticketId, asked.ticketId, stuck.ticketId, media.ticketId]);
    expect(items.map((i) => i.reason)).toEqual(['emergency', 'asked', 'stuck', 'media']);
    expect(items[0]).toMatchObject({ urgent: true, name: 'Omar El Fassi', channel: 'telegram', lastText: 'nazif bzaf', unread: true, assignedTo: null });
    expect(items[2]).toMatchObject({ name: 'Hassan Amrani', channel: 'whatsapp', lastText: null });
    expect(items.map((i) => i.id)).not.toContain(theirs.ticketId);
    expect((await list(w.stranger.token)).map((i) => i.id)).toEqual([theirs.ticketId]);
  });

  it('lets coordinators and medical staff in, not the desk, and the platform admin only through a console session', async () => {
    expect((await asStaff(w.app, w.medical.token, 'GET', '/admin/api/inbox/tickets')).statusCode).toBe(200);
    expect((await asStaff(w.app, w.desk, 'GET', '/admin/api/inbox/tickets')).statusCode).toBe(403);
    expect((await asStaff(w.app, w.platformAdmin, 'GET', '/admin/api/inbox/tickets')).statusCode).toBe(403);
    expect((await w.app.inject({ method: 'GET', url: '/admin/api/inbox/tickets' })).statusCode).toBe(401);
  });
});

describe('the platform admin viewing an organisation', () => {
  it('reads its inbox and changes nothing there', async () => {
    const v = await villagerWaiting(t.db, w, { name: 'Lecture Seule', channel: 'telegram' });
    await addConsoleStaff(t.db, { name: 'Plateforme Console', role: 'admin', email: 'plateforme@qafila.ma', password: 'plateforme-2027-ok' });
    const admin = await signInBrowser(w.app, 'plateforme@qafila.ma', 'plateforme-2027-ok');
    const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => w.app.inject({ method, url, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, ...(payload ? { payload } : {}) });
    expect((await call('PUT', '/console/api/session/viewing', { organisationId: await ensureOrganisation(t.db, 'test-association') })).statusCode).toBe(200);
    expect((await call('GET', '/admin/api/inbox/tickets')).json<{ items: Array<{ id: number }> }>().items.map((i) => i.id)).toContain(v.ticketId);
    expect((await call('GET', `/admin/api/inbox/tickets/${v.ticketId}`)).statusCode).toBe(200);
    for (const [url, payload] of [['reply', { text: 'Bonjour' }], ['notes', { text: 'note' }], ['assign', { staffId: null }], ['close', undefined], ['read', undefined]] as const) {
      expect([url, (await call('POST', `/admin/api/inbox/tickets/${v.ticketId}/${url}`, payload)).statusCode]).toEqual([url, 403]);
    }
    expect(await t.db.selectFrom('handoff_messages').select('id').where('ticket_id', '=', v.ticketId).execute()).toEqual([]);
  });
});

describe('the organisation boundary', () => {
  it('answers 404 to every route for another organisation’s ticket, and changes nothing', async () => {
    const theirs = await villagerWaiting(t.db, w, { name: 'Personne Ailleurs', channel: 'telegram', slot: w.otherSlot });
    const base = `/admin/api/inbox/tickets/${theirs.ticketId}`;
    const tries: Array<['GET' | 'POST', string, object?]> = [
      ['GET', base], ['GET', `${base}/phone`], ['POST', `${base}/read`], ['POST', `${base}/reply`, { text: 'Bonjour' }], ['POST', `${base}/template`],
      ['POST', `${base}/assign`, { staffId: w.coordinator.id }], ['POST', `${base}/notes`, { text: 'note' }], ['POST', `${base}/close`],
    ];
    for (const [method, url, payload] of tries) expect([method, url, (await asStaff(w.app, w.coordinator.token, method, url, payload)).statusCode]).toEqual([method, url, 404]);
    expect(await t.db.selectFrom('handoff_messages').select('id').where('ticket_id', '=', theirs.ticketId).execute()).toEqual([]);
    expect(await t.db.selectFrom('outbox').select('id').where('contact_id', '=', theirs.contactId).execute()).toEqual([]);
    const ticket = await t.db.selectFrom('handoff_tickets').select(['status', 'assigned_to']).where('id', '=', theirs.ticketId).executeTakeFirstOrThrow();
    expect(ticket).toEqual({ status: 'open', assigned_to: null });
  });
});

describe('working a ticket', () => {
  it('assigns to oneself, to a colleague, to nobody, never to another organisation’s staff; audited', async () => {
    const v = await villagerWaiting(t.db, w, { name: 'Salma Idrissi', channel: 'telegram' });
    const assign = (staffId: number | null) => asStaff(w.app, w.coordinator.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/assign`, { staffId });
    const holder = async () => (await list()).find((i) => i.id === v.ticketId)?.assignedTo;
    expect((await assign(w.coordinator.id)).statusCode).toBe(200);
    expect(await holder()).toEqual({ id: w.coordinator.id, name: 'Khadija Ouali' });
    expect((await assign(w.medical.id)).statusCode).toBe(200);
    expect(await holder()).toEqual({ id: w.medical.id, name: 'Dr Alami' });
    expect((await assign(w.stranger.id)).statusCode).toBe(404);
    expect(await holder()).toEqual({ id: w.medical.id, name: 'Dr Alami' });
    expect((await assign(null)).statusCode).toBe(200);
    expect(await holder()).toBeNull();
    const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'ticket.assign').where('entity_id', '=', String(v.ticketId)).orderBy('id').execute();
    expect(audit.map((a) => a.details)).toEqual([{ staffId: w.coordinator.id }, { staffId: w.medical.id }, { staffId: null }]);
  });

  it('keeps an internal note on the ticket, not in the chat', async () => {
    const v = await villagerWaiting(t.db, w, { name: 'Rachid Benali', channel: 'telegram' });
    const noted = await asStaff(w.app, w.medical.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/notes`, { text: 'Appelé, vient au centre de santé.' });
    expect(noted.statusCode).toBe(201);
    const shown = TicketDetailSchema.parse((await asStaff(w.app, w.coordinator.token, 'GET', `/admin/api/inbox/tickets/${v.ticketId}`)).json());
    expect(shown.timeline.filter((e) => e.author === 'note')).toEqual([expect.objectContaining({ text: 'Appelé, vient au centre de santé.', staff: 'Dr Alami', delivery: null })]);
    expect(await t.db.selectFrom('outbox').select('id').where('contact_id', '=', v.contactId).execute()).toEqual([]);
    expect(await t.db.selectFrom('audit_log').select('actor').where('action', '=', 'ticket.note').where('entity_id', '=', String(v.ticketId)).execute()).toEqual([{ actor: `staff:${w.medical.id}` }]);
  });

  it('masks the phone until asked for, and audits who asked', async () => {
    const v = await villagerWaiting(t.db, w, { name: 'Zineb Chraibi', channel: 'whatsapp' });
    const phone = (await t.db.selectFrom('contacts').select('phone_e164').where('id', '=', v.contactId).executeTakeFirstOrThrow()).phone_e164 ?? '';
    const shown = (await asStaff(w.app, w.coordinator.token, 'GET', `/admin/api/inbox/tickets/${v.ticketId}`)).body;
    expect(shown).not.toContain(phone);
    expect(shown).not.toContain(phone.slice(1));
    expect((await asStaff(w.app, w.coordinator.token, 'GET', `/admin/api/inbox/tickets/${v.ticketId}/phone`)).json()).toEqual({ phone });
    expect(await t.db.selectFrom('audit_log').select('actor').where('action', '=', 'ticket.phone_read').where('entity_id', '=', String(v.ticketId)).execute()).toEqual([{ actor: `staff:${w.coordinator.id}` }]);
  });
});

describe('unread tickets', () => {
  it('counts a ticket unread for each staff member until they open it, and again when the villager writes', async () => {
    const v = await villagerWaiting(t.db, w, { name: 'Meryem Lahlou', channel: 'telegram' });
    const before = await pulse();
    expect(before.unread).toBe(before.open);
    expect((await asStaff(w.app, w.coordinator.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/read`)).statusCode).toBe(200);
    expect((await pulse()).unread).toBe(before.unread - 1);
    // Another member's count is theirs.
    expect((await pulse(w.medical.token)).unread).toBe((await pulse(w.medical.token)).open);
    // Postgres stamps both the read and the message: its clock, not Node's, puts the read a minute earlier.
    await t.db.updateTable('handoff_reads').set({ read_at: sql<Date>`now() - interval '1 minute'` }).where('ticket_id', '=', v.ticketId).execute();
    await addTicketMessage(t.db, v.ticketId, 'Vous êtes là ?');
    expect((await pulse()).unread).toBe(before.unread);
    expect((await list()).find((i) => i.id === v.ticketId)).toMatchObject({ unread: true, lastText: 'Vous êtes là ?' });
  });

  it('streams the count and a new version when a ticket opens, without asking again', async () => {
    if (!w.app.server.listening) await w.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = w.app.server.address() as AddressInfo;
    let received = '';
    const request = httpRequest({ host: '127.0.0.1', port, path: '/admin/api/inbox/events', headers: { authorization: `Bearer ${w.coordinator.token}` } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (received += chunk));
    });
    request.end();
    const events = (): InboxPulse[] => received.split('\n\n').filter((b) => b.startsWith('event: inbox\n')).map((b) => InboxPulseSchema.parse(JSON.parse(b.split('\n').find((l) => l.startsWith('data: '))?.slice(6) ?? 'null')));
    try {
      await waitUntil(() => events().length === 1, 'the first inbox event');
      const first = events()[0];
      await villagerWaiting(t.db, w, { name: 'Nouvelle Personne', channel: 'telegram' });
      await waitUntil(() => events().length === 2, 'the event after a new ticket');
      const second = events()[1];
      expect(second?.open).toBe((first?.open ?? 0) + 1);
      expect(second?.unread).toBe((first?.unread ?? 0) + 1);
      expect(second?.version).not.toBe(first?.version);
      await waitUntil(() => received.includes('\n: ping\n'), 'a ping');
      expect(events()).toHaveLength(2);
    } finally {
      request.destroy();
    }
  });
});

describe('the header’s alert count', () => {
  it('counts the organisation’s post-operative alerts nobody has taken yet, for the header', async () => {
    const raise = async (slot: number, name: string) => {
      const v = await villagerWaiting(t.db, w, { name, channel: 'telegram', slot });
      const ap = await t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select(['a.id', 'a.campaign_id']).where('b.contact_id', '=', v.contactId).executeTakeFirstOrThrow();
      const row = await t.db.insertInto('staff_alerts').values({ kind: 'red_flag', appointment_id: ap.id, campaign_id: ap.campaign_id, details: JSON.stringify({ question: 'pain', answer: 3 }) }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    };
    const before = { ours: (await pulse()).alerts, theirs: (await pulse(w.stranger.token)).alerts };
    // Other windows than the one the inbox tests fill.
    const [ours, theirs] = await Promise.all([w.slot, w.otherSlot].map(async (slot) => {
      const { campaign_id } = await t.db.selectFrom('slots').select('campaign_id').where('id', '=', slot).executeTakeFirstOrThrow();
      return (await slotIds(t.db, campaign_id)).at(-1) ?? slot;
    }));
    const first = await raise(ours ?? w.slot, 'Brahim Oulad');
    const second = await raise(ours ?? w.slot, 'Ali Ouhaddou');
    await raise(theirs ?? w.otherSlot, 'Autre Patient');
    const raised = await pulse();
    expect(raised.alerts).toBe(before.ours + 2);
    expect((await pulse(w.medical.token)).alerts).toBe(raised.alerts);
    expect((await pulse(w.stranger.token)).alerts).toBe(before.theirs + 1);
    // Taken by someone, or resolved: no longer waiting.
    await t.db.updateTable('staff_alerts').set({ acknowledged_at: new Date(), acknowledged_by: w.medical.id }).where('id', '=', first).execute();
    await t.db.updateTable('staff_alerts').set({ resolved_at: new Date(), resolved_by: w.medical.id }).where('id', '=', second).execute();
    const after = await pulse();
    expect(after.alerts).toBe(before.ours);
  });
});
