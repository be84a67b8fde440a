// The staff tables: members and their roles, sign-in sessions and password links, and the desk's check-ins.
import type { ColumnType, Generated } from 'kysely';

type Auto<T> = ColumnType<T, T | undefined, T>;

export const STAFF_ROLES = ['admin', 'coordinator', 'medical', 'desk'] as const;
/** `desk`: a volunteer at the venue who checks people in and registers walk-ins, and does nothing else. */
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffTable {
  id: Generated<number>;
  name: string;
  role: StaffRole;
  /** null for the platform admin, who manages organisations and reads one only through a console session that picked it. */
  organisation_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** sha256 of the token, hex; the token itself is shown once and never stored. */
  token_hash: string;
  created_at: Auto<Date>;
  disabled_at: Date | null;
  /** Lower case; signs in to the console with the password. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  phone_e164: ColumnType<string | null, string | null | undefined, string | null>;
  /** scrypt, with its salt and parameters (see domain/staff/password-hash.ts); null until the one-time link is used. */
  password_hash: ColumnType<string | null, string | null | undefined, string | null>;
  failed_sign_ins: Auto<number>;
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  locale: Auto<StaffLocale>;
}

export type StaffLocale = 'fr' | 'ar';

/** A signed-in browser: the cookie's token is kept only as its SHA-256. */
export interface StaffSessionsTable {
  token_hash: string;
  staff_id: number;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  /** A platform admin's session only: the organisation whose data it reads. */
  viewed_organisation_id: number | null;
}

/** A one-time link that sets a staff member's password. */
export interface StaffPasswordLinksTable {
  token_hash: string;
  staff_id: number;
  expires_at: Date;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A scan or a walk-in a desk sent, kept under the client id the desk gave it: sent again, it answers the same. */
export interface DeskCheckinsTable {
  client_id: string;
  kind: 'checkin' | 'walk_in';
  organisation_id: number;
  campaign_id: number;
  appointment_id: number | null;
  staff_id: number;
  at: Date;
  received_at: Auto<Date>;
  outcome: string;
  answer: ColumnType<unknown, string, string>;
}
