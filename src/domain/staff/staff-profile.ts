// What the console shows of the signed-in member, and the language they chose (remembered per member).
import type { Kysely } from 'kysely';
import type { Database, StaffLocale, StaffRole } from '../../db/tables.ts';
import { readsNationalView } from '../reports/national-report.ts';

export interface StaffProfile {
  id: number;
  name: string;
  role: StaffRole;
  locale: StaffLocale;
  organisation: { id: number; slug: string; name: string } | null;
  /** Whether the national view is theirs to read, so the console shows its link without asking. */
  nationalView: boolean;
}

/** An active member's profile; undefined when disabled or unknown. */
export async function staffProfile(db: Kysely<Database>, staffId: number): Promise<StaffProfile | undefined> {
  const row = await db
    .selectFrom('staff')
    .leftJoin('organisations as o', 'o.id', 'staff.organisation_id')
    .select(['staff.id', 'staff.name', 'staff.role', 'staff.locale', 'o.id as organisation_id', 'o.slug as organisation_slug', 'o.name as organisation_name', 'o.kind as organisation_kind'])
    .where('staff.id', '=', staffId)
    .where('staff.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { organisation_id: id, organisation_slug: slug, organisation_name: name } = row;
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    locale: row.locale,
    organisation: id !== null && slug !== null && name !== null ? { id, slug, name } : null,
    nationalView: readsNationalView(row.role, row.organisation_kind),
  };
}

/** @example await setStaffLocale(db, staff.id, 'ar') */
export async function setStaffLocale(db: Kysely<Database>, staffId: number, locale: StaffLocale): Promise<void> {
  await db.updateTable('staff').set({ locale }).where('id', '=', staffId).where('disabled_at', 'is', null).execute();
}
