// Texts that give medical instructions carry a "_review" note naming them, so the association's doctor
// reads exactly those before any campaign; the note must name keys that exist, the same in every locale.
import { describe, expect, it } from 'vitest';
import { LOCALES, loadResources } from '../../src/i18n/index.ts';

const resources = loadResources();
const NOTE = /^To be read by the association's doctor before any campaign: (.+)\.$/;
/** What must never reach villagers without the doctor's reading. */
const SAFETY = ['common:emergency', 'handoff:opened', 'checkin:redFlag', 'checkin:redFlagUrgent', 'register:fasting', 'register:fastingOther'];

function reviewed(locale: string): string[] {
  const namespaces = (resources[locale] ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(namespaces).flatMap(([ns, texts]) => {
    const note = texts._review;
    if (typeof note !== 'string') return [];
    const listed = NOTE.exec(note)?.[1];
    if (listed === undefined) throw new Error(`${locale}/${ns}.json: _review does not read "${NOTE.source}"`);
    return listed.split(', ').map((key) => `${ns}:${key}`);
  });
}

describe('texts for the doctor', () => {
  it('are marked in every locale, the same keys everywhere, each of them existing', () => {
    const reference = reviewed('fr').sort();
    for (const key of SAFETY) expect(reference).toContain(key);
    for (const locale of LOCALES) {
      expect(reviewed(locale).sort(), locale).toEqual(reference);
      const namespaces = resources[locale] as Record<string, Record<string, unknown>>;
      for (const key of reference) {
        const [ns = '', name = ''] = key.split(':');
        expect(typeof namespaces[ns]?.[name], `${locale} ${key}`).toBe('string');
      }
    }
  });
});
