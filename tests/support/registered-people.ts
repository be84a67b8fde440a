// Villagers who registered people through the conversation, for the tests of what is kept about them.
import type { Db } from '../../src/db/connection.ts';
import type { Villager } from './conversation-harness.ts';

export interface Registration {
  who: 'self' | 'child';
  name: string;
  sex: 'female' | 'male';
  age: number;
  commune: string;
  day: string;
}

/** From the menu: books an eye consultation at the Tinghir caravan for a new person, back to the menu. */
export async function registerAndBook(v: Villager, r: Registration): Promise<void> {
  await v.choose('register');
  await v.choose(r.who);
  await v.send(r.name);
  await v.choose(r.sex);
  await v.send(String(r.age));
  await v.send(r.commune);
  // The place is asked the first time only: the province is kept afterwards.
  if (v.lastChoices()[0]?.id === 'list') await v.send('Tinghir');
  await v.choose(/Tinghir|تنغير/);
  await v.choose('ophthalmology');
  await v.choose(r.day);
  await v.send('1');
  await v.choose('confirm');
}

/** The people a phone registered, as stored, in the order they were registered. */
export function peopleOf(db: Db, phone: string) {
  return db
    .selectFrom('beneficiaries as b')
    .innerJoin('contacts as c', 'c.id', 'b.contact_id')
    .select(['b.id', 'b.full_name', 'b.birth_year', 'b.commune', 'b.erased_at'])
    .where('c.phone_e164', '=', phone)
    .orderBy('b.id')
    .execute();
}

/** The confirmation codes of a phone's appointments. */
export async function codesOf(db: Db, phone: string): Promise<string[]> {
  const rows = await db
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('contacts as c', 'c.id', 'b.contact_id')
    .select('a.code')
    .where('c.phone_e164', '=', phone)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => r.code);
}
