// Registering a relative, a full day, cancelling mid-way, and a restart between two messages — in every locale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InsertQueryNode, type KyselyPlugin } from 'kysely';
import { LOCALES, createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { createDatabase } from '../../src/db/connection.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { conversationDeps, fillSurgeryDay, missingKeys, registerUpToWindow, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const { caravanId } = await seedConversationCampaigns(t.db);
  await fillSurgeryDay(t.db, caravanId);
});
afterAll(async () => t?.drop());

let phones = 0;
const tr = createTranslator(loadResources());
const newPhone = () => `+2126110000${String(++phones).padStart(2, '0')}`;

async function appointmentsOf(phone: string) {
  return t.db
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('contacts as c', 'c.id', 'b.contact_id')
    .select(['a.status', 'a.service', 'a.code', 'b.full_name', 'b.relation', 'b.sex', 'b.birth_year', 'b.commune'])
    .where('c.phone_e164', '=', phone)
    .execute();
}

describe.each(LOCALES)('registering, in %s', (locale) => {
  it('books a relative end to end: code with a QR picture, what to bring, fasting, and the venue as a location', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('register');
    await v.choose('child');
    await v.send('Salam'); // a name that is also a greeting is taken as the name
    expect(v.lastChoices().map((c) => c.id)).toEqual(['female', 'male']);
    await v.send('0');
    await v.choose('register');
    await v.choose('child');
    await v.send('Yassine Amrani');
    await v.choose('male');
    await v.send('9');
    await v.send('Ait Sedrate');
    expect(v.lastChoices().map((c) => c.id)).toEqual(['list']);
    await v.send('Tinghir');
    await v.choose(/Tinghir|تنغير/);
    await v.choose('surgery');
    await v.choose('2026-12-15');
    await v.send('1'); // the only window of the day
    const summary = v.lastText();
    expect(summary).toContain('Yassine Amrani');
    expect(v.lastChoices().map((c) => c.id)).toEqual(['confirm', 'change']);
    expect(await appointmentsOf(v.phone)).toEqual([]); // nothing before the confirm step

    const done = await v.send('1');
    const [booked] = await appointmentsOf(v.phone);
    expect(booked).toMatchObject({ status: 'booked', service: 'surgery', full_name: 'Yassine Amrani', relation: 'child', sex: 'male', birth_year: 2017, commune: 'Ait Sedrate' });
    const code = booked?.code ?? '';
    expect(done[0]?.text).toContain(`${code.slice(0, 3)}-${code.slice(3)}`);
    expect(done[0]?.image).toEqual({ kind: 'qr', data: code, caption: `${code.slice(0, 3)}-${code.slice(3)}` });
    expect(done[1]?.text.split('\n')).toHaveLength(2); // what to bring, then fasting before surgery
    // Fasting is said of the child, not the parent (the name switched Darija to Latin letters: either script).
    expect([tr(locale, 'register:fastingOther', { who: 'Yassine Amrani' }), tr('ary-Latn', 'register:fastingOther', { who: 'Yassine Amrani' })]).toContain(done[1]?.text.split('\n')[1]);
    expect(done[2]?.location).toMatchObject({ lat: 31.2427, lng: -6.1278, name: 'Centre de santé' });
    expect(done.at(-1)?.choices?.map((c) => c.id)).toContain('register'); // back at the menu
    expect(missingKeys).toEqual([]);
  });

  it('offers the waitlist when the chosen day is full, and puts the person on it', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('register');
    await v.choose('self');
    await v.send('Aicha Ben');
    await v.choose('female');
    await v.send('60');
    await v.send('Boumalne');
    await v.send('kelaa mgouna');
    await v.choose(/Tinghir|تنغير/);
    await v.choose('surgery');
    await v.choose('2026-12-14');
    expect(v.lastChoices().map((c) => c.id)).toEqual(['waitlist', 'other_day']);
    await v.choose('waitlist');
    const waiting = await t.db
      .selectFrom('waitlist_entries as w')
      .innerJoin('beneficiaries as b', 'b.id', 'w.beneficiary_id')
      .innerJoin('contacts as c', 'c.id', 'b.contact_id')
      .select(['w.status', 'w.day', 'w.service'])
      .where('c.phone_e164', '=', v.phone)
      .execute();
    expect(waiting).toEqual([{ status: 'waiting', day: '2026-12-14', service: 'surgery' }]);
    expect(await appointmentsOf(v.phone)).toEqual([]);
  });

  it('stops a booking when the villager says "cancel" in the middle, keeping nothing', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('register');
    await v.choose('parent');
    await v.send('Fatima Ait Ali');
    const cancelWord = { fr: 'annuler', ar: 'إلغاء', ary: 'الغي', 'ary-Latn': 'nlghi', shi: 'kks' }[locale];
    const replies = await v.send(cancelWord);
    expect(replies.at(-1)?.choices?.map((c) => c.id)).toContain('register');
    expect(await t.db.selectFrom('beneficiaries as b').innerJoin('contacts as c', 'c.id', 'b.contact_id').select('b.id').where('c.phone_e164', '=', v.phone).execute()).toEqual([]);
    const state = await t.db.selectFrom('conversations as s').innerJoin('contacts as c', 'c.id', 's.contact_id').select('s.state').where('c.phone_e164', '=', v.phone).executeTakeFirstOrThrow();
    expect(state.state).toMatchObject({ step: 'menu', draft: {} });
  });

  it('finishes a booking once after a restart between two messages (state reloaded from Postgres)', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('register');
    await v.choose('self');
    await v.send('Omar Tazi');
    await v.choose('male');
    await v.send('45');
    await v.send('Tinghir');
    await v.choose(/Tinghir|تنغير/);
    await v.choose('ophthalmology');
    await v.choose('2026-12-15');
    await v.send('1');
    expect(v.lastChoices().map((c) => c.id)).toEqual(['confirm', 'change']);

    // A new process: its own connection pool and its own engine, nothing kept in memory.
    const other = createDatabase({ connectionString: t.url, poolSize: 2 });
    try {
      v.useDeps(conversationDeps(other));
      await v.send('1');
      await v.send('1'); // the same "1" again lands on the menu, not on a second booking
    } finally {
      await other.destroy();
    }
    const booked = await appointmentsOf(v.phone);
    expect(booked.map((a) => a.service)).toEqual(['ophthalmology']);
  });
});

/** Fails the statement that queues the replies, the last one before the commit: as if the process died there. */
const diesBeforeCommit: KyselyPlugin = {
  transformQuery(args) {
    if (InsertQueryNode.is(args.node) && args.node.into?.table.identifier.name === 'outbox') throw new Error('the process died before the commit');
    return args.node;
  },
  transformResult: async (args) => args.result,
};

describe('a failure before the commit', () => {
  it('leaves the conversation, the places and the outbox as they were; the message sent again books once', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone(), 'telegram');
    await v.onboard('fr');
    await registerUpToWindow(v, { name: 'Hafsa Ait Lahcen', sex: 'female', age: 38, day: '2026-12-15' });
    await v.send('1');
    const contact = await t.db.selectFrom('contact_identities').select('contact_id').where('external_id', '=', v.phone).executeTakeFirstOrThrow();
    const snapshot = async () => ({
      state: (await t.db.selectFrom('conversations').select('state').where('contact_id', '=', contact.contact_id).executeTakeFirstOrThrow()).state,
      booked: (await t.db.selectFrom('slots').select((eb) => eb.fn.sum<number>('booked').as('n')).executeTakeFirstOrThrow()).n,
      appointments: await t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select('a.id').where('b.contact_id', '=', contact.contact_id).execute(),
      outbox: (await t.db.selectFrom('outbox').select('id').where('contact_id', '=', contact.contact_id).execute()).length,
      receipts: await t.db.selectFrom('inbound_receipts').select('provider_id').where('provider_id', '=', 'update-9001').execute(),
    });
    const before = await snapshot();
    expect(before.state).toMatchObject({ step: 'reg_confirm' });

    v.useDeps(conversationDeps(t.db.withPlugin(diesBeforeCommit)));
    await expect(v.send({ text: '1', providerId: 'update-9001' })).rejects.toThrow('the process died before the commit');
    expect(await snapshot()).toEqual(before);

    // Telegram sends the update again; this time it goes through.
    v.useDeps(conversationDeps(t.db));
    await v.send({ text: '1', providerId: 'update-9001' });
    const after = await snapshot();
    expect(after.appointments).toHaveLength(1);
    expect(Number(after.booked)).toBe(Number(before.booked) + 1);
    expect(after.receipts).toEqual([{ provider_id: 'update-9001' }]);
  });
});
