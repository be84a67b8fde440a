// Setting a password from the one-time link `npm run staff -- add --email` or `reset` printed.
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../../domain/staff/password-hash.ts';
import { usePasswordLink } from '../../domain/staff/password-links.ts';
import type { ConsoleContext } from './console-api.ts';
import { LinkInvalidSchema, SetPasswordBodySchema } from './session.schemas.ts';

export function registerPasswordRoutes(app: FastifyInstance, { deps, body, signInLimit }: ConsoleContext): void {
  app.post('/password', { onRequest: signInLimit }, async (request, reply) => {
    const input = await body(SetPasswordBodySchema, request, reply);
    if (!input) return reply;
    const used = await usePasswordLink(deps.db, input.token, await hashPassword(input.password), deps.clock.now());
    // Unknown, used or expired: one answer, the remedy being the same (ask for a new link).
    if (!used) return reply.code(400).send(LinkInvalidSchema.parse({ error: 'link_invalid' }));
    return reply.code(204).send();
  });
}
