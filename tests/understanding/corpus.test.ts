// Understanding on villagers' messages: the corpus it was built with, and a held-out set it was not tuned on.
import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../src/understanding/index.ts';
import { loadCorpus, scoreCorpus } from './corpus-score.ts';

const corpus = loadCorpus(new URL('./corpus.jsonl', import.meta.url).pathname);
const unseen = loadCorpus(new URL('./unseen.jsonl', import.meta.url).pathname);

function report(name: string, score: ReturnType<typeof scoreCorpus>): void {
  const rows = Object.entries(score.perIntent).map(([intent, e]) => `${intent.padEnd(16)} ${e.correct}/${e.n}`);
  process.stderr.write(`${name}: intent ${(score.intentAccuracy * 100).toFixed(1)}%, all fields ${(score.fullAccuracy * 100).toFixed(1)}%\n  ${rows.join('\n  ')}\n`);
}

describe('the corpus', () => {
  it('holds at least 400 messages covering every intent in every locale and script', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    for (const intent of INTENTS) expect(corpus.filter((l) => l.intent === intent).length, intent).toBeGreaterThanOrEqual(10);
    const pairs = new Set(corpus.map((l) => `${l.locale}/${l.script}`));
    expect(pairs).toEqual(new Set(['ary/arab', 'ary/latn', 'ar/arab', 'fr/latn']));
    expect(corpus.some((l) => /[٠-٩]/.test(l.text))).toBe(true);
    expect(corpus.some((l) => /[۰-۹]/.test(l.text))).toBe(true);
    expect(corpus.some((l) => /👍|👎/u.test(l.text))).toBe(true);
  });

  it('is understood: every intent at 95% or better, intent, locale, script and entities together at 97%', () => {
    const score = scoreCorpus(corpus);
    report('corpus', score);
    for (const [intent, e] of Object.entries(score.perIntent)) expect(e.accuracy, intent).toBeGreaterThanOrEqual(0.95);
    expect(score.fullAccuracy).toBeGreaterThanOrEqual(0.97);
  });
});

describe('messages the rules were not tuned on', () => {
  it('get the right intent at least 85% of the time', () => {
    const score = scoreCorpus(unseen);
    report('unseen', score);
    expect(unseen.length).toBeGreaterThanOrEqual(80);
    expect(score.intentAccuracy).toBeGreaterThanOrEqual(0.85);
  });
});
