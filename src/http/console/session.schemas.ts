// The console's sign-in API: request bodies and answers, shared by the routes and the web app's
// client. Imports zod only, so browser code can import this file as it is.
import { z } from 'zod';

export const STAFF_LOCALES = ['fr', 'ar'] as const;
export const StaffLocaleSchema = z.enum(STAFF_LOCALES);
export type StaffLocale = z.infer<typeof StaffLocaleSchema>;

export const OrganisationRefSchema = z.object({ id: z.number().int(), slug: z.string(), name: z.string() });
export type OrganisationRef = z.infer<typeof OrganisationRefSchema>;

/** The signed-in staff member. */
export const MeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(['admin', 'coordinator', 'medical', 'desk']),
  locale: StaffLocaleSchema,
  /** null for the platform admin. */
  organisation: OrganisationRefSchema.nullable(),
  /** The platform admin, and a ministry's coordinators: the national view is theirs. */
  nationalView: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;

export const MIN_PASSWORD_LENGTH = 10;
// scrypt reads all of it: a bound keeps one request from costing much.
const MAX_PASSWORD_LENGTH = 1024;

/** POST /console/api/session: an email or a phone number (06…, +212…), and the password. */
export const SignInBodySchema = z.object({
  login: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
export type SignInBody = z.infer<typeof SignInBodySchema>;

/**
 * 200 of POST and GET /console/api/session: send csrfToken as `x-csrf-token` with every change. `viewing`
 * is the organisation a platform admin looks at (null until they pick one, and for everyone else).
 */
export const SessionAnswerSchema = z.object({ staff: MeSchema, csrfToken: z.string(), viewing: OrganisationRefSchema.nullable() });
export type SessionAnswer = z.infer<typeof SessionAnswerSchema>;

/** PATCH /console/api/me (answers Me). */
export const MeBodySchema = z.object({ locale: StaffLocaleSchema });
export type MeBody = z.infer<typeof MeBodySchema>;

/** PUT /console/api/session/viewing (platform admin only; answers the session): null to stop looking at one. */
export const ViewingBodySchema = z.object({ organisationId: z.number().int().positive().nullable() });
export type ViewingBody = z.infer<typeof ViewingBodySchema>;

/** POST /console/api/password: the token from the one-time link (after `#token=`) and the new password. */
export const SetPasswordBodySchema = z.object({
  token: z.string().min(1).max(200),
  password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(MAX_PASSWORD_LENGTH),
});
export type SetPasswordBody = z.infer<typeof SetPasswordBodySchema>;

/**
 * The refusals of this API, by status: 401 wrong_credentials or signed_out, 403 csrf, 423 locked,
 * 400 link_invalid or invalid_input, 429 too_many_attempts (wrong passwords from the address). A
 * flood of attempts from one address is also answered 429, with a Retry-After header and a message.
 */
export const WrongCredentialsSchema = z.object({ error: z.literal('wrong_credentials') });
export const SignedOutSchema = z.object({ error: z.literal('signed_out') });
export const CsrfRefusedSchema = z.object({ error: z.literal('csrf') });
export const LockedSchema = z.object({ error: z.literal('locked'), retryAfterSeconds: z.number().int().positive() });
export const LinkInvalidSchema = z.object({ error: z.literal('link_invalid') });
export const InvalidInputSchema = z.object({ error: z.literal('invalid_input'), problems: z.array(z.object({ field: z.string(), message: z.string() })) });
export const TooManyAttemptsSchema = z.object({ error: z.literal('too_many_attempts'), retryAfterSeconds: z.number().int().positive() });
export type ConsoleRefusal =
  | z.infer<typeof WrongCredentialsSchema>
  | z.infer<typeof SignedOutSchema>
  | z.infer<typeof CsrfRefusedSchema>
  | z.infer<typeof LockedSchema>
  | z.infer<typeof LinkInvalidSchema>
  | z.infer<typeof InvalidInputSchema>
  | z.infer<typeof TooManyAttemptsSchema>;
