// A villager's voice note on WhatsApp Cloud API: the signed webhook names a media id, the service asks the
// local Graph API for its URL and downloads it with the bearer token at once, and a person gets it on a ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { incoming, startCloudService, type CloudService } from '../support/cloud-service.ts';
import { oggOpusSilence } from '../support/ogg-opus.ts';
import { voiceNotesOf } from '../support/voice-rows.ts';

let service: CloudService;
const tr = createTranslator(loadResources());
beforeAll(async () => {
  service = await startCloudService();
}, 30_000);
afterAll(async () => service?.close());

/** A villager who accepted the notice, in French. */
async function consented(from: string) {
  await service.postSigned(incoming(from, { type: 'text', text: { body: 'Bonjour' } }));
  await service.settle();
  await service.postSigned(incoming(from, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'accept', title: "J'accepte" } } }));
  await service.settle();
}
const lastText = (from: string) => (service.graph.messages(from).at(-1) as { text?: { body: string } } | undefined)?.text?.body;

describe('a voice note on WhatsApp Cloud API', () => {
  it('is fetched from the Graph API on receipt and kept on a new ticket whose reason is the voice', async () => {
    const from = '212600000701';
    await consented(from);
    const audio = oggOpusSilence(3);
    service.graph.addMedia('media-voice-1', audio, 'audio/ogg; codecs=opus');
    const answer = await service.postSigned(incoming(from, { type: 'audio', audio: { id: 'media-voice-1', mime_type: 'audio/ogg; codecs=opus', voice: true } }));
    expect(answer.statusCode).toBe(200);
    // Both calls were made while the webhook was answered: the URL expires within minutes.
    expect(service.graph.mediaRequests).toEqual(['GET /media-voice-1', 'download media-voice-1']);
    await service.settle();
    const { tickets, notes } = await voiceNotesOf(service.t.db, 'whatsapp', from);
    expect(tickets).toEqual([expect.objectContaining({ reason: 'voice', status: 'open' })]);
    expect(notes).toEqual([expect.objectContaining({ ticket_id: tickets[0]?.id, channel: 'whatsapp', provider_media_id: 'media-voice-1', mime_type: 'audio/ogg; codecs=opus', size_bytes: audio.length, failure: null, text: '[voice]' })]);
    expect(Buffer.compare(notes[0]?.audio ?? Buffer.alloc(0), audio)).toBe(0);
    expect(lastText(from)).toBe(tr('fr', 'handoff:voiceHeard'));
  });

  it('downloads a voice note Meta sends again only once', async () => {
    const from = '212600000704';
    await consented(from);
    service.graph.addMedia('media-twice', oggOpusSilence(1), 'audio/ogg; codecs=opus');
    const webhook = incoming(from, { type: 'audio', audio: { id: 'media-twice', mime_type: 'audio/ogg; codecs=opus', voice: true } });
    await service.postSigned(webhook);
    await service.postSigned(webhook);
    await service.settle();
    expect(service.graph.mediaRequests.filter((r) => r.endsWith('media-twice'))).toEqual(['GET /media-twice', 'download media-twice']);
    expect((await voiceNotesOf(service.t.db, 'whatsapp', from)).notes).toHaveLength(1);
  });

  it('still opens the ticket, with the reason, when the media id has expired', async () => {
    const from = '212600000702';
    await consented(from);
    await service.postSigned(incoming(from, { type: 'audio', audio: { id: 'media-gone', mime_type: 'audio/ogg; codecs=opus', voice: true } }));
    await service.settle();
    const { tickets, notes } = await voiceNotesOf(service.t.db, 'whatsapp', from);
    expect(tickets).toEqual([expect.objectContaining({ reason: 'voice', status: 'open' })]);
    expect(notes).toEqual([expect.objectContaining({ provider_media_id: 'media-gone', audio: null, failure: 'expired', text: '[voice]' })]);
    expect(lastText(from)).toBe(tr('fr', 'handoff:voiceLost'));
  });

  it('refuses audio over WhatsApp\'s 16 MB without keeping it, and says so on the ticket', async () => {
    const from = '212600000703';
    await consented(from);
    service.graph.addMedia('media-huge', Buffer.alloc(16 * 1024 * 1024 + 1), 'audio/mpeg');
    await service.postSigned(incoming(from, { type: 'audio', audio: { id: 'media-huge', mime_type: 'audio/mpeg' } }));
    await service.settle();
    const { notes } = await voiceNotesOf(service.t.db, 'whatsapp', from);
    expect(notes).toEqual([expect.objectContaining({ audio: null, size_bytes: null, failure: 'too_big' })]);
  });
});
