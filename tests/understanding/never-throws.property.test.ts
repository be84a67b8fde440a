// Invariant 7 for understanding: any text at all gets an answer of the right shape, and no exception.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UnderstandingSchema, understand } from '../../src/understanding/index.ts';
import { turnOfTheEventLoop } from './corpus-score.ts';

/** Characters that break naive code: bidi and zero-width marks, controls, tatweel, emoji, combining marks. */
const nasty = fc.constantFrom('\u200f', '\u200e', '\u202e', '\u2066', '\u200b', '\ufeff', '\u0000', '\u0007', '\n', '\t', 'ـ', '👍', '👎🏿', '🆘', '\u0301', '\u064b', 'ا', 'ع', '3', '٣', '۳', ' ', 'é', '\ud800');
const text = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 10 },
  { arbitrary: fc.string({ unit: nasty, maxLength: 300 }), weight: 10 },
  { arbitrary: fc.string({ unit: fc.oneof(nasty, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), minLength: 5_000, maxLength: 10_000, size: 'max' }), weight: 1 },
);

describe('understanding any input', () => {
  it('never throws and always returns one of the intents, over 10,000 random strings up to 10,000 characters', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        // Let the worker's event loop turn now and then: held a minute on a loaded machine, vitest's calls time out.
        if (++runs % 200 === 0) await turnOfTheEventLoop();
        const result = understand(input);
        expect(UnderstandingSchema.safeParse(result).success).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });
});
