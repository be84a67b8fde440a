// One line of the `npm run nlu` protocol: {"text": "..."} in, one JSON line out, never a throw.
import { z } from 'zod';
import { understand } from './understand.ts';

const RequestSchema = z.object({ text: z.string() });

/**
 * @example answerLine('{"text": "wa7ed"}') // '{"intent":"choice","locale":"ary","script":"latn","entities":{"number":1}}'
 * @example answerLine('nope')              // '{"error":"not valid JSON: ..."}'
 */
export function answerLine(line: string): string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    const why = line.trim() === '' ? 'empty line' : err instanceof Error ? err.message : String(err);
    return JSON.stringify({ error: `not valid JSON (${why}); expected {"text": "..."}` });
  }
  const request = RequestSchema.safeParse(value);
  if (!request.success) return JSON.stringify({ error: 'expected an object with a string field "text", like {"text": "salam"}' });
  return JSON.stringify(understand(request.data.text));
}
