// The inbox on WhatsApp Cloud, end to end over HTTP: a villager asks for a person through the signed
// webhook, staff answer in the chat within 24 hours (a text reaches the Graph API); after 24 hours of the
// villager's silence a free text is refused and the approved template goes instead; once the villager
// writes back, free text goes again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TicketDetailSchema } from '../../src/http/console/inbox.schemas.ts';
import { incoming, startCloudService, type CloudService } from '../support/cloud-service.ts';
import { addTestStaff } from '../support/fixtures.ts';

const HOUR = 3_600_000;
const FROM = '212600004401';
let s: CloudService;
let coordinator: string;
let admin: string;
beforeAll(async () => {
  s = await startCloudService();
  coordinator = (await addTestStaff(s.t.db, { name: 'Khadija Ouali', role: 'coordinator' })).token;
  admin = (await addTestStaff(s.t.db, { name: 'Plateforme', role: 'admin' })).token;
});
afterAll(async () => s?.close());

const as = (token: string, method: 'GET' | 'POST', url: string, payload?: object) => s.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
const say = async (fields: Record<string, unknown>) => {
  expect((await s.postSigned(incoming(FROM, fields))).statusCode).toBe(200);
  await s.settle();
};
const button = (id: string) => say({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title: id } } });

describe('answering a WhatsApp villager from the inbox', () => {
  it('sends free text within 24 hours, refuses it after, sends the template, and takes free text again once they write', async () => {
    await say({ type: 'text', text: { body: 'Bonjour' } });
    await button('accept');
    await say({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'person', title: 'Une personne' } } });
    // A villager who booked nothing yet belongs to no organisation: the platform admin routes the ticket.
    const ticket = await s.t.db.selectFrom('handoff_tickets').select('id').where('status', '=', 'open').executeTakeFirstOrThrow();
    expect((await as(admin, 'POST', `/admin/api/unrouted-tickets/${ticket.id}/route`, { organisation: 'test-association' })).statusCode).toBe(200);
    await say({ type: 'text', text: { body: 'Ma mère a mal aux yeux depuis la visite' } });

    const shown = TicketDetailSchema.parse((await as(coordinator, 'GET', `/admin/api/inbox/tickets/${ticket.id}`)).json());
    expect(shown.timeline.filter((e) => e.author === 'villager').map((e) => e.text)).toEqual(['Ma mère a mal aux yeux depuis la visite']);
    expect(shown.freeTextAllowed).toBe(true);

    const before = s.graph.messages(FROM).length;
    expect((await as(coordinator, 'POST', `/admin/api/inbox/tickets/${ticket.id}/reply`, { text: 'Bonjour, amenez-la au centre de santé demain matin.' })).statusCode).toBe(201);
    const [text] = (await s.graph.waitFor(before + 1, FROM)).slice(before);
    expect(text).toMatchObject({ type: 'text', text: { body: 'Bonjour, amenez-la au centre de santé demain matin.' } });

    s.clock.advance(25 * HOUR);
    const refused = await as(coordinator, 'POST', `/admin/api/inbox/tickets/${ticket.id}/reply`, { text: 'Comment va-t-elle ?' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ refused: 'window_closed' });
    const template = await as(coordinator, 'POST', `/admin/api/inbox/tickets/${ticket.id}/template`);
    expect(template.statusCode).toBe(201);
    const [sent] = (await s.graph.waitFor(before + 2, FROM)).slice(before + 1);
    expect(sent).toMatchObject({ type: 'template', template: { name: 'qafila_notice', language: { code: 'fr' } } });
    expect(s.graph.messages(FROM).some((m) => JSON.stringify(m).includes('Comment va-t-elle'))).toBe(false);

    // They answer the template: the window opens again, and what they wrote goes to the ticket, unanswered by the bot.
    const beforeAnswer = s.graph.messages(FROM).length;
    await say({ type: 'text', text: { body: 'Oui, elle va mieux' } });
    expect(s.graph.messages(FROM)).toHaveLength(beforeAnswer);
    expect((await as(coordinator, 'POST', `/admin/api/inbox/tickets/${ticket.id}/reply`, { text: 'Tant mieux !' })).statusCode).toBe(201);
    await s.graph.waitFor(beforeAnswer + 1, FROM);
  }, 60_000);
});
