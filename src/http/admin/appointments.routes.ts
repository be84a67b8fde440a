// The organisation's appointments: attendance at the venue, the procedure done (check-ins follow), and
// the villager's phone number for a coordinator who must call them (audited).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { revealAppointmentPhone } from '../../domain/appointments/appointment-phone.ts';
import { markAttendance } from '../../domain/appointments/attendance.ts';
import { DEFAULT_CHECKIN_DAYS, markProcedureDone } from '../../scheduling/checkins.ts';
import { DEFAULT_QUIET_HOURS } from '../../scheduling/quiet-hours.ts';
import { AppointmentPhoneSchema } from '../console/capacity.schemas.ts';
import { badRequest, IdParams, type AdminContext } from './admin-api.routes.ts';
import { shaped } from './route-shape.ts';

const AttendanceBody = z.object({ status: z.enum(['attended', 'no_show']) });

export function registerAppointmentRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db, clock, timeZone } = ctx.deps;
  const quiet = ctx.deps.quietHours ?? DEFAULT_QUIET_HOURS;

  scope.post('/appointments/:id/procedure-done', { preHandler: ctx.allow('coordinator', 'medical') }, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    const settings = { zone: timeZone, quiet, days: DEFAULT_CHECKIN_DAYS, at: '10:00' };
    const scheduled = await db.transaction().execute((trx) => markProcedureDone(trx, ctx.actor(request), ctx.organisationId(request), params.data.id, clock.now(), settings));
    if (!scheduled) return reply.code(404).send({ error: `no appointment ${params.data.id} waiting for its procedure` });
    await ctx.deps.timers?.schedule(scheduled, clock.now());
    return { checkins: scheduled.map((c) => c.dueAt) };
  });

  scope.post('/appointments/:id/attendance', { preHandler: ctx.allow('coordinator') }, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    const body = AttendanceBody.safeParse(request.body);
    if (!body.success) return badRequest(reply, body.error);
    const updated = await db.transaction().execute((trx) => markAttendance(trx, ctx.actor(request), ctx.organisationId(request), params.data.id, body.data.status));
    return updated ?? reply.code(404).send({ error: `no booked appointment ${params.data.id}` });
  });

  scope.get(
    '/appointments/:id/phone',
    { preHandler: ctx.allow('coordinator', 'medical') },
    shaped({ params: IdParams, answer: AppointmentPhoneSchema, notFound: ({ params }) => `no appointment ${params.id}` }, ({ params }, request) =>
      db.transaction().execute((trx) => revealAppointmentPhone(trx, ctx.actor(request), ctx.organisationId(request), params.id)),
    ),
  );
}
