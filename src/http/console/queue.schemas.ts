// A service's queue at the venue: who was checked in for a day and service, in the order they are called,
// and the "seen" mark the service's staff give. Shared by the routes and the web app's client. Imports zod
// and its sibling schemas only.
import { z } from 'zod';
import { DeskPersonSchema } from './desk.schemas.ts';

const IsoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

/** GET /admin/api/campaigns/:id/queue?day=&service= */
export const QueueQuerySchema = z.object({ day: IsoDaySchema, service: z.string().min(1).max(40) });

export const QueuedPersonSchema = z.object({
  appointmentId: z.number().int(),
  code: z.string(),
  ...DeskPersonSchema.shape,
  window: z.object({ start: z.string(), end: z.string() }),
  /** null when a coordinator marked the attendance without the desk. */
  arrivedAt: z.string().nullable(),
  seenAt: z.string().nullable(),
  /** Set by "operated" (the procedure done): the post-operative check-ins are planned from it. */
  procedureDoneAt: z.string().nullable(),
  /** Registered at the desk without a booking. */
  walkIn: z.boolean(),
});
export type QueuedPerson = z.infer<typeof QueuedPersonSchema>;

export const ServiceQueueSchema = z.object({
  campaignId: z.number().int(),
  day: z.string(),
  service: z.string(),
  /** Checked in and neither seen nor operated yet. */
  waiting: z.number().int().min(0),
  /** By window start, then by arrival: the order people are called in. */
  people: z.array(QueuedPersonSchema),
});
export type ServiceQueue = z.infer<typeof ServiceQueueSchema>;

/** POST /admin/api/appointments/:id/seen: the first mark is kept, so a second tap changes nothing. */
export const SeenSchema = z.object({ appointmentId: z.number().int(), seenAt: z.string() });
export type Seen = z.infer<typeof SeenSchema>;
