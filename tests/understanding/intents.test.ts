// What understanding returns, as the conversation and `npm run nlu` read it: one schema for all.
import { describe, expect, it } from 'vitest';
import { INTENTS, IntentSchema, UnderstandingSchema } from '../../src/understanding/intents.ts';

const valid = { intent: 'choice', locale: 'ary', script: 'latn', entities: { service: 'dental', number: 0, language: 'fr' } } as const;
const accepts = (over: Record<string, unknown>) => UnderstandingSchema.safeParse({ ...valid, ...over }).success;
const acceptsEntities = (entities: Record<string, unknown>) => accepts({ entities });

describe('an understanding', () => {
  it('keeps every field it holds, entities included', () => {
    expect(UnderstandingSchema.parse(valid)).toEqual(valid);
    expect(UnderstandingSchema.parse({ ...valid, entities: {} })).toEqual({ ...valid, entities: {} });
  });

  it('speaks Darija, MSA or French, in Arabic or Latin script', () => {
    expect(['ary', 'ar', 'fr', 'shi'].map((locale) => accepts({ locale }))).toEqual([true, true, true, true]);
    expect(['arab', 'latn'].map((script) => accepts({ script }))).toEqual([true, true]);
    expect([accepts({ locale: 'en' }), accepts({ locale: '' }), accepts({ script: 'cyrl' }), accepts({ script: '' })]).toEqual([false, false, false, false]);
  });

  it('holds a known service, a whole number from 0, and one of the three languages', () => {
    expect(['ary', 'ar', 'fr', 'shi'].map((language) => acceptsEntities({ language }))).toEqual([true, true, true, true]);
    expect([acceptsEntities({ number: 12 }), acceptsEntities({ service: 'ophthalmology' })]).toEqual([true, true]);
    expect([acceptsEntities({ number: -1 }), acceptsEntities({ number: 1.5 }), acceptsEntities({ language: 'en' }), acceptsEntities({ service: 'magic' })]).toEqual([
      false, false, false, false,
    ]);
  });

  it('has one of the known intents, "unknown" included', () => {
    expect(INTENTS).toContain('unknown');
    expect(INTENTS.every((intent) => IntentSchema.safeParse(intent).success)).toBe(true);
    expect(IntentSchema.safeParse('buy').success).toBe(false);
  });
});
