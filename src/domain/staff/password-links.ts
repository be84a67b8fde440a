// One-time links that set a staff member's password: printed by `npm run staff -- add --email` and
// `reset`, valid 72 hours, used once. Only the token's SHA-256 is kept.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { PASSWORD_LINK_MS } from './sign-in-rules.ts';
import { endStaffSessions } from './staff-sessions.ts';
import { hashToken } from './staff-tokens.ts';

/** Where the console's page reads the token: after `#`, so it never reaches a server's log. */
export const passwordLinkUrl = (baseUrl: string, token: string) => `${baseUrl.replace(/\/+$/, '')}/console/set-password#token=${token}`;

/** A new link for the member; any earlier unused one stops working. */
export async function createPasswordLink(db: Kysely<Database>, staffId: number, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_MS);
  await db.transaction().execute(async (trx) => {
    // This member's earlier links, and anyone's that can no longer be used.
    await trx.deleteFrom('staff_password_links').where((eb) => eb.or([eb('staff_id', '=', staffId), eb('expires_at', '<=', now), eb('used_at', 'is not', null)])).execute();
    await trx.insertInto('staff_password_links').values({ token_hash: hashToken(token), staff_id: staffId, expires_at: expiresAt }).execute();
  });
  return { token, expiresAt };
}

/**
 * Uses the link: sets the password (already hashed: hashing is slow and stays outside the transaction),
 * unlocks the account and ends its sessions. False when the link is unknown, used, expired or its
 * member disabled; nothing changes then.
 */
export async function usePasswordLink(db: Kysely<Database>, token: string, passwordHash: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const link = await trx
      .updateTable('staff_password_links')
      .set({ used_at: now })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .where(({ exists, selectFrom }) => exists(selectFrom('staff').select('staff.id').whereRef('staff.id', '=', 'staff_password_links.staff_id').where('staff.disabled_at', 'is', null)))
      .returning('staff_id')
      .executeTakeFirst();
    if (!link) return false;
    await trx.updateTable('staff').set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null }).where('id', '=', link.staff_id).execute();
    await endStaffSessions(trx, link.staff_id);
    await recordAudit(trx, { actor: { kind: 'staff', id: link.staff_id }, action: 'staff.password_set', entity: 'staff', entityId: link.staff_id });
    return true;
  });
}
