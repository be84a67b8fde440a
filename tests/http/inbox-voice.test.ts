// A villager's voice note in the inbox: the ticket's line carries it, its audio is served to the ticket's
// organisation only (another's answers 404, as if it did not exist), with its type and byte ranges for the
// player, and a listen is audited once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTicketMessage } from '../../src/domain/handoff/handoff-tickets.ts';
import { storeVoiceNote } from '../../src/domain/handoff/voice-notes.ts';
import { TicketDetailSchema } from '../../src/http/console/inbox.schemas.ts';
import { asStaff, inboxWorld, villagerWaiting, type InboxWorld } from '../support/inbox-world.ts';
import { oggOpusSilence } from '../support/ogg-opus.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { deleteKeys } from '../support/test-redis.ts';

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

async function villagerWithVoice(name: string, slot = w.slot) {
  const v = await villagerWaiting(t.db, w, { name, channel: 'telegram', reason: 'voice', slot });
  const audio = oggOpusSilence(2);
  const messageId = await addTicketMessage(t.db, v.ticketId, '[voice]');
  const id = await storeVoiceNote(t.db, { ticketId: v.ticketId, messageId, contactId: v.contactId }, { channel: 'telegram', providerMediaId: `file-${name}`, mimeType: 'audio/ogg', durationSeconds: 2, audio });
  return { ...v, audio, voiceId: id };
}
const audits = (voiceId: number) => t.db.selectFrom('audit_log').select(['action', 'actor', 'details']).where('action', '=', 'ticket.voice_played').execute().then((rows) => rows.filter((r) => (r.details as { voiceNote?: number }).voiceNote === voiceId));

describe('a voice note in the inbox', () => {
  it('shows on the ticket’s line with its type and length, and plays whole with its content type', async () => {
    const v = await villagerWithVoice('Fatima Zahra');
    const detail = TicketDetailSchema.parse((await asStaff(w.app, w.coordinator.token, 'GET', `/admin/api/inbox/tickets/${v.ticketId}`)).json());
    expect(detail.reason).toBe('voice');
    expect(detail.timeline.find((e) => e.voice)).toMatchObject({ author: 'villager', text: '[voice]', voice: { id: v.voiceId, mimeType: 'audio/ogg', sizeBytes: v.audio.length, durationSeconds: 2, failure: null } });
    const played = await asStaff(w.app, w.coordinator.token, 'GET', `/admin/api/inbox/voice-notes/${v.voiceId}`);
    expect(played.statusCode).toBe(200);
    expect(played.headers['content-type']).toBe('audio/ogg');
    expect(played.headers['accept-ranges']).toBe('bytes');
    expect(Buffer.compare(played.rawPayload, v.audio)).toBe(0);
    expect(await audits(v.voiceId)).toEqual([expect.objectContaining({ action: 'ticket.voice_played', actor: `staff:${w.coordinator.id}` })]);
  });

  it('answers byte ranges for seeking, auditing the listen once, and 416 past the end', async () => {
    const v = await villagerWithVoice('Hassan Amrani');
    const get = (range: string) => w.app.inject({ method: 'GET', url: `/admin/api/inbox/voice-notes/${v.voiceId}`, headers: { authorization: `Bearer ${w.medical.token}`, range } });
    const first = await get('bytes=0-9');
    expect([first.statusCode, first.headers['content-range'], first.rawPayload.length]).toEqual([206, `bytes 0-9/${v.audio.length}`, 10]);
    expect(Buffer.compare(first.rawPayload, v.audio.subarray(0, 10))).toBe(0);
    const rest = await get('bytes=10-');
    expect([rest.statusCode, rest.headers['content-range']]).toEqual([206, `bytes 10-${v.audio.length - 1}/${v.audio.length}`]);
    expect(Buffer.compare(rest.rawPayload, v.audio.subarray(10))).toBe(0);
    const tail = await get('bytes=-5');
    expect(Buffer.compare(tail.rawPayload, v.audio.subarray(-5))).toBe(0);
    expect((await get(`bytes=${v.audio.length}-`)).statusCode).toBe(416);
    expect(await audits(v.voiceId)).toHaveLength(1);
  });

  it('answers 404 to another organisation’s staff, as if it did not exist, and nothing to the desk', async () => {
    const v = await villagerWithVoice('Aicha Bennani');
    const stranger = await asStaff(w.app, w.stranger.token, 'GET', `/admin/api/inbox/voice-notes/${v.voiceId}`);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.body).not.toContain('Ogg');
    expect((await asStaff(w.app, w.stranger.token, 'GET', `/admin/api/inbox/voice-notes/999999`)).statusCode).toBe(404);
    expect((await asStaff(w.app, w.desk, 'GET', `/admin/api/inbox/voice-notes/${v.voiceId}`)).statusCode).toBe(403);
    expect((await w.app.inject({ method: 'GET', url: `/admin/api/inbox/voice-notes/${v.voiceId}` })).statusCode).toBe(401);
    expect(await audits(v.voiceId)).toEqual([]);
  });

  it('shows why a voice note did not arrive, and has no audio to serve for it', async () => {
    const v = await villagerWaiting(t.db, w, { name: 'Zineb Alaoui', channel: 'whatsapp', reason: 'voice' });
    const messageId = await addTicketMessage(t.db, v.ticketId, '[voice]');
    const id = await storeVoiceNote(t.db, { ticketId: v.ticketId, messageId, contactId: v.contactId }, { channel: 'whatsapp', providerMediaId: 'media-gone', mimeType: 'audio/ogg', failure: 'expired' });
    const detail = TicketDetailSchema.parse((await asStaff(w.app, w.coordinator.token, 'GET', `/admin/api/inbox/tickets/${v.ticketId}`)).json());
    expect(detail.timeline.find((e) => e.voice)?.voice).toEqual({ id, mimeType: 'audio/ogg', sizeBytes: null, durationSeconds: null, failure: 'expired' });
    expect((await asStaff(w.app, w.coordinator.token, 'GET', `/admin/api/inbox/voice-notes/${id}`)).statusCode).toBe(404);
  });

  it('is served to the other organisation’s staff once their own villager’s ticket holds it', async () => {
    const v = await villagerWithVoice('Autre Personne', w.otherSlot);
    expect((await asStaff(w.app, w.stranger.token, 'GET', `/admin/api/inbox/voice-notes/${v.voiceId}`)).statusCode).toBe(200);
    expect((await asStaff(w.app, w.coordinator.token, 'GET', `/admin/api/inbox/voice-notes/${v.voiceId}`)).statusCode).toBe(404);
  });
});
