// Structured logs (pino). Log ids, never a phone number, a name, what a villager wrote or a token.
import { pino, type Logger } from 'pino';
import { redactDeep } from './redact.ts';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'qafila' },
      // A last guard, at every depth: even a caller who passes a contact or a database error cannot leak it.
      // Fastify's request and reply go to their serializers below as they are (the request keeps its path only).
      formatters: {
        log: ({ req, res, ...rest }) => ({ ...(redactDeep(rest) as Record<string, unknown>), ...(req === undefined ? {} : { req }), ...(res === undefined ? {} : { res }) }),
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? (redactDeep(a) as string) : a)) as Parameters<typeof method>);
        },
      },
      serializers: {
        // Query strings can carry tokens (?token=, hub.verify_token=) and webhook paths nothing personal: log the path only.
        req: (req: { method?: string; url?: string; id?: string }) => ({ id: req.id, method: req.method, path: req.url?.split('?')[0] }),
      },
    },
    destination,
  );
}
