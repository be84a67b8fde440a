// Table types for Kysely, kept in step with migrations/ (a test compares them with the live schema).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
export * from './message-tables.ts';
import type { BroadcastSegmentsTable, BroadcastsTable, ConversationsTable, HandoffAuthor, HandoffReadsTable, MessageCountsTable, NotificationsTable, OutboxTable, SentMessagesTable, TicketReason } from './message-tables.ts';
import type { DeskCheckinsTable, StaffLocale, StaffPasswordLinksTable, StaffRole, StaffSessionsTable, StaffTable } from './staff-tables.ts';
export { STAFF_ROLES } from './staff-tables.ts';
export type { DeskCheckinsTable, StaffLocale, StaffPasswordLinksTable, StaffRole, StaffSessionsTable, StaffTable };
import type { VoiceFailure, VoiceNotesTable, VoicePromptMediaTable, VoicePromptsTable } from './voice-tables.ts';
export type { VoiceFailure, VoiceNotesTable, VoicePromptMediaTable, VoicePromptsTable };

/** A column the database fills in (identity, default now()). */
type Auto<T> = ColumnType<T, T | undefined, T>;
/** `date` columns are read and written as ISO strings ('2026-12-14'): no time-zone drift. */
export type IsoDate = string;
/** `time` columns are read and written as 'HH:MM:SS' strings. */
export type IsoTime = string;

export type CampaignKind = 'caravan' | 'blood_drive';
export type CampaignStatus = 'draft' | 'published' | 'closed' | 'cancelled';
export const ORGANISATION_KINDS = ['association', 'ministry', 'blood_agency'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type AppointmentStatus = 'booked' | 'cancelled' | 'attended' | 'no_show';
export type WaitlistStatus = 'waiting' | 'promoted' | 'cancelled';
export type Relation = 'self' | 'child' | 'parent' | 'spouse' | 'sibling' | 'other';
export type Sex = 'female' | 'male';
import type { Locale } from '../i18n/locales.ts';
export type { Locale };
/**
 * Per-locale text, e.g. a campaign title. Which locales it holds is up to the campaign file: a title has
 * French or Arabic (or both), a venue's names French; read it with `inLocale` (domain/campaigns/localized-text.ts).
 */
export type LocalizedText = Partial<Record<Locale, string>>;
/** A venue's or commune's names per locale: French is the one staff read (also in venue_name, commune). */
export type PlaceNames = LocalizedText & { fr: string };

export interface RegionsTable {
  code: string;
  name_fr: string;
  name_ar: string;
}

export interface ProvincesTable {
  code: string;
  region_code: string;
  kind: 'prefecture' | 'province';
  name_fr: string;
  name_ar: string;
  lat: number;
  lon: number;
  aliases: string[];
}

export interface OrganisationsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: OrganisationKind;
  donor_rules: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Auto<Date>;
}

export interface CampaignsTable {
  id: Generated<number>;
  slug: string;
  organisation_id: number;
  kind: CampaignKind;
  title: ColumnType<LocalizedText, string, string>;
  description: ColumnType<Partial<Record<Locale, string>>, string | undefined, string>;
  province_code: string;
  commune: string;
  venue_name: string;
  /** The venue's and the commune's names per locale (the French one is also in venue_name, commune); null when one name was given. */
  venue_names: ColumnType<PlaceNames | null, string | null | undefined, string | null>;
  commune_names: ColumnType<PlaceNames | null, string | null | undefined, string | null>;
  venue_lat: number;
  venue_lon: number;
  first_day: IsoDate;
  last_day: IsoDate;
  status: Auto<CampaignStatus>;
  donor_target: number | null;
  /** ReminderRule[] or null for the defaults. */
  reminder_rules: ColumnType<unknown, string | null | undefined, string | null>;
  staff_telegram_chat: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Auto<Date>;
  updated_at: Auto<Date>;
}

export interface CampaignServicesTable {
  campaign_id: number;
  service: string;
  requires_fasting: Auto<boolean>;
  /** number[] of days after the procedure, or null for the defaults. */
  checkin_days: ColumnType<unknown, string | null | undefined, string | null>;
  /** 'anyone', 'women' or 'children' when the campaign overrides the service's default; null keeps it. */
  audience: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SlotsTable {
  id: Generated<number>;
  campaign_id: number;
  service: string;
  day: IsoDate;
  starts_at: IsoTime;
  ends_at: IsoTime;
  capacity: number;
  booked: Auto<number>;
}

export interface ContactsTable {
  id: Generated<number>;
  phone_e164: string | null;
  locale: Locale | null;
  province_code: string | null;
  consent_at: Date | null;
  opted_out_at: Date | null;
  donor_recall_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Auto<Date>;
  updated_at: Auto<Date>;
  /** The villager asked for recorded voice prompts beside the text (they may not read). */
  voice_prompts: Auto<boolean>;
}

export interface ContactIdentitiesTable {
  channel: string;
  external_id: string;
  contact_id: number;
  created_at: Auto<Date>;
  /** When this identity last wrote to us: WhatsApp allows free-form replies for 24 hours after. */
  last_inbound_at: Date | null;
  /** The person blocked the bot on this chat (Telegram): nothing unasked goes there until they write again. */
  blocked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The chat refused a voice note (Telegram's VOICE_MESSAGES_FORBIDDEN): it gets the text only. */
  voice_refused_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface BeneficiariesTable {
  id: Generated<number>;
  contact_id: number;
  relation: Relation;
  full_name: string | null;
  sex: Sex | null;
  birth_year: number | null;
  commune: string | null;
  erased_at: Date | null;
  blood_group: ColumnType<BloodGroup | null, BloodGroup | null | undefined, BloodGroup | null>;
  created_at: Auto<Date>;
}

export interface AppointmentsTable {
  id: Generated<number>;
  code: string;
  beneficiary_id: number;
  campaign_id: number;
  service: string;
  slot_id: number;
  status: Auto<AppointmentStatus>;
  channel: string;
  created_by: string;
  /** Set when the villager answered a reminder "I will come". */
  confirmed_at: Date | null;
  /** Set by medical staff when the surgery or procedure was done: check-ins follow. */
  procedure_done_at: Date | null;
  created_at: Auto<Date>;
  updated_at: Auto<Date>;
  /** Registered at the desk over a full window: the window's `booked` leaves it out. */
  walk_in: Auto<boolean>;
  /** The first arrival at the desk (earliest time a desk gave), by whom and under which client id. */
  arrived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  arrived_by: ColumnType<number | null, number | null | undefined, number | null>;
  arrival_client_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Marked by the service's staff once the person was seen (first mark kept), and by whom. */
  seen_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  seen_by: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface WaitlistEntriesTable {
  id: Generated<number>;
  beneficiary_id: number;
  campaign_id: number;
  service: string;
  day: IsoDate | null;
  status: Auto<WaitlistStatus>;
  appointment_id: number | null;
  channel: string;
  created_by: string;
  created_at: Auto<Date>;
  updated_at: Auto<Date>;
}

export interface AuditLogTable {
  id: ColumnType<string, never, never>;
  at: Auto<Date>;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** The acting staff member's organisation when they acted; null for villagers, the system and the platform admin. */
  organisation_id: ColumnType<number | null, number | null | undefined, number | null>;
}


export const BLOOD_GROUPS = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'] as const;
export type BloodGroup = (typeof BLOOD_GROUPS)[number];

export interface DonationsTable {
  id: Generated<number>;
  beneficiary_id: number;
  organisation_id: number;
  campaign_id: number | null;
  appointment_id: number | null;
  donated_on: IsoDate;
  blood_group: BloodGroup | null;
  next_eligible_on: IsoDate;
  recorded_by: string;
  created_at: Auto<Date>;
}

export interface CheckinsTable {
  id: Generated<number>;
  notification_id: number;
  appointment_id: number;
  answers: ColumnType<Record<string, string | number | boolean>, string | undefined, string>;
  red_flags: ColumnType<string[], string[] | undefined, string[]>;
  completed_at: Date | null;
  created_at: Auto<Date>;
}

export interface StaffAlertsTable {
  id: Generated<number>;
  kind: 'red_flag' | 'unreachable';
  appointment_id: number;
  campaign_id: number;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Auto<Date>;
  resolved_at: Date | null;
  acknowledged_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  acknowledged_by: ColumnType<number | null, number | null | undefined, number | null>;
  resolved_by: ColumnType<number | null, number | null | undefined, number | null>;
  /** When the staff chat was told again that nobody acknowledged it within the hour. */
  reposted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface StaffAlertNotesTable {
  id: Generated<number>;
  alert_id: number;
  staff_id: number;
  text: string;
  created_at: Auto<Date>;
}

export interface InboundReceiptsTable {
  channel: string;
  provider_id: string;
  received_at: Auto<Date>;
  /** Who sent it, noted with the reply: a WhatsApp message id holds the sender's number, so erasure drops it. */
  contact_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface HandoffTicketsTable {
  id: Generated<number>;
  contact_id: number;
  /** The organisation whose staff answer; null until the platform admin routes it. */
  organisation_id: ColumnType<number | null, number | null | undefined, number | null>;
  reason: TicketReason;
  urgent: Auto<boolean>;
  status: Auto<'open' | 'closed'>;
  opened_at: Auto<Date>;
  closed_at: Date | null;
  closed_by: string | null;
  /** The staff member who took it (themselves or given by a colleague); null while nobody has. */
  assigned_to: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface HandoffMessagesTable {
  id: ColumnType<number, never, never>;
  ticket_id: number;
  text: string;
  at: Auto<Date>;
  /** The villager wrote it, staff answered in the chat, or staff noted it for colleagues only. */
  author: Auto<HandoffAuthor>;
  staff_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The outbox row a staff answer went out as: its delivery status. */
  outbox_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface AlertSubscriptionsTable {
  contact_id: number;
  province_code: string;
  created_at: Auto<Date>;
}

/** Changes to a campaign's appointment figures, written by triggers and summed by reports (see domain/reports/campaign-figures.ts). */
export interface CampaignFiguresTable {
  campaign_id: number;
  registered: number;
  over_capacity: number;
  checked_in: number;
  seen: number;
  operated: number;
  no_show: number;
}

export interface Database {
  regions: RegionsTable;
  provinces: ProvincesTable;
  organisations: OrganisationsTable;
  campaigns: CampaignsTable;
  campaign_services: CampaignServicesTable;
  slots: SlotsTable;
  contacts: ContactsTable;
  contact_identities: ContactIdentitiesTable;
  beneficiaries: BeneficiariesTable;
  appointments: AppointmentsTable;
  waitlist_entries: WaitlistEntriesTable;
  audit_log: AuditLogTable;
  conversations: ConversationsTable;
  outbox: OutboxTable;
  handoff_tickets: HandoffTicketsTable;
  handoff_messages: HandoffMessagesTable;
  handoff_reads: HandoffReadsTable;
  alert_subscriptions: AlertSubscriptionsTable;
  voice_notes: VoiceNotesTable;
  inbound_receipts: InboundReceiptsTable;
  sent_messages: SentMessagesTable;
  notifications: NotificationsTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  staff_password_links: StaffPasswordLinksTable;
  checkins: CheckinsTable;
  desk_checkins: DeskCheckinsTable;
  staff_alerts: StaffAlertsTable;
  staff_alert_notes: StaffAlertNotesTable;
  broadcasts: BroadcastsTable;
  broadcast_segments: BroadcastSegmentsTable;
  message_counts: MessageCountsTable;
  donations: DonationsTable;
  campaign_figures: CampaignFiguresTable;
  voice_prompts: VoicePromptsTable;
  voice_prompt_media: VoicePromptMediaTable;
}

export type Campaign = Selectable<CampaignsTable>;
export type NewCampaign = Insertable<CampaignsTable>;
export type CampaignUpdate = Updateable<CampaignsTable>;
export type Slot = Selectable<SlotsTable>;
export type Appointment = Selectable<AppointmentsTable>;
export type Beneficiary = Selectable<BeneficiariesTable>;
export type Contact = Selectable<ContactsTable>;
