// What never reaches a log line, at whatever depth it hides: fields that hold phones, names, what
// villagers wrote and secrets, and any run of digits long enough to be a phone number (a database
// error's "Key (phone_e164)=(+212612345678) already exists"). Pure.

/** Keys whose values are replaced wherever they appear (compared without case, "_" or "-"). */
const SECRET_KEYS = new Set(['phone', 'phonee164', 'fullname', 'name', 'text', 'body', 'caption', 'token', 'authorization', 'cookie', 'detail', 'recipient', 'externalid', 'from', 'to', 'payload', 'answers']);
const PHONE_LIKE = /\+?\d[\d ]{7,}\d/g;
export const CENSOR = '[redacted]';

const normalise = (key: string) => key.toLowerCase().replace(/[_-]/g, '');

/**
 * A copy of `value` with secret fields censored and phone-like digits masked, to any depth.
 *
 * @example redactDeep({ err: { detail: 'Key (phone_e164)=(+212612345678) exists' } }) // { err: { detail: '[redacted]' } }
 */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(PHONE_LIKE, CENSOR);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  // An error's message and stack are not enumerable: keep them, as pino's serializer would, censored.
  if (value instanceof Error) return redactDeep({ ...value, type: value.name, message: value.message, stack: value.stack }, depth);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEYS.has(normalise(key)) && v !== null && v !== undefined ? CENSOR : redactDeep(v, depth + 1);
  return out;
}
