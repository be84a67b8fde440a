// The composer's preview: who a broadcast would reach, before anything is written. The same audience
// conditions and the same choice of chat as the fan-out (broadcast-audience.ts), so its count is the
// number of messages the fan-out then writes; and the people of the audience's description it leaves
// out, each under one reason.
import { sql, type Kysely } from 'kysely';
import type { Database, Locale } from '../db/tables.ts';
import { WHATSAPP_CLOUD_CAPABILITIES } from '../channels/whatsapp-cloud/whatsapp-cloud.channel.ts';
import { dealtWithOrganisation } from '../domain/organisations/organisation-contacts.ts';
import { assertOwnCampaigns, audienceCandidates, lastUsedChat, withDonorDay, type Audience } from './broadcast-audience.ts';

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
  ]);
  const windowStart = new Date(startsAt.getTime() - WINDOW_HOURS * 3_600_000);
  // One pass: each person once, with the chat the fan-out would choose (none: test chats only, or every
  // chat blocked), counted by language; the totals are summed here. Materialized: inlined, the
  // organisation's check ran again for each count that reads it (2.5 times slower).
  const result = await sql<{ locale: Locale; opted_out: number; no_consent: number; other_organisation: number; test_chat_only: number; blocked: number; reach: number; template: number }>`
    with a as materialized (
      select f.id, coalesce(f.locale, 'fr') as locale, f.opted_out, f.consent, f.dealt,
        not f.opted_out and f.consent and f.dealt as member, i.channel, i.last_inbound_at
      from (${flagged}) f left join lateral ${lastUsedChat(sql.ref('f.id'))} i on true
    )
    select locale,
      count(*) filter (where opted_out)::int as opted_out,
      count(*) filter (where not opted_out and not consent)::int as no_consent,
      count(*) filter (where not opted_out and consent and not dealt)::int as other_organisation,
      count(*) filter (where member and channel is null and not exists (select 1 from contact_identities ci where ci.contact_id = a.id and ci.channel not in ('terminal', 'web')))::int as test_chat_only,
      count(*) filter (where member and channel is null and exists (select 1 from contact_identities ci where ci.contact_id = a.id and ci.channel not in ('terminal', 'web')))::int as blocked,
      count(*) filter (where member and channel is not null)::int as reach,
      count(*) filter (where member and channel = ${WINDOWED_CHANNEL} and (last_inbound_at is null or last_inbound_at < ${windowStart}))::int as template
    from a group by locale`.execute(db);
  const sum = (key: Exclude<keyof (typeof result.rows)[number], 'locale'>) => result.rows.reduce((total, r) => total + r[key], 0);
  return {
    reach: sum('reach'),
    whatsappTemplate: sum('template'),
    byLocale: Object.fromEntries(result.rows.filter((r) => r.reach > 0).map((r) => [r.locale, r.reach])),
    excluded: { optedOut: sum('opted_out'), noConsent: sum('no_consent'), otherOrganisation: sum('other_organisation'), testChatOnly: sum('test_chat_only'), blocked: sum('blocked') },
  };
}
