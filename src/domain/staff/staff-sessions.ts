// Console sessions: a random token in the browser's cookie, its SHA-256 in Postgres, so every process
// sees the same sessions and ending one (sign-out, a disabled or re-passworded member) takes effect on
// the next request. A session belongs to an active staff member only: the lookup joins `staff`.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { sessionExpiry, shouldTouchSession } from './sign-in-rules.ts';
import { activeStaffQuery, hashToken, toMember, type StaffMember } from './staff-tokens.ts';

export interface NewSession {
  /** Goes in the cookie, never stored. */
  token: string;
  /** The header every change must carry. */
  csrfToken: string;
  expiresAt: Date;
}

/** @example const { token, csrfToken } = await createSession(db, staff.id, clock.now()); */
export async function createSession(db: Kysely<Database>, staffId: number, now: Date): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = sessionExpiry(now, now);
  // Ended sessions go whenever someone signs in, so the table holds live ones and a few stale (one row per browser: small).
  await db.deleteFrom('staff_sessions').where('expires_at', '<=', now).execute();
  await db.insertInto('staff_sessions').values({ token_hash: hashToken(token), staff_id: staffId, csrf_token: csrfToken, created_at: now, last_seen_at: now, expires_at: expiresAt }).execute();
  return { token, csrfToken, expiresAt };
}

/** An organisation as the console names it. */
export interface OrganisationRef {
  id: number;
  slug: string;
  name: string;
}

export interface LiveSession {
  staff: StaffMember;
  csrfToken: string;
  /** The organisation a platform admin's session looks at (read only); always null for anyone else. */
  viewing: OrganisationRef | null;
}

/** The session of this cookie's token at `now`, moving its expiry on; undefined when ended, expired or its member is disabled. */
export async function sessionFor(db: Kysely<Database>, token: string, now: Date): Promise<LiveSession | undefined> {
  const tokenHash = hashToken(token);
  const row = await activeStaffQuery(db)
    .innerJoin('staff_sessions as s', 's.staff_id', 'staff.id')
    .leftJoin('organisations as viewed', 'viewed.id', 's.viewed_organisation_id')
    .select(['s.csrf_token', 's.created_at as session_created_at', 's.last_seen_at', 'viewed.id as viewed_id', 'viewed.slug as viewed_slug', 'viewed.name as viewed_name'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  if (shouldTouchSession(row.last_seen_at, now)) {
    await db.updateTable('staff_sessions').set({ last_seen_at: now, expires_at: sessionExpiry(row.session_created_at, now) }).where('token_hash', '=', tokenHash).execute();
  }
  const { viewed_id: id, viewed_slug: slug, viewed_name: name } = row;
  const viewing = row.role === 'admin' && id !== null && slug !== null && name !== null ? { id, slug, name } : null;
  return { staff: toMember(row), csrfToken: row.csrf_token, viewing };
}

/**
 * A platform admin's session starts (or stops, with null) looking at one organisation, and what it now
 * looks at. Undefined when the session is not a platform admin's or the organisation does not exist.
 * @example await viewOrganisation(db, token, 3) // { viewing: { id: 3, slug: 'ajial', name: 'Ajial' } }
 */
export async function viewOrganisation(db: Kysely<Database>, token: string, organisationId: number | null): Promise<{ viewing: OrganisationRef | null } | undefined> {
  const organisation = organisationId === null ? null : await db.selectFrom('organisations').select(['id', 'slug', 'name']).where('id', '=', organisationId).executeTakeFirst();
  if (organisation === undefined) return undefined;
  const done = await db
    .updateTable('staff_sessions')
    .set({ viewed_organisation_id: organisationId })
    .where('token_hash', '=', hashToken(token))
    .where('staff_id', 'in', (eb) => eb.selectFrom('staff').select('id').where('role', '=', 'admin'))
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1 ? { viewing: organisation } : undefined;
}

/** Sign-out: the token stops working at once. */
export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** Every session of a member (disabled, or given a new password). */
export async function endStaffSessions(db: Kysely<Database>, staffId: number): Promise<number> {
  const done = await db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).executeTakeFirst();
  return Number(done.numDeletedRows);
}
