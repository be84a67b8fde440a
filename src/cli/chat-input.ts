// One line of `npm run chat -- --jsonl` input, checked: a text, a pressed choice or a shared location.
import { z } from 'zod';
import type { Inbound } from '../conversation/inbound.ts';

export const ChatLineSchema = z
  .object({
    from: z.string().min(1, 'from is empty'),
    text: z.string().optional(),
    choice: z.string().min(1).max(64).optional(),
    location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  })
  .refine((l) => l.text !== undefined || l.choice !== undefined || l.location !== undefined, { message: 'give "text", "choice" or "location"' });

export type ChatLine = z.infer<typeof ChatLineSchema>;

/** Parses a JSON line into an inbound message, or says what is wrong with it. */
export function parseChatLine(line: string): { ok: true; inbound: Inbound } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    return { ok: false, error: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  const parsed = ChatLineSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ') };
  const l = parsed.data;
  return {
    ok: true,
    inbound: {
      channel: 'terminal',
      from: l.from,
      phone: l.from,
      ...(l.text !== undefined ? { text: l.text } : {}),
      ...(l.choice !== undefined ? { choice: l.choice } : {}),
      ...(l.location ? { location: l.location } : {}),
    },
  };
}
