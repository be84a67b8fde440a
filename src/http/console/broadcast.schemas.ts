// The broadcast composer's API: the preview's question and answer, a created broadcast, its progress and
// the list of past ones. Shared by the routes and the web console (types only there).
import { z } from 'zod';
import { AudienceSchema, LocaleSchema } from '../../scheduling/broadcast-audience.ts';
import { FAILURE_REASONS } from '../../scheduling/broadcast-failures.ts';

const Count = z.number().int().min(0);
const QuietHoursSchema = z.object({ from: z.string(), until: z.string() });

/** POST /admin/api/broadcasts/preview: nothing is written. */
export const BroadcastPreviewBodySchema = z.object({
  audience: AudienceSchema,
  texts: z.partialRecord(LocaleSchema, z.string().max(1000)).default({}),
  scheduledAt: z.coerce.date().optional(),
});

export const ChannelPreviewSchema = z.object({
  locale: LocaleSchema,
  text: z.string(),
  characters: Count,
  telegram: z.array(z.string()),
  whatsapp: z.array(z.string()),
  whatsappTemplate: z.string(),
});
export type ChannelPreview = z.infer<typeof ChannelPreviewSchema>;

export const BroadcastPreviewSchema = z.object({
  reach: Count,
  whatsappTemplate: Count,
  byLocale: z.partialRecord(LocaleSchema, Count),
  excluded: z.object({ optedOut: Count, noConsent: Count, otherOrganisation: Count, testChatOnly: Count, blocked: Count }),
  /** When sending really starts: the time asked (or now), moved past the quiet hours. */
  startsAt: z.string(),
  quietHours: QuietHoursSchema,
  channels: z.array(ChannelPreviewSchema),
});
export type BroadcastPreview = z.infer<typeof BroadcastPreviewSchema>;

const UnreachableSchema = z.object({ total: Count, reasons: z.object({ test_chat_only: Count, blocked: Count }) }).nullable();

/** POST /admin/api/broadcasts (201). */
export const BroadcastCreatedSchema = z.object({ id: z.number().int(), targeted: Count, unreachable: UnreachableSchema, scheduledAt: z.string(), startsAt: z.string() });
export type BroadcastCreated = z.infer<typeof BroadcastCreatedSchema>;

export const FailureReasonSchema = z.enum(FAILURE_REASONS);

export const BroadcastFiguresSchema = z.object({
  queued: Count,
  waiting: Count,
  sent: Count,
  delivered: Count.nullable(),
  read: Count.nullable(),
  failed: Count,
  cancelled: Count,
  failures: z.array(z.object({ reason: FailureReasonSchema, count: Count })),
});
export type BroadcastFigures = z.infer<typeof BroadcastFiguresSchema>;

const BroadcastStatusSchema = z.enum(['scheduled', 'running', 'done', 'cancelled']);

/** GET /admin/api/broadcasts/:id, and the answer of POST .../cancel. */
export const BroadcastProgressSchema = z.object({
  id: z.number().int(),
  status: BroadcastStatusSchema,
  targeted: Count.nullable(),
  unreachable: UnreachableSchema,
  scheduledAt: z.string(),
  startsAt: z.string(),
  ...BroadcastFiguresSchema.shape,
});
export type BroadcastProgress = z.infer<typeof BroadcastProgressSchema>;

export const BroadcastListItemSchema = z.object({
  id: z.number().int(),
  status: BroadcastStatusSchema,
  campaignId: z.number().int().nullable(),
  targeted: Count.nullable(),
  scheduledAt: z.string(),
  createdBy: z.string(),
  text: z.string(),
  figures: BroadcastFiguresSchema,
});
export const BroadcastListSchema = z.object({ items: z.array(BroadcastListItemSchema), nextCursor: z.string().nullable() });
export type BroadcastList = z.infer<typeof BroadcastListSchema>;
