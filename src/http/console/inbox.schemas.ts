// The inbox's answers and bodies: open tickets, one ticket's conversation and person, and what staff send.
// Shared by the routes and the web console's client. Imports zod only.
import { z } from 'zod';
import { LocalizedTextSchema } from './capacity.schemas.ts';

const Instant = z.string();
export const TICKET_REASONS = ['asked', 'stuck', 'emergency', 'media', 'voice'] as const;
export const TicketReasonSchema = z.enum(TICKET_REASONS);
/** How far a message went: waiting in the outbox, accepted by the channel, on the phone, opened, or refused. */
export const DELIVERY_STATES = ['queued', 'sent', 'delivered', 'read', 'failed'] as const;
export const DeliveryStateSchema = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;

const StaffRefSchema = z.object({ id: z.number().int(), name: z.string() });

/** An item of GET /admin/api/inbox/tickets: urgent first, then the oldest. */
export const InboxTicketSchema = z.object({
  id: z.number().int(),
  reason: TicketReasonSchema,
  urgent: z.boolean(),
  openedAt: Instant,
  /** The first registered person's name, else null (a villager who has registered nobody yet). */
  name: z.string().nullable(),
  channel: z.string().nullable(),
  assignedTo: StaffRefSchema.nullable(),
  /** What the villager last wrote, and when; null before they wrote anything to the ticket. */
  lastText: z.string().nullable(),
  lastAt: Instant.nullable(),
  /** Something arrived since this staff member last opened it (or they never did). */
  unread: z.boolean(),
});
export type InboxTicket = z.infer<typeof InboxTicketSchema>;
export const InboxTicketListSchema = z.object({ items: z.array(InboxTicketSchema), nextCursor: z.string().nullable() });
export type InboxTicketList = z.infer<typeof InboxTicketListSchema>;

/**
 * A voice note on a villager's line: played from `/admin/api/inbox/voice-notes/:id` when its audio
 * arrived, else `failure` says why not (too big for the channel, expired, unreachable, refused).
 */
export const TimelineVoiceSchema = z.object({
  id: z.number().int(),
  mimeType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  durationSeconds: z.number().nullable(),
  failure: z.enum(['too_big', 'expired', 'unreachable', 'refused']).nullable(),
});
export type TimelineVoice = z.infer<typeof TimelineVoiceSchema>;

/** One line of the conversation: the villager, the bot, staff in the chat, or a note staff alone see. */
export const TimelineEntrySchema = z.object({
  key: z.string(),
  author: z.enum(['villager', 'bot', 'staff', 'note']),
  text: z.string(),
  at: Instant,
  staff: z.string().nullable(),
  /** For what went to the villager (bot and staff); null for what they wrote and for notes. */
  delivery: DeliveryStateSchema.nullable(),
  /** Why it failed, as the channel said. */
  error: z.string().nullable(),
  /** The villager's voice note on this line; absent on every other line. */
  voice: TimelineVoiceSchema.optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const TicketPersonSchema = z.object({
  name: z.string().nullable(),
  relation: z.string(),
  sex: z.enum(['female', 'male']).nullable(),
  birthYear: z.number().int().nullable(),
  commune: z.string().nullable(),
});

/** An appointment of the contact's people in one of the organisation's campaigns (others are not shown). */
export const TicketAppointmentSchema = z.object({
  code: z.string(),
  name: z.string().nullable(),
  campaign: LocalizedTextSchema,
  service: z.string(),
  day: z.string(),
  start: z.string(),
  status: z.string(),
});

/** GET /admin/api/inbox/tickets/:id */
export const TicketDetailSchema = z.object({
  id: z.number().int(),
  reason: TicketReasonSchema,
  urgent: z.boolean(),
  openedAt: Instant,
  assignedTo: StaffRefSchema.nullable(),
  contact: z.object({
    channel: z.string().nullable(),
    locale: z.string(),
    phoneMasked: z.string().nullable(),
    optedOut: z.boolean(),
    /** When they last wrote: on WhatsApp, free text goes only within 24 hours of it. */
    lastInboundAt: Instant.nullable(),
  }),
  /** Whether a free text may go now; otherwise only the approved template (`templateText`, in their language). */
  freeTextAllowed: z.boolean(),
  templateText: z.string().nullable(),
  people: z.array(TicketPersonSchema),
  appointments: z.array(TicketAppointmentSchema),
  timeline: z.array(TimelineEntrySchema),
});
export type TicketDetail = z.infer<typeof TicketDetailSchema>;

export const ReplyBodySchema = z.object({ text: z.string().trim().min(1).max(4000) });
export const NoteBodySchema = ReplyBodySchema;
/** `staffId` null gives the ticket back to nobody. */
export const AssignBodySchema = z.object({ staffId: z.number().int().positive().nullable() });

/** POST .../reply, .../template: the outbox row the message went in. */
export const SentAnswerSchema = z.object({ outboxId: z.number().int() });
/** GET /admin/api/inbox/staff: colleagues a ticket can be given to. */
export const ColleaguesSchema = z.object({ items: z.array(StaffRefSchema.extend({ role: z.string() })) });
export type Colleagues = z.infer<typeof ColleaguesSchema>;
/** GET /admin/api/inbox/unread, and each `inbox` event of /admin/api/inbox/events. */
export const InboxPulseSchema = z.object({
  unread: z.number().int().min(0),
  open: z.number().int().min(0),
  /** Open post-operative alerts of the organisation that nobody has taken yet: the badge beside "Alerts". */
  alerts: z.number().int().min(0),
  version: z.string(),
});
export type InboxPulse = z.infer<typeof InboxPulseSchema>;
export const TicketPhoneSchema = z.object({ phone: z.string().nullable() });
export type TicketPhone = z.infer<typeof TicketPhoneSchema>;
