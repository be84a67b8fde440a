// HTTP byte ranges (RFC 9110, one range): what a media player asks for to seek or to read a file's end. Pure.

export type ByteRange = { start: number; end: number };

/**
 * The one range asked for within `size` bytes; undefined for the whole (no header, several ranges, or
 * one this reader does not take), 'unsatisfiable' for a range past the end (416).
 *
 * @example parseByteRange('bytes=0-99', 1000) // { start: 0, end: 99 }
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  const [first, last] = [m[1] ?? '', m[2] ?? ''];
  if (first === '') {
    // The last n bytes.
    const n = Number(last);
    if (n === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
