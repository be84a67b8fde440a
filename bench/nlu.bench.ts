// `npm run bench:nlu`: understanding speed over the test corpus, on one core. Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { understand } from '../src/understanding/index.ts';
import { loadCorpus } from '../tests/understanding/corpus-score.ts';

const texts = loadCorpus(new URL('../tests/understanding/corpus.jsonl', import.meta.url).pathname).map((l) => l.text);
const ROUNDS = 40;

// Warm-up: let the JIT compile and the word memo fill, as in a running service.
for (const t of texts) understand(t);

const timings: number[] = [];
const started = performance.now();
for (let r = 0; r < ROUNDS; r++) {
  for (const t of texts) {
    const t0 = performance.now();
    understand(t);
    timings.push(performance.now() - t0);
  }
}
const seconds = (performance.now() - started) / 1000;
timings.sort((a, b) => a - b);
const p99 = timings[Math.min(timings.length - 1, Math.ceil(timings.length * 0.99) - 1)] ?? 0;
process.stdout.write(
  `${JSON.stringify({ messages: timings.length, messages_per_s: Math.round(timings.length / seconds), p50_us: Math.round((timings[timings.length >> 1] ?? 0) * 1000), p99_us: Math.round(p99 * 1000) })}\n`,
);
