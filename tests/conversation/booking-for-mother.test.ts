// A villager books an eye consultation for their mother, in each locale, through the real conversation.
// The conversation is written to tests/transcripts/booking-for-mother.<locale>.txt for people to read.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatForTerminal } from '../../src/cli/chat-format.ts';
import { LOCALES, createTranslator, loadResources, type Locale } from '../../src/i18n/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { conversationDeps, missingKeys, OPENERS, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';
import { deps as bookingDeps } from '../support/fixtures.ts';

const tr = createTranslator(loadResources());
const MOTHER = 'Fatima Ait Ali';
/** A code per locale, so the transcripts read the same on every run. */
const CODES: Record<Locale, string> = { fr: 'MAMA34', ar: 'MAMA36', ary: 'MAMA37', 'ary-Latn': 'MAMA39', shi: 'MAMA41' };
const TRANSCRIPTS = new URL('../transcripts/', import.meta.url);

/** Words the villager's mother must never be given: "you registered", a man's forms, a sex assumed. */
const WRONG: Record<Locale, RegExp[]> = {
  fr: [/vous êtes inscrit/i, /Est-ce une femme/],
  ar: [/هل هي امرأة/, /هل تشعر/, /اعتن بنفسك/, /تريد/, /أين تسكن/, /(^|[^\p{L}])(تسجلت|موافق|أنت مسجل)([^\p{L}]|$)/u],
  ary: [/تسجلتي/, /كيداير/, /ماقادرش/, /كتفكر/, /ماتقدرش/, /(^|[^\p{L}])(موافق|نتا|راك|دير|ساكن)([^\p{L}]|$)/u],
  'ary-Latn': [/tsaj+elti/i, /kidayr/i, /ma9adrch/i, /katfkker/i, /(^|[^\p{L}])(nta|mouwafi9|rak|dir|saken)([^\p{L}]|$)/iu],
  // Tachelhit: the man's or the woman's "you" and "your" (kiyyi, kmmi, nnk, nnm) where the polite plural is meant.
  shi: [/(^|[^\p{L}])(kiyyi|kmmi|nnk|nnm|ghurk|ghurm|dark|darm)([^\p{L}]|$)/iu],
};

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

/** What a villager sends and reads, in order, as the terminal chat shows it. */
class Transcript {
  readonly lines: string[] = [];
  readonly replies: string[] = [];
  constructor(private readonly v: Villager) {}

  async send(text: string): Promise<void> {
    this.lines.push(`> ${text}`);
    await this.v.send(text);
    const shown = this.v.last.map(formatForTerminal);
    this.replies.push(...shown);
    this.lines.push(...shown.map((s) => `${s}\n`));
  }

  /** Answers by the number of the choice with this id, as a villager types it. */
  async choose(id: string | RegExp): Promise<void> {
    const index = this.v.lastChoices().findIndex((c) => (typeof id === 'string' ? c.id === id : id.test(c.id) || id.test(c.label)));
    if (index < 0) throw new Error(`no choice ${String(id)} in ${this.v.lastText()}`);
    await this.send(String(index + 1));
  }
}

describe.each(LOCALES)('booking for the mother, in %s', (locale) => {
  it('speaks of her by name, to the villager as "you", and writes the conversation down', async () => {
    const deps = { ...conversationDeps(t.db), booking: { ...bookingDeps, newCode: () => CODES[locale] } };
    const v = new Villager(deps, `+21261300000${LOCALES.indexOf(locale)}`);
    const chat = new Transcript(v);
    await chat.send(OPENERS[locale]);
    await chat.choose('accept');
    await chat.choose('register');
    await chat.choose('parent');
    const named = chat.replies.length; // from here on, the mother has a name
    await chat.send(MOTHER);
    await chat.choose('female');
    await chat.send('62');
    await chat.send('Ait Sedrate');
    await chat.send('Tinghir');
    await chat.choose(/Tinghir|تنغير/);
    await chat.choose('ophthalmology');
    await chat.choose('2026-12-15');
    await chat.send('1');
    await chat.choose('confirm');
    writeFileSync(new URL(`booking-for-mother.${locale}.txt`, TRANSCRIPTS), `${chat.lines.join('\n').trimEnd()}\n`);

    const about = chat.replies.slice(named).join('\n');
    for (const key of ['register:sexQuestion', 'register:ageQuestion', 'register:communeQuestion', 'register:bringRelative']) {
      expect(about, key).toContain(tr(locale, key, { name: MOTHER }));
    }
    expect(about).toContain(tr(locale, 'register:bookedRelative', { name: MOTHER, code: `${CODES[locale].slice(0, 3)}-${CODES[locale].slice(3)}`, service: tr(locale, 'services:ophthalmology'), day: '', window: '' }).split('\n')[0]);
    const all = chat.replies.join('\n');
    expect(WRONG[locale].filter((pattern) => pattern.test(all)).map(String)).toEqual([]);
    expect(all).not.toContain('{{');
    expect(missingKeys).toEqual([]);
  });
});
