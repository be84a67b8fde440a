// A picture: the bot says it reads only text, and a person is told, on a ticket whose reason is the media
// (or on the ticket already open). A voice note: a person will listen, on a ticket whose reason is the voice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { conversationDeps, Villager } from '../support/conversation-harness.ts';
import { oggOpusSilence } from '../support/ogg-opus.ts';
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
  it('opens a ticket for a person with the picture as its reason, and adds the next one to it', async () => {
    const v = new Villager(conversationDeps(t.db), '+212612009901');
    await v.onboard('fr');
    const replies = await v.send({ media: 'image' });
    expect(replies[0]?.text).toBe(tr('fr', 'common:cannotRead'));
    expect(await ticketsOf('+212612009901')).toEqual([expect.objectContaining({ reason: 'media', status: 'open', texts: ['[image]'] })]);
    await v.send({ media: 'voice' });
    expect(await ticketsOf('+212612009901')).toEqual([expect.objectContaining({ reason: 'media', texts: ['[image]', '[voice]'] })]);
  });

  it('opens a ticket whose reason is the voice, and tells the villager a person will listen, with the menu’s number', async () => {
    const v = new Villager(conversationDeps(t.db), '+212612009903');
    await v.onboard('ary');
    const replies = await v.send({ media: 'voice', voice: { providerMediaId: 'file-1', audio: oggOpusSilence(1) } });
    expect(replies.map((r) => r.text)).toEqual([tr('ary', 'handoff:voiceHeard')]);
    expect(replies[0]?.text).toContain('0');
    expect(await ticketsOf('+212612009903')).toEqual([expect.objectContaining({ reason: 'voice', status: 'open', texts: ['[voice]'] })]);
    // The menu's number takes them back.
    await v.send('0');
    expect(v.lastChoices().length).toBeGreaterThan(3);
  });

  it('sends the recordings too to a villager who only speaks: two voice notes with no written word between', async () => {
    const voicePrompts = async (externalId: string) =>
      (await t.db.selectFrom('contacts').innerJoin('contact_identities as i', 'i.contact_id', 'contacts.id').select('contacts.voice_prompts').where('i.external_id', '=', externalId).executeTakeFirstOrThrow()).voice_prompts;
    const note = { media: 'voice' as const, voice: { providerMediaId: 'file-2', audio: oggOpusSilence(1) } };
    const speaker = new Villager(conversationDeps(t.db), '+212612009916');
    await speaker.onboard('ary');
    await speaker.send(note);
    expect(await voicePrompts('+212612009916')).toBe(false);
    const second = await speaker.send(note);
    expect(second.map((r) => r.text)).toEqual([tr('ary', 'handoff:voiceHeard'), tr('ary', 'language:voiceOnDone')]);
    expect(await voicePrompts('+212612009916')).toBe(true);
    // A villager who writes between two voice notes reads: nothing changes.
    const writer = new Villager(conversationDeps(t.db), '+212612009917');
    await writer.onboard('fr');
    await writer.send(note);
    await writer.send('merci');
    expect((await writer.send(note)).map((r) => r.text)).toEqual([tr('fr', 'handoff:voiceHeard')]);
    expect(await voicePrompts('+212612009917')).toBe(false);
  });

  it('says a person will write when the channel could not hand over the audio', async () => {
    const v = new Villager(conversationDeps(t.db), '+212612009904');
    await v.onboard('ar');
    const replies = await v.send({ media: 'voice', voice: { providerMediaId: 'gone', failure: 'expired' } });
    expect(replies.map((r) => r.text)).toEqual([tr('ar', 'handoff:voiceLost')]);
    expect(await ticketsOf('+212612009904')).toEqual([expect.objectContaining({ reason: 'voice', texts: ['[voice]'] })]);
  });

  it('says a person will write when the channel handed over no audio at all', async () => {
    const v = new Villager(conversationDeps(t.db), '+212612009905');
    await v.onboard('fr');
    expect((await v.send({ media: 'voice' })).map((r) => r.text)).toEqual([tr('fr', 'handoff:voiceLost')]);
  });

  it('keeps a voice note on the ticket without a word while a person holds the conversation', async () => {
    const v = new Villager(conversationDeps(t.db), '+212612009906');
    await v.onboard('fr');
    await v.send('je veux parler à quelqu’un');
    const audio = oggOpusSilence(1, { serial: 9906 });
    expect(await v.send({ media: 'voice', voice: { providerMediaId: 'file-held', mimeType: 'audio/ogg', audio } })).toEqual([]);
    const [ticket] = await ticketsOf('+212612009906');
    expect(ticket).toMatchObject({ reason: 'asked', status: 'open' });
    const notes = await t.db.selectFrom('voice_notes').select(['ticket_id', 'audio']).where('provider_media_id', '=', 'file-held').execute();
    expect(notes.map((n) => [n.ticket_id, n.audio?.length])).toEqual([[ticket?.id, audio.length]]);
  });

  it('opens no ticket before the villager accepted the notice (nothing of theirs is kept yet)', async () => {
    const v = new Villager(conversationDeps(t.db), '+212612009902');
    await v.send('Salam');
    await v.send({ media: 'voice', voice: { providerMediaId: 'early', audio: Buffer.from('OggS') } });
    expect(await ticketsOf('+212612009902')).toEqual([]);
    expect(await t.db.selectFrom('voice_notes').select('id').where('provider_media_id', '=', 'early').execute()).toEqual([]);
  });
});
