// A voice note or a picture: the bot says it reads only text, and a person is told, on a ticket whose
// reason is the media (or on the ticket already open), since staff can listen or look where the bot cannot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { conversationDeps, Villager } from '../support/conversation-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const tr = createTranslator(loadResources());
const ticketsOf = (externalId: string) =>
  t.db
    .selectFrom('handoff_tickets as h')
    .innerJoin('contact_identities as i', 'i.contact_id', 'h.contact_id')
    .select(['h.id', 'h.reason', 'h.status', (eb) => eb.selectFrom('handoff_messages as m').select((m) => m.fn.agg<string[]>('array_agg', ['m.text']).as('texts')).whereRef('m.ticket_id', '=', 'h.id').as('texts')])
    .where('i.external_id', '=', externalId)
    .execute();

describe('a voice note or a picture', () => {
  it('opens a ticket for a person with the media as its reason, and adds the next one to it', async () => {
    const v = new Villager(conversationDeps(t.db), '+212612009901');
    await v.onboard('fr');
    const replies = await v.send({ media: 'voice' });
    expect(replies[0]?.text).toBe(tr('fr', 'common:cannotRead'));
    expect(await ticketsOf('+212612009901')).toEqual([expect.objectContaining({ reason: 'media', status: 'open', texts: ['[voice]'] })]);
    await v.send({ media: 'image' });
    expect(await ticketsOf('+212612009901')).toEqual([expect.objectContaining({ reason: 'media', texts: ['[voice]', '[image]'] })]);
  });

  it('opens no ticket before the villager accepted the notice (nothing of theirs is kept yet)', async () => {
    const v = new Villager(conversationDeps(t.db), '+212612009902');
    await v.send('Salam');
    await v.send({ media: 'voice' });
    expect(await ticketsOf('+212612009902')).toEqual([]);
  });
});
