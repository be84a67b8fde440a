// Staff tokens: random, shown once, stored as a hash; a token finds its staff member and role.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, StaffRole } from '../../db/tables.ts';

export interface StaffMember {
  id: number;
  name: string;
  role: StaffRole;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * @example const { token } = await addStaff(db, { name: 'Khadija (Tinghir)', role: 'coordinator' }); // give it once, privately
 */
export async function addStaff(db: Kysely<Database>, input: { name: string; role: StaffRole }): Promise<StaffMember & { token: string }> {
  const token = `qst_${randomBytes(24).toString('base64url')}`;
  const row = await db.insertInto('staff').values({ name: input.name, role: input.role, token_hash: hashToken(token) }).returning(['id', 'name', 'role']).executeTakeFirstOrThrow();
  return { ...row, token };
}

export async function staffForToken(db: Kysely<Database>, token: string): Promise<StaffMember | undefined> {
  return db.selectFrom('staff').select(['id', 'name', 'role']).where('token_hash', '=', hashToken(token)).where('disabled_at', 'is', null).executeTakeFirst();
}
