// Reads an organisation's donor rules from Postgres; organisations that set none use the defaults.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { InvalidInput } from '../errors.ts';
import { DEFAULT_DONOR_RULES, DonorRulesSchema, type DonorRules } from './donor-rules.ts';

export async function donorRulesFor(db: Kysely<Database>, organisationId: number): Promise<DonorRules> {
  const row = await db.selectFrom('organisations').select('donor_rules').where('id', '=', organisationId).executeTakeFirst();
  if (!row) throw new RangeError(`No organisation ${organisationId}`);
  if (row.donor_rules === null || row.donor_rules === undefined) return DEFAULT_DONOR_RULES;
  const parsed = DonorRulesSchema.safeParse(row.donor_rules);
  if (!parsed.success) {
    throw new InvalidInput(parsed.error.issues.map((i) => `organisation ${organisationId} donor_rules.${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}

/** Stores an organisation's own rules after checking them. */
export async function setDonorRules(db: Kysely<Database>, organisationId: number, rules: unknown): Promise<DonorRules> {
  const parsed = DonorRulesSchema.safeParse(rules);
  if (!parsed.success) throw new InvalidInput(parsed.error.issues.map((i) => `donor_rules.${i.path.join('.')}: ${i.message}`));
  await db.updateTable('organisations').set({ donor_rules: JSON.stringify(parsed.data) }).where('id', '=', organisationId).execute();
  return parsed.data;
}
