// Table types of the messages: conversations, the outbox and its delivery log, notifications and
// broadcasts, with the counts kept once they are purged. Re-exported by tables.ts.
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate, Locale } from './tables.ts';

/** A column the database fills in (identity, default now()). */
type Auto<T> = ColumnType<T, T | undefined, T>;

export type OutboxKind = 'reply' | 'notification' | 'broadcast' | 'staff_alert';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
/** Asked for a person, three answers that did not fit, an emergency, a picture, a voice note. */
export type TicketReason = 'asked' | 'emergency' | 'stuck' | 'media' | 'voice';
export type HandoffAuthor = 'villager' | 'staff' | 'note';

/** When a staff member last opened a ticket: what arrived after it is unread for them. */
export interface HandoffReadsTable {
  ticket_id: number;
  staff_id: number;
  read_at: Auto<Date>;
}

export interface ConversationsTable {
  contact_id: number;
  /** The dialogue state, parsed with ConversationStateSchema when read. */
  state: ColumnType<unknown, string, string>;
  updated_at: Auto<Date>;
}

export interface OutboxTable {
  id: ColumnType<number, never, never>;
  /** null for an alert to a staff chat, or the one line a Telegram group gets. */
  contact_id: number | null;
  /** Whose message this is (a broadcast, a reminder, a staff alert); null for a reply in the chat. */
  organisation_id: ColumnType<number | null, number | null | undefined, number | null>;
  channel: string;
  recipient: string;
  kind: Auto<OutboxKind>;
  /** A Reply, parsed with ReplySchema when read. */
  payload: ColumnType<unknown, string, string>;
  status: Auto<OutboxStatus>;
  provider_id: string | null;
  error: string | null;
  attempts: Auto<number>;
  sent_at: Date | null;
  delivered_at: Date | null;
  read_at: Date | null;
  created_at: Auto<Date>;
  updated_at: Auto<Date>;
  /** The alert a staff chat's message tells of (kind 'staff_alert'), so erasing the patient finds it. */
  staff_alert_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The reply confirming an erasure: once sent (or failed), only its status and times are kept. */
  forget_after_send: Auto<boolean>;
  /** The campaign a reminder, check-in, recall, broadcast or staff alert was about: its count outlives the row. */
  campaign_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The broadcast this message carries (kind 'broadcast'): one per person per broadcast. */
  broadcast_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export type SentMessageStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface SentMessagesTable {
  channel: string;
  provider_id: string;
  outbox_id: number;
  status: Auto<SentMessageStatus>;
  error: string | null;
  sent_at: Auto<Date>;
  updated_at: Auto<Date>;
}

export type NotificationKind = 'reminder' | 'checkin' | 'recall' | 'broadcast' | 'no_show' | 'walk_in';
export type NotificationStatus = 'pending' | 'queued' | 'sent' | 'cancelled' | 'failed';

export interface NotificationsTable {
  id: ColumnType<number, never, never>;
  kind: NotificationKind;
  contact_id: number;
  appointment_id: number | null;
  label: string;
  due_at: Date;
  status: Auto<NotificationStatus>;
  attempts: Auto<number>;
  outbox_id: number | null;
  reason: string | null;
  donation_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Auto<Date>;
  updated_at: Auto<Date>;
}

export interface BroadcastsTable {
  id: Generated<number>;
  organisation_id: number | null;
  campaign_id: number | null;
  audience: ColumnType<unknown, string, string>;
  texts: ColumnType<Partial<Record<Locale, string>>, string, string>;
  status: Auto<'scheduled' | 'running' | 'done' | 'cancelled'>;
  scheduled_at: Date;
  created_by: string;
  targeted: number | null;
  /** Segments of its audience still to write; done when none is left. */
  segments_left: Auto<number>;
  created_at: Auto<Date>;
  updated_at: Auto<Date>;
  /** Its figures, written from its messages before the retention job deletes them (then counted_at is set). */
  queued: ColumnType<number | null, number | null | undefined, number | null>;
  sent: ColumnType<number | null, number | null | undefined, number | null>;
  failed: ColumnType<number | null, number | null | undefined, number | null>;
  cancelled: ColumnType<number | null, number | null | undefined, number | null>;
  delivered: ColumnType<number | null, number | null | undefined, number | null>;
  read: ColumnType<number | null, number | null | undefined, number | null>;
  /** The failed messages by error text, counted with the figures above (null before that was kept). */
  failed_by_error: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
  counted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Audience members no message can reach, by reason, counted when the broadcast was made (null before it was). */
  unreachable: ColumnType<UnreachableCounts | null, string | null | undefined, string | null>;
}

/** Why a broadcast cannot reach someone of its audience: only test chats (terminal, simulator), or every chat blocked the bot. */
export interface UnreachableCounts {
  test_chat_only: number;
  blocked: number;
}

/** Counts of the messages the retention job deleted: what reports need once the outbox rows are gone. */
export interface MessageCountsTable {
  /** The day (UTC) the messages were written. */
  day: IsoDate;
  organisation_id: number | null;
  campaign_id: number | null;
  channel: string;
  kind: OutboxKind;
  status: OutboxStatus;
  messages: number;
  delivered: number;
  read: number;
}

/** A range of contact ids of a broadcast's audience, written page by page beside the other segments. */
export interface BroadcastSegmentsTable {
  broadcast_id: number;
  segment: number;
  /** The last contact id written: the next page starts after it. */
  after_id: Auto<number>;
  /** The segment's last contact id; null: no end (contacts made after the broadcast). */
  until_id: number | null;
  done: Auto<boolean>;
}

