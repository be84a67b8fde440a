// The table interfaces in src/db/tables.ts and the migrated schema describe the same columns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../../src/db/tables.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Every column of every table; the type below fails to compile if a column of the interfaces is left out. */
const COLUMNS = {
  regions: ['code', 'name_fr', 'name_ar'],
  provinces: ['code', 'region_code', 'kind', 'name_fr', 'name_ar', 'lat', 'lon', 'aliases'],
  organisations: ['id', 'slug', 'name', 'kind', 'donor_rules', 'created_at'],
  campaigns: ['id', 'slug', 'organisation_id', 'kind', 'title', 'description', 'province_code', 'commune', 'venue_name', 'venue_lat', 'venue_lon', 'first_day', 'last_day', 'status', 'donor_target', 'reminder_rules', 'staff_telegram_chat', 'created_at', 'updated_at', 'venue_names', 'commune_names'],
  campaign_services: ['campaign_id', 'service', 'requires_fasting', 'checkin_days', 'audience'],
  slots: ['id', 'campaign_id', 'service', 'day', 'starts_at', 'ends_at', 'capacity', 'booked'],
  contacts: ['id', 'phone_e164', 'locale', 'province_code', 'consent_at', 'opted_out_at', 'donor_recall_at', 'created_at', 'updated_at', 'voice_prompts'],
  contact_identities: ['channel', 'external_id', 'contact_id', 'created_at', 'last_inbound_at', 'blocked_at', 'voice_refused_at'],
  beneficiaries: ['id', 'contact_id', 'relation', 'full_name', 'sex', 'birth_year', 'commune', 'erased_at', 'blood_group', 'created_at'],
  appointments: ['id', 'code', 'beneficiary_id', 'campaign_id', 'service', 'slot_id', 'status', 'channel', 'created_by', 'confirmed_at', 'procedure_done_at', 'created_at', 'updated_at', 'walk_in', 'arrived_at', 'arrived_by', 'arrival_client_id', 'seen_at', 'seen_by'],
  waitlist_entries: ['id', 'beneficiary_id', 'campaign_id', 'service', 'day', 'status', 'appointment_id', 'channel', 'created_by', 'created_at', 'updated_at'],
  audit_log: ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'details', 'organisation_id'],
  conversations: ['contact_id', 'state', 'updated_at'],
  outbox: ['id', 'contact_id', 'organisation_id', 'channel', 'recipient', 'kind', 'payload', 'status', 'provider_id', 'error', 'attempts', 'sent_at', 'delivered_at', 'read_at', 'created_at', 'updated_at', 'staff_alert_id', 'forget_after_send', 'campaign_id', 'broadcast_id'],
  handoff_tickets: ['id', 'contact_id', 'organisation_id', 'reason', 'urgent', 'status', 'opened_at', 'closed_at', 'closed_by', 'assigned_to'],
  handoff_messages: ['id', 'ticket_id', 'text', 'at', 'author', 'staff_id', 'outbox_id'],
  handoff_reads: ['ticket_id', 'staff_id', 'read_at'],
  alert_subscriptions: ['contact_id', 'province_code', 'created_at'],
  voice_notes: ['id', 'organisation_id', 'contact_id', 'ticket_id', 'message_id', 'channel', 'provider_media_id', 'mime_type', 'size_bytes', 'duration_seconds', 'audio', 'failure', 'received_at'],
  inbound_receipts: ['channel', 'provider_id', 'received_at', 'contact_id'],
  sent_messages: ['channel', 'provider_id', 'outbox_id', 'status', 'error', 'sent_at', 'updated_at'],
  staff: ['id', 'name', 'role', 'organisation_id', 'token_hash', 'created_at', 'disabled_at', 'email', 'phone_e164', 'password_hash', 'failed_sign_ins', 'locked_until', 'locale'],
  staff_sessions: ['token_hash', 'staff_id', 'csrf_token', 'created_at', 'last_seen_at', 'expires_at', 'viewed_organisation_id'],
  staff_password_links: ['token_hash', 'staff_id', 'expires_at', 'used_at'],
  checkins: ['id', 'notification_id', 'appointment_id', 'answers', 'red_flags', 'completed_at', 'created_at'],
  desk_checkins: ['client_id', 'kind', 'organisation_id', 'campaign_id', 'appointment_id', 'staff_id', 'at', 'received_at', 'outcome', 'answer'],
  broadcasts: ['id', 'organisation_id', 'campaign_id', 'audience', 'texts', 'status', 'scheduled_at', 'created_by', 'targeted', 'segments_left', 'created_at', 'updated_at', 'queued', 'sent', 'failed', 'cancelled', 'counted_at', 'unreachable', 'delivered', 'read', 'failed_by_error'],
  broadcast_segments: ['broadcast_id', 'segment', 'after_id', 'until_id', 'done'],
  message_counts: ['day', 'organisation_id', 'campaign_id', 'channel', 'kind', 'status', 'messages', 'delivered', 'read'],
  staff_alerts: ['id', 'kind', 'appointment_id', 'campaign_id', 'details', 'created_at', 'resolved_at', 'acknowledged_at', 'acknowledged_by', 'resolved_by', 'reposted_at'],
  staff_alert_notes: ['id', 'alert_id', 'staff_id', 'text', 'created_at'],
  notifications: ['id', 'kind', 'contact_id', 'appointment_id', 'label', 'due_at', 'status', 'attempts', 'outbox_id', 'reason', 'donation_id', 'created_at', 'updated_at'],
  donations: ['id', 'beneficiary_id', 'organisation_id', 'campaign_id', 'appointment_id', 'donated_on', 'blood_group', 'next_eligible_on', 'recorded_by', 'created_at'],
  campaign_figures: ['campaign_id', 'registered', 'over_capacity', 'checked_in', 'seen', 'operated', 'no_show'],
  voice_prompts: ['id', 'organisation_id', 'message_key', 'locale', 'audio', 'mime', 'size_bytes', 'duration_ms', 'uploaded_by', 'uploaded_at'],
  voice_prompt_media: ['voice_prompt_id', 'channel', 'account', 'media_id', 'uploaded_at'],
} as const satisfies { [T in keyof Database]: ReadonlyArray<keyof Database[T] & string> };

type Unlisted = { [T in keyof Database]: Exclude<keyof Database[T], (typeof COLUMNS)[T][number]> }[keyof Database];
const everyColumnListed: [Unlisted] extends [never] ? true : Unlisted = true;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('database schema', () => {
  it('has exactly the tables and columns the TypeScript interfaces declare', async () => {
    expect(everyColumnListed).toBe(true);
    const rows = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns where table_schema = 'public'`.execute(t.db);
    const live: Record<string, string[]> = {};
    for (const row of rows.rows) {
      if (row.table_name.startsWith('kysely_')) continue;
      (live[row.table_name] ??= []).push(row.column_name);
    }
    const declared = Object.fromEntries(Object.entries(COLUMNS).map(([table, cols]) => [table, [...cols].sort()]));
    const found = Object.fromEntries(Object.entries(live).map(([table, cols]) => [table, cols.sort()]));
    expect(found).toEqual(declared);
  });
});
