// Who did something, and through which channel: recorded on appointments and in the audit log.
import { z } from 'zod';

export const CHANNELS = ['telegram', 'whatsapp', 'whatsapp_web', 'web', 'terminal', 'staff', 'import', 'system'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

export const ActorSchema = z.object({
  kind: z.enum(['contact', 'staff', 'system']),
  id: z.union([z.string().min(1), z.number().int()]),
});
export type Actor = z.infer<typeof ActorSchema>;

/** @example actorLabel({ kind: 'staff', id: 4 }) === 'staff:4' */
export function actorLabel(actor: Actor): string {
  return `${actor.kind}:${actor.id}`;
}

/** Who acts and how, for every write a domain service makes. */
export interface WriteContext {
  actor: Actor;
  channel: Channel;
  /** Today in the campaigns' time zone, as 'YYYY-MM-DD'. */
  today: string;
}
