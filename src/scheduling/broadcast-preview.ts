// The composer's preview: who a broadcast would reach, before anything is written. The same audience
// conditions and the same choice of chat as the fan-out (broadcast-audience.ts), so its count is the
// number of messages the fan-out then writes; and the people of the audience's description it leaves
// out, each under one reason.
import { sql, type Kysely } from 'kysely';
import type { Database, Locale } from '../db/tables.ts';
import { WHATSAPP_CLOUD_CAPABILITIES } from '../channels/whatsapp-cloud/whatsapp-cloud.channel.ts';
import { dealtWithOrganisation } from '../domain/organisations/organisation-contacts.ts';
import { assertOwnCampaigns, audienceCandidates, lastUsedChat, messagingChat, withDonorDay, type Audience } from './broadcast-audience.ts';

export interface AudiencePreview {
  /** Messages the fan-out will write: one per person, to the chat they used last. */
  reach: number;
  /** Of those, on WhatsApp with their 24 hours over when it starts: only the approved template can reach them. */
  whatsappTemplate: number;
  /** `reach` by the language each reads it in (French for a contact who never chose). */
  byLocale: Partial<Record<Locale, number>>;
  /** Named by the audience but left out, each person under the first reason that applies, in this order. */
  excluded: { optedOut: number; noConsent: number; otherOrganisation: number; testChatOnly: number; blocked: number };
}

/** The channel whose free text stops 24 hours after the villager last wrote. */
const WINDOWED_CHANNEL = 'whatsapp';
const WINDOW_HOURS = WHATSAPP_CLOUD_CAPABILITIES.sessionWindowHours ?? 24;

/**
 * A pure read. `startsAt`: when the broadcast would really start (after the quiet hours), for the donors'
 * day and the WhatsApp window. A campaign of the audience that is not the organisation's throws NotFound.
 */
export async function previewAudience(db: Kysely<Database>, organisationId: number, audience: Audience, startsAt: Date, zone: string): Promise<AudiencePreview> {
  await assertOwnCampaigns(db, organisationId, [audience.pastBeneficiariesOf]);
  const flagged = audienceCandidates(db, withDonorDay(audience, startsAt, zone)).select((eb) => [
    sql<boolean>`contacts.opted_out_at is not null`.as('opted_out'),
    sql<boolean>`contacts.consent_at is not null`.as('consent'),
    sql<boolean>`${dealtWithOrganisation(eb, organisationId)}`.as('dealt'),
    messagingChat(eb, { unblocked: false }).as('messaging'),
    messagingChat(eb, { unblocked: true }).as('reachable'),
  ]);
  const windowStart = new Date(startsAt.getTime() - WINDOW_HOURS * 3_600_000);
  const result = await sql<{ opted_out: number; no_consent: number; other_organisation: number; test_chat_only: number; blocked: number; reach: number; template: number; by_locale: Record<string, number> }>`
    with a as (${flagged}),
    k as (select a.*, not a.opted_out and a.consent and a.dealt as member from a),
    r as (
      select coalesce(k.locale, 'fr') as locale, i.channel, i.last_inbound_at
      from k cross join lateral ${lastUsedChat(sql.ref('k.id'))} i
      where k.member
    )
    select
      (select count(*)::int from k where opted_out) as opted_out,
      (select count(*)::int from k where not opted_out and not consent) as no_consent,
      (select count(*)::int from k where not opted_out and consent and not dealt) as other_organisation,
      (select count(*)::int from k where member and not messaging) as test_chat_only,
      (select count(*)::int from k where member and messaging and not reachable) as blocked,
      (select count(*)::int from r) as reach,
      (select count(*)::int from r where channel = ${WINDOWED_CHANNEL} and (last_inbound_at is null or last_inbound_at < ${windowStart})) as template,
      (select coalesce(json_object_agg(locale, n), '{}'::json) from (select locale, count(*)::int as n from r group by locale) l) as by_locale`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('the preview query returned no row');
  return {
    reach: row.reach,
    whatsappTemplate: row.template,
    byLocale: row.by_locale,
    excluded: { optedOut: row.opted_out, noConsent: row.no_consent, otherOrganisation: row.other_organisation, testChatOnly: row.test_chat_only, blocked: row.blocked },
  };
}
