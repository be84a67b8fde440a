// The organisation's audit log as its coordinators read it: the filters, a page of entries, what the
// filters offer. Shared by the routes and the web console. Imports zod only.
import { z } from 'zod';
import { PageQuerySchema } from '../../domain/pagination.ts';

/** GET /admin/api/audit: the organisation's log, newest first, a page at a time. */
export const AuditQuerySchema = PageQuerySchema.extend({
  staff: z.coerce.number().int().positive().optional(),
  kind: z.string().trim().min(1).max(60).optional(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD').optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** The staff member's name; null for a villager or the system. */
  staff: z.string().nullable(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;
export const AuditPageSchema = z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** GET /admin/api/audit/filters: who and what the filters offer. */
export const AuditFiltersSchema = z.object({
  staff: z.array(z.object({ id: z.number().int(), name: z.string() })),
  kinds: z.array(z.string()),
});
export type AuditFilters = z.infer<typeof AuditFiltersSchema>;
