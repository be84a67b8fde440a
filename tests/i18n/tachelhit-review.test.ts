// Tachelhit texts are written in good faith and wait for a Tachelhit-speaking volunteer's reading:
// locales/shi/REVIEW.md lists every one of them, as awaiting review or as read, and nothing else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadResources } from '../../src/i18n/index.ts';
import { localeKeys } from './locale-keys.ts';

const review = readFileSync(new URL('../../locales/shi/REVIEW.md', import.meta.url), 'utf8');

/** The keys listed (`- ns:key`) under a heading of REVIEW.md. */
function listedUnder(heading: string): string[] {
  const section = review.split(/^## /m).find((s) => s.startsWith(heading)) ?? '';
  return [...section.matchAll(/^- `([\w-]+:[\w.-]+)`/gm)].map((m) => m[1] ?? '');
}

describe('locales/shi/REVIEW.md', () => {
  const keys = localeKeys(loadResources(), 'shi');
  const texts = [...Object.keys(keys.plain), ...Object.keys(keys.counted)].filter((k) => !k.split(':').some((part) => part.startsWith('_'))).sort();
  const awaiting = listedUnder('Awaiting review');
  const read = listedUnder('Read by');

  it('lists every Tachelhit text, as awaiting review or as read', () => {
    expect(awaiting.length).toBeGreaterThan(0);
    expect([...awaiting, ...read].sort()).toEqual(texts);
  });

  it('lists each key once, and only keys that exist', () => {
    expect(new Set([...awaiting, ...read]).size).toBe(awaiting.length + read.length);
    expect([...awaiting, ...read].filter((k) => !texts.includes(k))).toEqual([]);
  });
});
