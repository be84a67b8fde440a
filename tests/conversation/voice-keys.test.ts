// The replies of the main path name the message their recording says, in the villager's locale, so that
// delivery can send it first; the reminder too. Messages off that path name none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { reminderReply } from '../../src/scheduling/reminder-message.ts';
import { VOICE_PROMPT_KEYS } from '../../src/domain/voice/voice-keys.ts';
import { addDays, bookEyeConsultation, conversationDeps, seedConversationCampaigns, START_DAY, Villager } from '../support/conversation-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

describe('the voice a reply names', () => {
  it('is the key of each question of a booking, and of its confirmation, in Darija', async () => {
    const v = new Villager(conversationDeps(t.db), '+212600000901');
    await v.onboard('ary');
    await bookEyeConsultation(v, { name: 'Fatima Zahra', sex: 'female', age: 52, day: addDays(START_DAY, 13) });
    const named = v.all.flatMap((r) => (r.voice ? [`${r.voice.key} ${r.voice.locale}`] : []));
    expect(new Set(named)).toEqual(new Set(['menu:question ary', 'register:whoQuestion ary', 'register:serviceQuestion ary', 'register:dayQuestion ary', 'register:windowQuestion ary', 'register:booked ary']));
    for (const key of named) expect(VOICE_PROMPT_KEYS).toContain(key.split(' ')[0]);
  });

  it('is the language question for the language menu, which offers voice as its last number', async () => {
    const v = new Villager(conversationDeps(t.db), '+212600000902');
    await v.onboard('fr');
    const [menu] = await v.choose(/langue/);
    expect(menu?.voice).toEqual({ key: 'language:question', locale: 'fr' });
    expect(menu?.choices?.at(-1)).toEqual({ id: 'voice', label: '🔊 Messages vocaux' });
    await v.send(String(menu?.choices?.length));
    await v.choose(/langue/);
    expect(v.lastChoices().at(-1)).toEqual({ id: 'voice', label: '🔇 Arrêter les vocaux' });
  });

  it('is the reminder key for a reminder', () => {
    const t = createTranslator(loadResources());
    const reply = reminderReply(t, 'ar', { who: 'Fatima', service: 'ophthalmology', day: '2026-12-14', startsAt: '09:00:00', endsAt: '12:00:00', venue: { name: 'Dispensaire', lat: 31.5, lon: -5.5 }, commune: 'Tinghir', code: 'K7F3QX', fasting: false, relation: 'self' });
    expect(reply.voice).toEqual({ key: 'reminders:text', locale: 'ar' });
  });
});
