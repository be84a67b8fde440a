// Who a broadcast means: the audience as a coordinator describes it (provinces, a campaign's registered
// people, eligible donors, languages), and the SQL that finds those contacts. The fan-out, the count made
// when a broadcast is created and the composer's preview all read these same conditions, so the number
// shown before sending is the number of messages written.
import { sql, type ExpressionBuilder, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { BLOOD_GROUPS, type Database, type Locale } from '../db/tables.ts';
import { localDay } from '../domain/clock.ts';
import { NotFound } from '../domain/errors.ts';
import { dealtWithOrganisation } from '../domain/organisations/organisation-contacts.ts';
import { LOCALES } from '../i18n/locales.ts';

export const LocaleSchema = z.enum(LOCALES);

export const AudienceSchema = z
  .object({
    /** Contacts subscribed to alerts for these provinces. */
    provinces: z.array(z.string().min(1)).min(1).optional(),
    /** People registered for this campaign before. */
    pastBeneficiariesOf: z.number().int().positive().optional(),
    /**
     * Donors who have given through Qafila and may give again on `on` (default: the day the broadcast is
     * created), of these blood groups if given — an appeal for a group that runs short.
     */
    eligibleDonors: z
      .object({
        bloodGroups: z.array(z.enum(BLOOD_GROUPS)).min(1).optional(),
        on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD').optional(),
      })
      .strict()
      .optional(),
    /** Only contacts reading these languages. */
    locales: z.array(LocaleSchema).min(1).optional(),
  })
  .refine((a) => a.provinces !== undefined || a.pastBeneficiariesOf !== undefined || a.eligibleDonors !== undefined, {
    message: 'give provinces, pastBeneficiariesOf or eligibleDonors',
  });
export type Audience = z.infer<typeof AudienceSchema>;

type ContactRow = { id: number; locale: Locale | null };

/** Contact ids after `after` and up to `until` (null or absent: no end). */
export interface IdRange {
  after?: number;
  until?: number | null;
}

/**
 * Everyone the audience's description names, before consent, STOP and the organisation's boundary are
 * applied: what the preview counts its exclusions in. `range`: only contacts with an id after `after` (a
 * page's cursor) and up to `until` (its segment's end), said in each subquery too so that every index scan
 * starts there.
 */
export function audienceCandidates(db: Kysely<Database>, audience: Audience, range: IdRange = {}): SelectQueryBuilder<Database, 'contacts', ContactRow> {
  const after = range.after ?? 0;
  const until = range.until ?? null;
  return db
    .selectFrom('contacts')
    .select(['contacts.id', 'contacts.locale'])
    .where('contacts.id', '>', after)
    .$if(until !== null, (q) => q.where('contacts.id', '<=', until ?? 0))
    .$if(audience.locales !== undefined, (q) => q.where('contacts.locale', 'in', audience.locales ?? []))
    .where((eb) =>
      eb.or([
        ...(audience.provinces ? [eb.exists(eb.selectFrom('alert_subscriptions as s').select('s.contact_id').whereRef('s.contact_id', '=', 'contacts.id').where('s.contact_id', '>', after).$if(until !== null, (q) => q.where('s.contact_id', '<=', until ?? 0)).where('s.province_code', 'in', audience.provinces))] : []),
        ...(audience.pastBeneficiariesOf !== undefined
          ? [eb.exists(eb.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select('a.id').whereRef('b.contact_id', '=', 'contacts.id').where('a.campaign_id', '=', audience.pastBeneficiariesOf))]
          : []),
        ...(audience.eligibleDonors ? [eligibleDonor(eb, audience.eligibleDonors)] : []),
      ]),
    );
}

/** The audience's candidates who may be written to: consented and not opted out. */
export function consentingCandidates(db: Kysely<Database>, audience: Audience, range: IdRange = {}): SelectQueryBuilder<Database, 'contacts', ContactRow> {
  return audienceCandidates(db, audience, range).where('contacts.consent_at', 'is not', null).where('contacts.opted_out_at', 'is', null);
}

/**
 * Of the contacts in `ids` (consenting candidates already), those who dealt with the organisation (null:
 * a broadcast made before organisations had staff, which keeps its audience).
 */
export function dealtWithOf(db: Kysely<Database>, ids: RawBuilder<number>, organisationId: number | null): SelectQueryBuilder<Database, 'contacts', ContactRow> {
  return db
    .selectFrom('contacts')
    .select(['contacts.id', 'contacts.locale'])
    .where('contacts.id', 'in', ids)
    .$if(organisationId !== null, (q) => q.where((eb) => dealtWithOrganisation(eb, organisationId ?? 0)));
}

/** The contact gave blood themselves, and none of their donations keeps them from giving on `on`. */
function eligibleDonor(eb: ExpressionBuilder<Database, 'contacts'>, donors: NonNullable<Audience['eligibleDonors']>) {
  const on = donors.on ?? '9999-12-31';
  return eb.exists(
    eb
      .selectFrom('beneficiaries as b')
      .select('b.id')
      .whereRef('b.contact_id', '=', 'contacts.id')
      .where('b.relation', '=', 'self')
      .where('b.erased_at', 'is', null)
      .$if(donors.bloodGroups !== undefined, (q) => q.where('b.blood_group', 'in', donors.bloodGroups ?? []))
      .where((inner) => inner.exists(inner.selectFrom('donations as d').select('d.id').whereRef('d.beneficiary_id', '=', 'b.id')))
      .where((inner) => inner.not(inner.exists(inner.selectFrom('donations as d').select('d.id').whereRef('d.beneficiary_id', '=', 'b.id').where('d.next_eligible_on', '>', on)))),
  );
}

/** The audience with the day donors must be eligible on fixed: the day it starts, in `zone`, unless given. */
export function withDonorDay(audience: Audience, startsAt: Date, zone: string): Audience {
  if (!audience.eligibleDonors || audience.eligibleDonors.on) return audience;
  return { ...audience, eligibleDonors: { ...audience.eligibleDonors, on: localDay(startsAt, zone) } };
}

/** Throws NotFound for a campaign (the broadcast's own or its audience's) that is not the organisation's. */
export async function assertOwnCampaigns(db: Kysely<Database>, organisationId: number, campaignIds: ReadonlyArray<number | undefined>): Promise<void> {
  for (const campaignId of campaignIds) {
    if (campaignId === undefined) continue;
    const own = await db.selectFrom('campaigns').select('id').where('id', '=', campaignId).where('organisation_id', '=', organisationId).executeTakeFirst();
    if (!own) throw new NotFound(`no campaign ${campaignId}`);
  }
}

/**
 * A lateral subquery, to join `on true` or `cross join lateral`: the chat a broadcast writes to for the
 * contact `contactId` (a column reference): the one they used last, not a test chat, not blocked. A
 * look-up by index for each person, not a scan of every identity.
 */
export function lastUsedChat(contactId: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(
    select channel, external_id, last_inbound_at from contact_identities
    where contact_id = ${contactId} and channel not in ('terminal', 'web') and blocked_at is null
    order by last_inbound_at desc nulls last limit 1
  )`;
}
