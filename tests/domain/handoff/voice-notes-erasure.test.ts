// A villager's voice is personal data: erasing the villager erases their voice notes, audio and all, and
// the retention job removes those of tickets closed longer ago than the retention period.
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseContact } from '../../../src/domain/contacts/erasure.ts';
import { runRetention } from '../../../src/retention/index.ts';
import { makeOld } from '../../support/aged-rows.ts';
import { conversationDeps, Villager } from '../../support/conversation-harness.ts';
import { oggOpusSilence } from '../../support/ogg-opus.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { voiceNotesOf } from '../../support/voice-rows.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

/** Whether any stored audio holds these bytes (a serial makes each file unique). */
const stored = async (audio: Buffer) => {
  const row = await sql<{ n: number }>`select count(*)::int as n from voice_notes where audio is not null and position(${audio} in audio) > 0`.execute(t.db);
  return row.rows[0]?.n ?? 0;
};

/** A villager who sent a voice note, its audio kept. */
async function villagerWithVoice(phone: string, serial: number) {
  const v = new Villager(conversationDeps(t.db), phone);
  await v.onboard('fr');
  const audio = oggOpusSilence(2, { serial });
  await v.send({ media: 'voice', voice: { providerMediaId: `file-${serial}`, mimeType: 'audio/ogg', audio } });
  return { v, audio };
}

describe('voice notes and erasure', () => {
  it('erasing the villager deletes their voice notes and the audio bytes', async () => {
    const { audio } = await villagerWithVoice('+212612007701', 7701);
    const other = await villagerWithVoice('+212612007702', 7702);
    const before = await voiceNotesOf(t.db, 'terminal', '+212612007701');
    expect(before.notes).toHaveLength(1);
    expect(await stored(audio)).toBe(1);
    await t.db.transaction().execute((trx) => eraseContact(trx, { actor: { kind: 'staff', id: 1 }, channel: 'staff', today: '2026-12-01' }, before.contactId, conversationDeps(t.db).booking));
    expect(await t.db.selectFrom('voice_notes').select('id').where('contact_id', '=', before.contactId).execute()).toEqual([]);
    expect(await stored(audio)).toBe(0);
    // Another villager's voice stays.
    expect(await stored(other.audio)).toBe(1);
  });

  it('erasure asked in the chat deletes the voice notes too', async () => {
    const { v, audio } = await villagerWithVoice('+212612007703', 7703);
    expect(await stored(audio)).toBe(1);
    await v.send('supprimer mes données');
    await v.send('1');
    expect(await stored(audio)).toBe(0);
  });

  it('the retention job deletes voice notes of tickets closed past the retention period, and keeps the others', async () => {
    const old = await villagerWithVoice('+212612007704', 7704);
    const openOne = await villagerWithVoice('+212612007705', 7705);
    const recent = await villagerWithVoice('+212612007706', 7706);
    const ticketOf = async (phone: string) => (await voiceNotesOf(t.db, 'terminal', phone)).tickets[0]?.id ?? 0;
    const oldTicket = await ticketOf('+212612007704');
    const recentTicket = await ticketOf('+212612007706');
    await t.db.updateTable('handoff_tickets').set({ status: 'closed', closed_at: sql<Date>`now()` }).where('id', 'in', [oldTicket, recentTicket]).execute();
    await makeOld(t.db, { table: 'handoff_tickets', columns: ['closed_at'], ids: [oldTicket] }, 200);
    const report = await runRetention(t.db, { retentionDays: 180 }, pino({ level: 'silent' }));
    expect(report).toMatchObject({ ran: true, voice_notes: 1 });
    expect(await stored(old.audio)).toBe(0);
    expect(await stored(openOne.audio)).toBe(1);
    expect(await stored(recent.audio)).toBe(1);
  });
});
