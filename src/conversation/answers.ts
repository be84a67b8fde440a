// Reading an answer: a pressed button, a number in any digits or words, yes or no.
import { normalizeText } from '../understanding/normalize.ts';
import type { Locale } from '../i18n/translator.ts';
import type { Understanding } from '../understanding/intents.ts';
import type { Turn } from './context.ts';

/**
 * The option the villager picked among `ids` (in the order they were shown), by button or by number.
 *
 * @example pickOption(turnOf('2'), ['a', 'b']) // 'b'
 */
export function pickOption<T extends string | number>(turn: Turn, ids: readonly T[]): T | undefined {
  const pressed = turn.inbound.choice;
  if (pressed !== undefined) return ids.find((id) => String(id) === pressed);
  const n = turn.understanding.entities.number;
  if (turn.understanding.intent !== 'choice' || n === undefined || n < 1) return undefined;
  return ids[n - 1];
}

/** 1 or "yes" → true, 2 or "no" → false; anything else undefined. */
export function yesNo(turn: Turn): boolean | undefined {
  const pressed = pickOption(turn, ['yes', 'no']);
  if (pressed !== undefined) return pressed === 'yes';
  if (turn.understanding.intent === 'yes') return true;
  if (turn.understanding.intent === 'no') return false;
  return undefined;
}

/** A number standing alone, or glued to a unit ("65kg"); Arabizi digits inside words ("3afak") are letters. */
const NUMBER_TOKEN = /^(\d{1,6})(kg|kilo|ans?)?$/;

/** A whole number in the message: digits in any script ("١٩٨٥", "65kg") or a number word ("jouj"). */
export function readInteger(turn: Turn): number | undefined {
  for (const token of normalizeText(turn.text).split(' ')) {
    const m = NUMBER_TOKEN.exec(token);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return turn.understanding.entities.number;
}

/** The locale to answer in, from what understanding saw: Darija follows the script it is written in. */
export function localeFromUnderstanding(u: Understanding): Locale {
  if (u.locale === 'ary') return u.script === 'latn' ? 'ary-Latn' : 'ary';
  return u.locale;
}

const MAX_AGE = 120;

/** An age ("34") or a birth year ("1990") as a birth year; undefined when it cannot be either. */
export function birthYearFrom(n: number, today: string): number | undefined {
  const year = Number(today.slice(0, 4));
  if (n <= MAX_AGE) return year - n;
  return n >= year - MAX_AGE && n <= year ? n : undefined;
}
