// Signing in with an email or phone and a password. Each attempt holds the member's row lock while the
// password is checked, so concurrent guesses are counted one by one and the fifth wrong one locks.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { verifyNobody, verifyPassword } from './password-hash.ts';
import { afterWrongPassword, lockedFor, parseLogin } from './sign-in-rules.ts';

export type SignInResult = { ok: true; staffId: number } | { ok: false; reason: 'wrong_credentials' } | { ok: false; reason: 'locked'; retryAfterSeconds: number };

const WRONG = { ok: false, reason: 'wrong_credentials' } as const;

/**
 * @example const result = await signIn(db, { login: '0612345678', password: '…' }, clock.now());
 *          if (result.ok) await createSession(db, result.staffId, clock.now());
 */
export async function signIn(db: Kysely<Database>, input: { login: string; password: string }, now: Date): Promise<SignInResult> {
  const login = parseLogin(input.login);
  // An unknown login costs the time of a password check, so the delay does not say who exists.
  if (!login) return verifyNobody(input.password).then(() => WRONG);
  return db.transaction().execute(async (trx): Promise<SignInResult> => {
    const member = await trx
      .selectFrom('staff')
      .select(['id', 'password_hash', 'failed_sign_ins', 'locked_until'])
      .where('disabled_at', 'is', null)
      .where('email' in login ? 'email' : 'phone_e164', '=', 'email' in login ? login.email : login.phone)
      .forUpdate()
      .executeTakeFirst();
    if (!member?.password_hash) return verifyNobody(input.password).then(() => WRONG);
    const locked = lockedFor(member.locked_until, now);
    // Locked: refused even with the right password, without counting or extending the lock.
    if (locked > 0) return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil(locked / 1000) };
    if (await verifyPassword(input.password, member.password_hash)) {
      if (member.failed_sign_ins > 0 || member.locked_until) await trx.updateTable('staff').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', member.id).execute();
      await recordAudit(trx, { actor: { kind: 'staff', id: member.id }, action: 'staff.sign_in', entity: 'staff', entityId: member.id });
      return { ok: true, staffId: member.id };
    }
    const next = afterWrongPassword(member.failed_sign_ins, now);
    await trx.updateTable('staff').set({ failed_sign_ins: next.failedSignIns, locked_until: next.lockedUntil }).where('id', '=', member.id).execute();
    if (next.lockedUntil) await recordAudit(trx, { actor: { kind: 'system', id: 'sign-in' }, action: 'staff.locked', entity: 'staff', entityId: member.id, details: { until: next.lockedUntil.toISOString() } });
    return WRONG;
  });
}
