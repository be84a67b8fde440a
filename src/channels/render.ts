// Drawing a reply with what a channel can do: native buttons or lists when they fit, numbered text
// otherwise, long texts split on line breaks, too long ones cut with a note. Pure.
import { choiceText, type Choice, type Reply } from '../conversation/reply.ts';
import type { ChannelCapabilities } from './channel.ts';

export type RenderedPart =
  | { kind: 'text'; text: string; buttons?: Choice[]; list?: { button: string; rows: Choice[] }; requestPhone?: string }
  | { kind: 'location'; lat: number; lng: number; name: string; address?: string }
  | { kind: 'image'; qr: string; caption: string }
  /** An approved template (WhatsApp): its name and language come from the settings, per locale. */
  | { kind: 'template'; name: string; language: string; params: string[] };

const ELLIPSIS = '…';

/**
 * The longest text one reply carries: one Telegram or WhatsApp message. A longer one (a staff text, a
 * broadcast) is cut with a note rather than sent to a villager as a string of messages.
 */
export const MAX_REPLY_TEXT_LENGTH = 4096;

/**
 * `text` as it is when it fits `max` characters; otherwise cut at a line break or a space near the
 * end, marked with "…", and followed by `note` on its own line, all within `max`.
 *
 * @example shortenText('Bonjour à tous', 12, '✂️') // 'Bonjour…\n✂️'
 */
export function shortenText(text: string, max: number, note: string): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const room = Math.max(0, max - [...note].length - 2);
  const kept = chars.slice(0, room).join('');
  // A word cut in two is harder to read than a line a little shorter.
  const boundary = Math.max(kept.lastIndexOf('\n'), kept.lastIndexOf(' '));
  const cut = boundary >= kept.length * 0.9 ? kept.slice(0, boundary) : kept;
  return `${cut.trimEnd()}${ELLIPSIS}\n${note}`;
}

export interface RenderOptions {
  /** The label of the button that opens a list. */
  listButton?: string;
  /** What ends a text cut to MAX_REPLY_TEXT_LENGTH, in the reader's language. */
  shortenedNote?: string;
}

function cut(label: string, max: number): string {
  return [...label].length <= max ? label : `${[...label].slice(0, Math.max(1, max - 1)).join('')}${ELLIPSIS}`;
}

/** A button's title: the choice in full when it fits, else its label alone (the numbered text has the rest). */
function buttonTitle(c: Choice, max: number): string {
  const full = choiceText(c);
  return [...full].length <= max ? full : cut(c.label, max);
}

/** A list row: the label as its title, the detail as its description (WhatsApp allows 72 characters). */
function listRow(c: Choice, max: number): Choice {
  return { id: c.id, label: cut(c.label, max), ...(c.detail !== undefined ? { detail: cut(c.detail, 72) } : {}) };
}

/** Splits on line breaks (then on spaces, then anywhere) so no part exceeds `max` characters. */
export function splitText(text: string, max: number): string[] {
  if ([...text].length <= max) return [text];
  const parts: string[] = [];
  let current = '';
  const push = (piece: string, sep: string) => {
    const candidate = current === '' ? piece : `${current}${sep}${piece}`;
    if ([...candidate].length <= max) current = candidate;
    else {
      if (current !== '') parts.push(current);
      current = piece;
    }
  };
  for (const line of text.split('\n')) {
    if ([...line].length <= max) push(line, '\n');
    // A line too long for one part goes word by word; its first word still starts a new line.
    else line.split(' ').flatMap((word) => chunks(word, max)).forEach((chunk, i) => push(chunk, i === 0 ? '\n' : ' '));
  }
  if (current !== '') parts.push(current);
  return parts;
}

function chunks(word: string, max: number): string[] {
  const chars = [...word];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += max) out.push(chars.slice(i, i + max).join(''));
  return out;
}

/**
 * @example renderReply({ text: 'Quel jour ?', choices: [{ id: 'a', label: 'lundi' }] }, TELEGRAM_CAPABILITIES)
 * // [{ kind: 'text', text: 'Quel jour ?', buttons: [{ id: 'a', label: 'lundi' }] }]
 */
export function renderReply(reply: Reply, caps: ChannelCapabilities, options: RenderOptions = {}): RenderedPart[] {
  const { listButton = '☰', shortenedNote = '✂️' } = options;
  const parts: RenderedPart[] = [];
  if (reply.image && caps.images) parts.push({ kind: 'image', qr: reply.image.data, caption: reply.image.caption });
  const choices = reply.choices ?? [];
  let text = shortenText(reply.text, MAX_REPLY_TEXT_LENGTH, shortenedNote);
  let native: Pick<Extract<RenderedPart, { kind: 'text' }>, 'buttons' | 'list'> = {};
  if (choices.length > 0 && choices.length <= caps.maxButtons) {
    native = { buttons: choices.map((c) => ({ id: c.id, label: buttonTitle(c, caps.maxButtonTitle) })) };
  } else if (choices.length > 0 && choices.length <= caps.maxListRows) {
    native = { list: { button: listButton, rows: choices.map((c) => listRow(c, caps.maxListRowTitle)) } };
  }
  // Numbers are always shown: the prompt says "answer with a number", and buttons may be cut short.
  if (choices.length > 0) text = `${text}\n${choices.map((c, i) => `${i + 1}. ${choiceText(c)}`).join('\n')}`;
  const texts = splitText(text, caps.maxTextLength);
  const phone = reply.requestPhone && caps.contactRequest ? { requestPhone: reply.requestPhone.label } : {};
  texts.forEach((t, i) => parts.push({ kind: 'text', text: t, ...(i === texts.length - 1 ? { ...native, ...phone } : {}) }));
  if (reply.image && !caps.images) parts.push({ kind: 'text', text: reply.image.caption });
  if (reply.location) {
    const { lat, lng, name, address } = reply.location;
    parts.push(caps.location ? { kind: 'location', lat, lng, name, ...(address ? { address } : {}) } : { kind: 'text', text: `📍 ${name}: https://maps.google.com/?q=${lat},${lng}` });
  }
  return parts;
}
