// Which recording a message gets: only for a villager who asked for voice (or the language question, for
// everyone), in the message's locale, from the organisation the message belongs to; with the provider id
// kept for it while it is fresh.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { rememberVoiceMedia, setVoicePrompts, voiceForMessage } from '../../../src/domain/voice/index.ts';
import type { Locale } from '../../../src/db/tables.ts';
import { ensureOrganisation } from '../../support/fixtures.ts';
import { silentOpus } from '../../support/ogg-opus-writer.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

let t: TestDatabase;
const org = { a: 0, b: 0 };
let contactId = 0;
let outboxId = 0;

async function record(organisationId: number, key: string, locale: Locale): Promise<number> {
  const audio = silentOpus();
  const row = await t.db.insertInto('voice_prompts').values({ organisation_id: organisationId, message_key: key, locale, audio, mime: 'audio/ogg; codecs=opus', size_bytes: audio.length, duration_ms: 2_000 }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
const find = (key = 'menu:question', cacheMaxAgeMs?: number) => voiceForMessage(t.db, { outboxId, key, locale: 'ary', channel: 'telegram', account: '123', cacheMaxAgeMs });

beforeAll(async () => {
  t = await createTestDatabase();
  org.a = await ensureOrganisation(t.db, 'association-a');
  org.b = await ensureOrganisation(t.db, 'association-b');
  contactId = (await t.db.insertInto('contacts').values({ locale: 'ary' }).returning('id').executeTakeFirstOrThrow()).id;
  await t.db.insertInto('contact_identities').values({ channel: 'telegram', external_id: '9001', contact_id: contactId, last_inbound_at: null }).execute();
  // A reminder of association A's campaign: the row names its organisation.
  outboxId = (await t.db.insertInto('outbox').values({ contact_id: contactId, organisation_id: org.a, channel: 'telegram', recipient: '9001', kind: 'notification', payload: JSON.stringify({ text: 'x' }) }).returning('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t?.drop());
// Each test starts with no recording, no preference and no refusal.
beforeEach(async () => {
  await t.db.deleteFrom('voice_prompts').execute();
  await setVoicePrompts(t.db, contactId, false);
  await t.db.updateTable('contact_identities').set({ voice_refused_at: null }).execute();
});

describe('the recording a message gets', () => {
  it("is none before the villager asks for voice, then the message organisation's own", async () => {
    await record(org.b, 'menu:question', 'ary');
    expect(await find()).toBeUndefined();
    expect(await setVoicePrompts(t.db, contactId, true)).toBe(true);
    // Association B recorded the menu, but this message is A's.
    expect(await find()).toBeUndefined();
    const mine = await record(org.a, 'menu:question', 'ary');
    expect(await find()).toEqual({ promptId: mine, durationMs: 2_000 });
    expect(await find('register:dayQuestion')).toBeUndefined();
  });

  it('goes to everyone for the language question, where voice is chosen', async () => {
    await setVoicePrompts(t.db, contactId, false);
    const language = await record(org.a, 'language:question', 'ary');
    await record(org.a, 'menu:question', 'ary');
    expect(await find('language:question')).toMatchObject({ promptId: language });
    expect(await find('menu:question')).toBeUndefined();
  });

  it('carries the provider id while it is younger than the channel allows', async () => {
    const promptId = await record(org.a, 'menu:question', 'ary');
    await setVoicePrompts(t.db, contactId, true);
    await rememberVoiceMedia(t.db, promptId, 'telegram', '123', 'file-abc');
    expect(await find()).toMatchObject({ cachedId: 'file-abc' });
    expect(await voiceForMessage(t.db, { outboxId, key: 'menu:question', locale: 'ary', channel: 'telegram', account: 'another-bot' })).not.toHaveProperty('cachedId');
    await sql`update voice_prompt_media set uploaded_at = now() - interval '26 days'`.execute(t.db);
    expect(await find('menu:question', 25 * 24 * 3_600_000)).not.toHaveProperty('cachedId');
    expect(await find('menu:question')).toMatchObject({ cachedId: 'file-abc' });
  });

  it('is none on a chat that refused voice notes', async () => {
    await record(org.a, 'menu:question', 'ary');
    await setVoicePrompts(t.db, contactId, true);
    expect(await find()).toBeDefined();
    await t.db.updateTable('contact_identities').set({ voice_refused_at: new Date() }).where('external_id', '=', '9001').execute();
    expect(await find()).toBeUndefined();
  });

  it('cannot be switched for a contact that does not exist', async () => {
    expect(await setVoicePrompts(t.db, contactId + 1000, true)).toBe(false);
  });
});
