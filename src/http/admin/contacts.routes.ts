// A villager who asked the organisation by phone to delete their data: the same erasure as "delete my
// data" in the chat, refused (404) for a contact who never dealt with the organisation.
import type { FastifyInstance } from 'fastify';
import { eraseContact } from '../../domain/contacts/erasure.ts';
import { dealtWithOrganisation } from '../../domain/organisations/organisation-contacts.ts';
import { DEFAULT_QUIET_HOURS } from '../../scheduling/quiet-hours.ts';
import { scheduleRemindersFor } from '../../scheduling/reminders.ts';
import { DEFAULT_REMINDER_RULES } from '../../scheduling/reminder-times.ts';
import { badRequest, IdParams, type AdminContext } from './admin-api.routes.ts';

export function registerContactRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db, clock, timeZone } = ctx.deps;
  const quiet = ctx.deps.quietHours ?? DEFAULT_QUIET_HOURS;

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
}
