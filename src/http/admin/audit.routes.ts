// The organisation's audit log for its coordinators (and the platform admin looking at the organisation):
// who did what and when, filtered on the server by staff member, kind and day.
import type { FastifyInstance } from 'fastify';
import { auditFilters, searchAuditLog } from '../../domain/audit/audit-search.ts';
import { AuditFiltersSchema, AuditPageSchema, AuditQuerySchema } from '../console/audit.schemas.ts';
import type { AdminContext } from './admin-api.routes.ts';
import { shaped } from './route-shape.ts';

export function registerAuditRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db, timeZone } = ctx.deps;
  const coordinators = { preHandler: ctx.allow('coordinator') };
  scope.get('/audit', coordinators, shaped({ query: AuditQuerySchema, answer: AuditPageSchema, notFound: () => 'no audit log' }, ({ query }, request) => searchAuditLog(db, ctx.organisationId(request), timeZone, query)));
  scope.get('/audit/filters', coordinators, shaped({ answer: AuditFiltersSchema, notFound: () => 'no audit log' }, (_input, request) => auditFilters(db, ctx.organisationId(request))));
}
