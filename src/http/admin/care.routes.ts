// The organisation's people: handoff tickets, attendance, procedures done, donations, post-operative
// alerts, erasure on request, and the messages a crash left in doubt. Ids of another organisation's
// rows answer 404, exactly as ids that do not exist.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../../domain/audit/audit-log.ts';
import { eraseContact } from '../../domain/contacts/erasure.ts';
import { recordDonation, RecordDonationSchema } from '../../domain/donors/donations.ts';
import { closeTicket, listOpenTickets } from '../../domain/handoff/handoff-tickets.ts';
import { dealtWithOrganisation } from '../../domain/organisations/organisation-contacts.ts';
import { PageQuerySchema } from '../../domain/pagination.ts';
import { DOUBTFUL_AFTER_MS, doubtfulOutbox } from '../../delivery/outbox.ts';
import { DEFAULT_CHECKIN_DAYS, markProcedureDone } from '../../scheduling/checkins.ts';
import { DEFAULT_QUIET_HOURS } from '../../scheduling/quiet-hours.ts';
import { scheduleRecall } from '../../scheduling/recalls.ts';
import { scheduleRemindersFor } from '../../scheduling/reminders.ts';
import { DEFAULT_REMINDER_RULES } from '../../scheduling/reminder-times.ts';
import { listStaffAlerts } from '../../scheduling/staff-alerts.ts';
import { badRequest, IdParams, type AdminContext } from './admin-api.routes.ts';

const AttendanceBody = z.object({ status: z.enum(['attended', 'no_show']) });
const AlertsQuery = PageQuerySchema.extend({ campaign: z.coerce.number().int().positive().optional() });

export function registerCareRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db, clock, timeZone } = ctx.deps;
  const quiet = ctx.deps.quietHours ?? DEFAULT_QUIET_HOURS;

  scope.get('/tickets', { preHandler: ctx.allow('coordinator', 'medical') }, async (request, reply) => {
    const page = PageQuerySchema.safeParse(request.query);
    if (!page.success) return badRequest(reply, page.error);
    return listOpenTickets(db, ctx.organisationId(request), page.data);
  });

  scope.post('/tickets/:id/close', { preHandler: ctx.allow('coordinator') }, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    const closed = await db.transaction().execute((trx) => closeTicket(trx, ctx.actor(request), ctx.organisationId(request), params.data.id));
    return closed ? { closed: true } : reply.code(404).send({ error: `no open ticket ${params.data.id}` });
  });

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
    const updated = await db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('appointments')
        .set({ status: body.data.status, updated_at: sql<Date>`now()` })
        .where('id', '=', params.data.id)
        .where('campaign_id', 'in', (eb) => eb.selectFrom('campaigns').select('id').where('organisation_id', '=', ctx.organisationId(request)))
        .where('status', 'in', ['booked', 'attended', 'no_show'])
        .returning(['id', 'status'])
        .executeTakeFirst();
      if (row) await recordAudit(trx, { actor: ctx.actor(request), action: `appointment.${body.data.status}`, entity: 'appointment', entityId: row.id });
      return row;
    });
    return updated ?? reply.code(404).send({ error: `no booked appointment ${params.data.id}` });
  });

  scope.post('/donations', { preHandler: ctx.allow('coordinator', 'medical') }, async (request, reply) => {
    const input = RecordDonationSchema.safeParse(request.body);
    if (!input.success) return badRequest(reply, input.error);
    const settings = { zone: timeZone, quiet, at: '10:00' };
    const { donation, recall } = await db.transaction().execute(async (trx) => {
      const recorded = await recordDonation(trx, ctx.actor(request), ctx.organisationId(request), input.data);
      return { donation: recorded, recall: await scheduleRecall(trx, recorded, settings) };
    });
    if (recall) await ctx.deps.timers?.schedule([recall], clock.now());
    return reply.code(201).send({ donationId: donation.donationId, donatedOn: donation.donatedOn, nextEligibleOn: donation.nextEligibleOn, recallAt: recall?.dueAt ?? null });
  });

  scope.get('/alerts', { preHandler: ctx.allow('coordinator', 'medical') }, async (request, reply) => {
    const query = AlertsQuery.safeParse(request.query);
    if (!query.success) return badRequest(reply, query.error);
    const { campaign, ...page } = query.data;
    return listStaffAlerts(db, ctx.organisationId(request), { ...page, ...(campaign !== undefined ? { campaignId: campaign } : {}) });
  });

  // A villager who asked the organisation by phone to delete their data: the same erasure as "delete my data" in the chat.
  scope.post('/contacts/:id/erase', { preHandler: ctx.allow('coordinator') }, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    const done = await db.transaction().execute(async (trx) => {
      const known = await trx.selectFrom('contacts').select('id').where('id', '=', params.data.id).where((eb) => dealtWithOrganisation(eb, ctx.organisationId(request))).executeTakeFirst();
      if (!known) return undefined;
      const erased = await eraseContact(trx, { actor: ctx.actor(request), channel: 'staff', today: ctx.today() }, known.id, ctx.deps.booking);
      // The places it freed went to people waiting: they are reminded like anyone who books.
      const reminders = await scheduleRemindersFor(trx, erased.promotedAppointmentIds, clock.now(), { zone: timeZone, quiet, rules: DEFAULT_REMINDER_RULES });
      return { erased, reminders };
    });
    if (!done) return reply.code(404).send({ error: `no contact ${params.data.id}` });
    await ctx.deps.timers?.schedule(done.reminders, clock.now());
    return { beneficiaries: done.erased.beneficiaries, cancelledAppointments: done.erased.cancelledAppointments, promotedFromWaitingList: done.erased.promotedAppointmentIds.length };
  });

  // Messages a crash left undecided (the provider may or may not have delivered them).
  scope.get('/outbox/doubtful', { preHandler: ctx.allow('coordinator') }, async (request) => doubtfulOutbox(db, ctx.organisationId(request), DOUBTFUL_AFTER_MS));
}
