// Post-operative alerts for the organisation's medical staff: red flags and unreachable patients, a page
// at a time; one alert with the answers and the phone (audited); acknowledge, note, resolve (audited).
// Coordinators read them too; only the medical staff act on them.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AlertDetailSchema, AlertListQuerySchema, AlertListSchema, AlertNoteBodySchema, AlertStateSchema } from '../console/alerts.schemas.ts';
import { acknowledgeAlert, addAlertNote, resolveAlert, type AlertActor } from '../../scheduling/staff-alert-actions.ts';
import { alertState, listOpenAlerts, readAlert } from '../../scheduling/staff-alert-board.ts';
import { badRequest, IdParams, type AdminContext } from './admin-api.routes.ts';
import { shaped } from './route-shape.ts';

export function registerAlertRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db, clock, timeZone } = ctx.deps;
  const readers = { preHandler: ctx.allow('coordinator', 'medical') };
  const actors = { preHandler: ctx.allow('medical') };
  const by = (request: FastifyRequest): AlertActor => ({ actor: ctx.actor(request), staffId: ctx.staff(request).id, organisationId: ctx.organisationId(request) });
  const notFound = ({ params }: { params: { id: number } }) => `no alert ${params.id}`;

  scope.get(
    '/alerts',
    readers,
    shaped({ query: AlertListQuerySchema, answer: AlertListSchema, notFound: () => 'no alerts' }, ({ query }, request) => {
      const { campaign, ...page } = query;
      return listOpenAlerts(db, ctx.organisationId(request), timeZone, { ...page, ...(campaign !== undefined ? { campaignId: campaign } : {}) });
    }),
  );

  scope.get(
    '/alerts/:id',
    readers,
    shaped({ params: IdParams, answer: AlertDetailSchema, notFound }, ({ params }, request) =>
      db.transaction().execute((trx) => readAlert(trx, { actor: ctx.actor(request), organisationId: ctx.organisationId(request) }, params.id, timeZone, ctx.today())),
    ),
  );

  scope.post(
    '/alerts/:id/acknowledge',
    actors,
    shaped({ params: IdParams, answer: AlertStateSchema, notFound }, async ({ params }, request) => {
      const found = await db.transaction().execute((trx) => acknowledgeAlert(trx, by(request), params.id, clock.now()));
      return found ? alertState(db, ctx.organisationId(request), params.id) : undefined;
    }),
  );

  scope.post(
    '/alerts/:id/resolve',
    actors,
    shaped({ params: IdParams, answer: AlertStateSchema, notFound }, async ({ params }, request) => {
      const found = await db.transaction().execute((trx) => resolveAlert(trx, by(request), params.id, clock.now()));
      return found ? alertState(db, ctx.organisationId(request), params.id) : undefined;
    }),
  );

  scope.post('/alerts/:id/notes', actors, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    const body = AlertNoteBodySchema.safeParse(request.body);
    if (!body.success) return badRequest(reply, body.error);
    const note = await db.transaction().execute((trx) => addAlertNote(trx, by(request), params.data.id, body.data.text));
    if (!note) return reply.code(404).send({ error: notFound({ params: params.data }) });
    return reply.code(201).send(AlertStateSchema.parse(await alertState(db, ctx.organisationId(request), params.data.id)));
  });
}
