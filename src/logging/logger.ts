// Structured logs (pino). Log ids, never a phone number or a name.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'qafila' },
      // A last guard: even if a caller passes a contact object, these fields never reach the log.
      redact: { paths: ['*.phone_e164', '*.phone', '*.full_name', '*.fullName', 'phone', 'fullName'], censor: '[redacted]' },
      serializers: {
        // Query strings can carry tokens (?token=, hub.verify_token=) and webhook paths nothing personal: log the path only.
        req: (req: { method?: string; url?: string; id?: string }) => ({ id: req.id, method: req.method, path: req.url?.split('?')[0] }),
      },
    },
    destination,
  );
}
