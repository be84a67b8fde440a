// What the operator does to staff accounts from the command line: find one, give it a login, disable it.
import { sql, type Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Database } from '../../db/tables.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { InvalidInput } from '../errors.ts';
import { normalizeEmail } from './sign-in-rules.ts';
import { endStaffSessions } from './staff-sessions.ts';

/** The member named by id or email, disabled or not; undefined when there is none. */
export async function findStaff(db: Kysely<Database>, by: { id: number } | { email: string }): Promise<{ id: number; name: string; email: string | null; phone: string | null; disabled: boolean } | undefined> {
  const row = await db
    .selectFrom('staff')
    .select(['id', 'name', 'email', 'phone_e164', 'disabled_at'])
    .$call((q) => ('id' in by ? q.where('id', '=', by.id) : q.where('email', '=', normalizeEmail(by.email))))
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, email: row.email, phone: row.phone_e164, disabled: row.disabled_at !== null };
}

/**
 * Disables a member: their token, their sessions and their unused password links stop working at once.
 * False when they were disabled already (or do not exist).
 */
export async function disableStaff(db: Kysely<Database>, actor: Actor, staffId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await trx.updateTable('staff').set({ disabled_at: sql<Date>`now()` }).where('id', '=', staffId).where('disabled_at', 'is', null).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return false;
    // The session lookup already ignores a disabled member; deleting the rows leaves nothing to revive.
    await endStaffSessions(trx, staffId);
    await trx.deleteFrom('staff_password_links').where('staff_id', '=', staffId).execute();
    await recordAudit(trx, { actor, action: 'staff.disable', entity: 'staff', entityId: staffId });
    return true;
  });
}

/** Gives a member (one added with a token only, say) the email or phone they sign in to the console with. */
export async function setStaffLogin(db: Kysely<Database>, actor: Actor, staffId: number, login: { email?: string; phone?: string }): Promise<void> {
  const changes = { ...(login.email ? { email: normalizeEmail(login.email) } : {}), ...(login.phone ? { phone_e164: login.phone } : {}) };
  if (Object.keys(changes).length === 0) return;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set(changes)
      .where('id', '=', staffId)
      .execute()
      .catch((err: unknown) => {
        if (isUniqueViolation(err)) throw new InvalidInput([`${login.email ?? login.phone ?? ''} is already another staff member's`]);
        throw err;
      });
    await recordAudit(trx, { actor, action: 'staff.login', entity: 'staff', entityId: staffId });
  });
}
