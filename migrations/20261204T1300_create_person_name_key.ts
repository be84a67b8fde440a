// The key under which two registrations of one name are the same person: a villager who registers
// "Fatima Zahra" again as "FATIMA-ZAHRA" or "fatima  zahra" must not take a second place.
import { sql, type Kysely } from 'kysely';

// NFD splits accented Latin letters and hamza-carrying alefs into a base letter and a mark; the marks
// (Latin accents, Arabic vowel marks and hamza, the dagger alef), tatweel and invisible bidi and
// zero-width characters are then dropped; ta marbuta and alef maqsura fold into ha and ya, as people
// write them either way; spaces, dashes, dots and apostrophes count as one space.
const DROPPED = '[\u0300-\u036f\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069]';
const SEPARATORS = "[[:space:]\u00a0_.,'`\u2019\u02bc-]+";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function person_name_key(name text) returns text
    language sql immutable strict parallel safe
    as $$
      select btrim(regexp_replace(
        translate(lower(regexp_replace(normalize(name, NFD), ${sql.lit(DROPPED)}, '', 'g')), 'ةى', 'هي'),
        ${sql.lit(SEPARATORS)}, ' ', 'g'))
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function person_name_key(text)`.execute(db);
}
