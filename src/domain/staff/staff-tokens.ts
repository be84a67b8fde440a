// Staff tokens: random, shown once, stored as a hash; a token finds its staff member, their role and
// their organisation (none for the platform admin).
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, StaffRole } from '../../db/tables.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { InvalidInput } from '../errors.ts';

export interface StaffMember {
  id: number;
  name: string;
  role: StaffRole;
  /** The organisation whose data they read and change; null for the platform admin. */
  organisation: { id: number; slug: string } | null;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The platform admin has no organisation; everyone else has exactly one. */
export function checkStaffOrganisation(role: StaffRole, organisationId: number | null): void {
  if (role === 'admin' && organisationId !== null) throw new InvalidInput(['organisation: the platform admin belongs to no organisation; leave --organisation out']);
  if (role !== 'admin' && organisationId === null) throw new InvalidInput([`organisation: a ${role} belongs to an organisation; give --organisation SLUG`]);
}

export interface NewStaff {
  name: string;
  role: StaffRole;
  organisationId: number | null;
  /** Signs in to the console with these (lower-cased email, E.164 phone) once a password is set. */
  email?: string;
  phone?: string;
}

/**
 * @example const { token } = await addStaff(db, { name: 'Khadija (Tinghir)', role: 'coordinator', organisationId: 3 }); // give it once, privately
 */
export async function addStaff(db: Kysely<Database>, input: NewStaff): Promise<StaffMember & { token: string }> {
  checkStaffOrganisation(input.role, input.organisationId);
  const token = `qst_${randomBytes(24).toString('base64url')}`;
  const row = await db
    .insertInto('staff')
    .values({ name: input.name, role: input.role, organisation_id: input.organisationId, token_hash: hashToken(token), email: input.email ?? null, phone_e164: input.phone ?? null })
    .returning(['id'])
    .executeTakeFirstOrThrow()
    .catch((err: unknown) => {
      if (isUniqueViolation(err, 'staff_email_key')) throw new InvalidInput([`email: ${input.email ?? ''} is already another staff member's`]);
      if (isUniqueViolation(err, 'staff_phone_e164_key')) throw new InvalidInput([`phone: ${input.phone ?? ''} is already another staff member's`]);
      throw err;
    });
  const member = await staffById(db, row.id);
  if (!member) throw new Error(`staff ${row.id} vanished`);
  return { ...member, token };
}

/** Staff who are not disabled, with what a request needs to know of them. */
export const activeStaffQuery = (db: Kysely<Database>) =>
  db
    .selectFrom('staff')
    .leftJoin('organisations as o', 'o.id', 'staff.organisation_id')
    .select(['staff.id', 'staff.name', 'staff.role', 'o.id as organisation_id', 'o.slug as organisation_slug'])
    .where('staff.disabled_at', 'is', null);

type StaffRow = { id: number; name: string; role: StaffRole; organisation_id: number | null; organisation_slug: string | null };
export const toMember = (r: StaffRow): StaffMember => ({
  id: r.id,
  name: r.name,
  role: r.role,
  organisation: r.organisation_id !== null && r.organisation_slug !== null ? { id: r.organisation_id, slug: r.organisation_slug } : null,
});

export async function staffById(db: Kysely<Database>, id: number): Promise<StaffMember | undefined> {
  const row = await activeStaffQuery(db).where('staff.id', '=', id).executeTakeFirst();
  return row ? toMember(row) : undefined;
}

export async function staffForToken(db: Kysely<Database>, token: string): Promise<StaffMember | undefined> {
  const row = await activeStaffQuery(db).where('staff.token_hash', '=', hashToken(token)).executeTakeFirst();
  return row ? toMember(row) : undefined;
}
