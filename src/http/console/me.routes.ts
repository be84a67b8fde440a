// The signed-in member's own settings: the console's language, remembered for every device.
import type { FastifyInstance } from 'fastify';
import { setStaffLocale, staffProfile } from '../../domain/staff/staff-profile.ts';
import type { ConsoleContext } from './console-api.ts';
import { refuseSignedOut } from './session-cookie.ts';
import { MeBodySchema, MeSchema } from './session.schemas.ts';

export function registerMeRoutes(app: FastifyInstance, { deps, session, body }: ConsoleContext): void {
  app.patch('/me', async (request, reply) => {
    const live = await session(request, reply);
    if (!live) return reply;
    const input = await body(MeBodySchema, request, reply);
    if (!input) return reply;
    await setStaffLocale(deps.db, live.staff.id, input.locale);
    const profile = await staffProfile(deps.db, live.staff.id);
    if (!profile) return refuseSignedOut(reply);
    return reply.send(MeSchema.parse(profile));
  });
}
