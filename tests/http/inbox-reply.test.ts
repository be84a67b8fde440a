// Staff answer a villager from the inbox: the text goes into the outbox for the villager's own chat and is
// queued on the replies' lane; on WhatsApp after 24 hours of silence free text is refused and the approved
// template goes instead; closing tells the villager in their language and gives them back to the bot.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TicketDetailSchema } from '../../src/http/console/inbox.schemas.ts';
import { asStaff, inboxWorld, villagerWaiting, type InboxWorld } from '../support/inbox-world.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { deleteKeys } from '../support/test-redis.ts';

const HOUR = 3_600_000;
let t: TestDatabase;
let w: InboxWorld;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await inboxWorld(t.db);
});
afterAll(async () => {
  await w?.app.close();
  await w?.queues.close();
  await t?.drop();
  if (w) await deleteKeys(w.prefix);
});

const outboxRow = (id: number) => t.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const detail = async (ticketId: number, token = w.coordinator.token) => TicketDetailSchema.parse((await asStaff(w.app, token, 'GET', `/admin/api/inbox/tickets/${ticketId}`)).json());
const audited = (action: string, ticketId: number) =>
  t.db.selectFrom('audit_log').select(['actor', 'details']).where('action', '=', action).where('entity_id', '=', String(ticketId)).execute();

describe('answering in the chat', () => {
  it('writes the answer to the outbox for the villager’s Telegram chat, queues it, keeps it on the ticket and audits it', async () => {
    const v = await villagerWaiting(t.db, w, { name: 'Fatima Zahra', channel: 'telegram', text: 'Je veux parler à quelqu’un' });
    const answer = await asStaff(w.app, w.coordinator.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/reply`, { text: 'Bonjour Fatima, je suis Khadija.' });
    expect(answer.statusCode).toBe(201);
    const { outboxId } = answer.json<{ outboxId: number }>();
    const row = await outboxRow(outboxId);
    expect(row).toMatchObject({ contact_id: v.contactId, channel: 'telegram', recipient: v.externalId, kind: 'reply', status: 'pending' });
    expect(row.payload).toEqual({ text: 'Bonjour Fatima, je suis Khadija.' });
    // On the replies' lane, not behind a broadcast.
    expect((await w.queues.heldIds('telegram')).has(outboxId)).toBe(true);
    expect((await w.queues.heldIds('telegram', { bulk: true })).has(outboxId)).toBe(false);
    expect(await audited('ticket.reply', v.ticketId)).toEqual([{ actor: `staff:${w.coordinator.id}`, details: { outboxId } }]);

    const staffLine = (await detail(v.ticketId)).timeline.find((e) => e.author === 'staff');
    expect(staffLine).toMatchObject({ text: 'Bonjour Fatima, je suis Khadija.', staff: 'Khadija Ouali', delivery: 'queued' });
    // The channel's receipts move the state staff see.
    await t.db.updateTable('outbox').set({ status: 'sent', sent_at: sql<Date>`now()`, delivered_at: sql<Date>`now()` }).where('id', '=', outboxId).execute();
    expect((await detail(v.ticketId)).timeline.find((e) => e.author === 'staff')?.delivery).toBe('delivered');
    await t.db.updateTable('outbox').set({ read_at: sql<Date>`now()` }).where('id', '=', outboxId).execute();
    expect((await detail(v.ticketId)).timeline.find((e) => e.author === 'staff')?.delivery).toBe('read');
  });

  it('lets medical staff answer too, and refuses an empty text', async () => {
    const v = await villagerWaiting(t.db, w, { name: 'Hassan Amrani', channel: 'telegram' });
    expect((await asStaff(w.app, w.medical.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/reply`, { text: 'Le médecin vous rappelle.' })).statusCode).toBe(201);
    expect((await asStaff(w.app, w.medical.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/reply`, { text: '   ' })).statusCode).toBe(400);
  });
});

describe('the WhatsApp 24-hour rule', () => {
  it('takes free text within 24 hours of the villager’s last message', async () => {
    const v = await villagerWaiting(t.db, w, { name: 'Aicha Bennani', channel: 'whatsapp', silentMs: 23 * HOUR });
    expect((await detail(v.ticketId)).freeTextAllowed).toBe(true);
    const answer = await asStaff(w.app, w.coordinator.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/reply`, { text: 'Votre rendez-vous tient toujours.' });
    expect(answer.statusCode).toBe(201);
    expect((await outboxRow(answer.json<{ outboxId: number }>().outboxId)).recipient).toBe(v.externalId);
  });

  it('refuses free text after 24 hours, says why, offers the template in the villager’s language and sends it', async () => {
    const v = await villagerWaiting(t.db, w, { name: 'Omar El Fassi', channel: 'whatsapp', silentMs: 25 * HOUR });
    const before = await t.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).where('contact_id', '=', v.contactId).executeTakeFirstOrThrow();
    const refused = await asStaff(w.app, w.coordinator.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/reply`, { text: 'Bonjour Omar' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ refused: 'window_closed', error: expect.stringMatching(/24 hours.*template/) });
    const after = await t.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).where('contact_id', '=', v.contactId).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    const shown = await detail(v.ticketId);
    expect(shown.freeTextAllowed).toBe(false);
    expect(shown.templateText).toBe(w.t('fr', 'handoff:staffWaiting'));
    const sent = await asStaff(w.app, w.coordinator.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/template`);
    expect(sent.statusCode).toBe(201);
    const row = await outboxRow(sent.json<{ outboxId: number }>().outboxId);
    expect(row.payload).toEqual({ text: w.t('fr', 'handoff:staffWaiting'), template: { params: [w.t('fr', 'handoff:staffWaiting')] } });
    expect(await audited('ticket.template', v.ticketId)).toHaveLength(1);
  });

  it('counts the 24 hours on the service’s clock', async () => {
    const v = await villagerWaiting(t.db, w, { name: 'Salma Idrissi', channel: 'whatsapp', silentMs: 23 * HOUR });
    expect((await detail(v.ticketId)).freeTextAllowed).toBe(true);
    w.clock.advance(2 * HOUR);
    expect((await detail(v.ticketId)).freeTextAllowed).toBe(false);
    expect((await asStaff(w.app, w.coordinator.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/reply`, { text: 'Bonjour' })).statusCode).toBe(409);
  });

  it('says no template is set up for a language that has none, and sends nothing', async () => {
    const v = await villagerWaiting(t.db, w, { name: 'Youssef Naciri', channel: 'whatsapp', locale: 'ar', silentMs: 30 * HOUR });
    expect((await detail(v.ticketId)).templateText).toBeNull();
    const refused = await asStaff(w.app, w.coordinator.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/template`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ refused: 'no_template' });
  });
});

describe('closing a ticket', () => {
  it('tells the villager in their language, gives them back to the bot, audits, and closes once', async () => {
    const v = await villagerWaiting(t.db, w, { name: 'Nadia Tazi', channel: 'telegram', locale: 'ary' });
    const closed = await asStaff(w.app, w.coordinator.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toEqual({ closed: true, told: true });
    const notice = await t.db.selectFrom('outbox').select(['id', 'payload', 'recipient']).where('contact_id', '=', v.contactId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(notice.payload).toMatchObject({ text: w.t('ary', 'handoff:closedByStaff') });
    expect(notice.recipient).toBe(v.externalId);
    expect((await w.queues.heldIds('telegram')).has(notice.id)).toBe(true);
    const state = await t.db.selectFrom('conversations').select(sql<string>`state->>'step'`.as('step')).where('contact_id', '=', v.contactId).executeTakeFirstOrThrow();
    expect(state.step).toBe('menu');
    expect(await audited('ticket.close', v.ticketId)).toHaveLength(1);
    expect((await asStaff(w.app, w.coordinator.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/close`)).statusCode).toBe(404);
    expect((await asStaff(w.app, w.coordinator.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/reply`, { text: 'encore' })).statusCode).toBe(404);
  });

  it('tells nothing to a villager who said STOP', async () => {
    const v = await villagerWaiting(t.db, w, { name: 'Karim Alaoui', channel: 'telegram' });
    await t.db.updateTable('contacts').set({ opted_out_at: w.clock.now() }).where('id', '=', v.contactId).execute();
    expect((await asStaff(w.app, w.coordinator.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/reply`, { text: 'Bonjour' })).json()).toMatchObject({ refused: 'opted_out' });
    const closed = await asStaff(w.app, w.coordinator.token, 'POST', `/admin/api/inbox/tickets/${v.ticketId}/close`);
    expect(closed.json()).toEqual({ closed: true, told: false });
    expect(await t.db.selectFrom('outbox').select('id').where('contact_id', '=', v.contactId).execute()).toEqual([]);
  });
});
