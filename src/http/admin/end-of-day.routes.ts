// Closing a venue day: the coordinator's button once the last patient has left (any time on or after the
// day; before it, nobody can have missed it yet).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { closeDay } from '../../domain/venue/end-of-day.ts';
import { DEFAULT_QUIET_HOURS } from '../../scheduling/quiet-hours.ts';
import { scheduleRemindersFor } from '../../scheduling/reminders.ts';
import { DEFAULT_REMINDER_RULES } from '../../scheduling/reminder-times.ts';
import { badRequest, type AdminContext } from './admin-api.routes.ts';

// Its own schema, not IdParams extended: the admin API module imports this one, so IdParams is not there yet.
const DayParams = z.object({ id: z.coerce.number().int().positive(), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD') });

export function registerEndOfDayRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db, clock, timeZone } = ctx.deps;
  const quiet = ctx.deps.quietHours ?? DEFAULT_QUIET_HOURS;

  scope.post('/campaigns/:id/days/:day/close', { preHandler: ctx.allow('coordinator') }, async (request, reply) => {
    const params = DayParams.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    const { id, day } = params.data;
    if (day > ctx.today()) return reply.code(400).send({ error: `${day} has not come yet: close a day once it has begun` });
    const now = clock.now();
    const done = await db.transaction().execute(async (trx) => {
      const closed = await closeDay(trx, ctx.actor(request), ctx.organisationId(request), id, day, now, { zone: timeZone, quiet, booking: ctx.deps.booking });
      if (!closed) return undefined;
      // Those the next day's waiting list moved up are reminded like anyone who books.
      const reminders = await scheduleRemindersFor(trx, closed.promoted, now, { zone: timeZone, quiet, rules: DEFAULT_REMINDER_RULES });
      return { closed, timers: [...closed.messages, ...reminders] };
    });
    if (!done) return reply.code(404).send({ error: `no campaign ${id}` });
    await ctx.deps.timers?.schedule(done.timers, now);
    return { noShows: done.closed.noShows.length, messages: done.closed.messages.length, promoted: done.closed.promoted.length };
  });
}
