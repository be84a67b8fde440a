// `npm run bench:nlu`: accuracy on the tuning part (the table's lines, and the validation lines it never learns) and on the
// measuring part (per locale, per intent), and speed on one core.
// Prints a short table on stderr, then one JSON line on stdout.
import { performance } from 'node:perf_hooks';
import { understand } from '../src/understanding/index.ts';
import { TUNING_FILES, VALIDATION_FILE } from '../src/understanding/ngram-training.ts';
import { loadCorpus, scoreCorpus, type CorpusLine, type Score } from '../tests/understanding/corpus-score.ts';

const root = new URL('../', import.meta.url);
const tuning = TUNING_FILES.flatMap((f) => loadCorpus(new URL(f, root).pathname));
const validation = loadCorpus(new URL(VALIDATION_FILE, root).pathname);
const measuring = loadCorpus(new URL('tests/understanding/unseen.jsonl', root).pathname);
const ROUNDS = 40;

function summary(score: Score) {
  return {
    messages: score.total,
    intent: Math.round(score.intentAccuracy * 1000) / 1000,
    locale: Math.round(score.localeAccuracy * 1000) / 1000,
    per_locale: score.perLocale,
    per_intent: Object.fromEntries(Object.entries(score.perIntent).map(([k, v]) => [k, v.accuracy])),
  };
}

/**
 * Messages a second on one core: the median of ROUNDS passes over the corpus, each timed alone. This machine shares its
 * cores with others, which slow a pass now and then by a third or more; the median pass says what the code does, and the
 * slowest pass is reported beside it.
 */
function speed(lines: readonly CorpusLine[]) {
  const texts = lines.map((l) => l.text);
  // Warm-up: let the JIT compile and the word memo fill, as in a running service.
  for (const t of texts) understand(t);
  const timings: number[] = [];
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const started = performance.now();
    for (const t of texts) {
      const t0 = performance.now();
      understand(t);
      timings.push(performance.now() - t0);
    }
    rounds.push(texts.length / ((performance.now() - started) / 1000));
  }
  timings.sort((a, b) => a - b);
  rounds.sort((a, b) => a - b);
  const p99 = timings[Math.min(timings.length - 1, Math.ceil(timings.length * 0.99) - 1)] ?? 0;
  return {
    messages: timings.length,
    messages_per_s: Math.round(rounds[rounds.length >> 1] ?? 0),
    slowest_round_messages_per_s: Math.round(rounds[0] ?? 0),
    p50_us: Math.round((timings[timings.length >> 1] ?? 0) * 1000),
    p99_us: Math.round(p99 * 1000),
  };
}

const tuned = scoreCorpus(tuning);
const validated = scoreCorpus(validation);
const measured = scoreCorpus(measuring);
for (const [name, s] of [['tuning', tuned], ['validation', validated], ['measuring', measured]] as const) {
  const locales = Object.entries(s.perLocale).map(([k, v]) => `${k} ${(v.intent * 100).toFixed(1)}%/${(v.locale * 100).toFixed(1)}%`);
  process.stderr.write(`${name}: ${s.total} messages, intent ${(s.intentAccuracy * 100).toFixed(1)}%, locale ${(s.localeAccuracy * 100).toFixed(1)}% (intent/locale: ${locales.join(', ')})\n`);
}
process.stdout.write(`${JSON.stringify({ tuning: summary(tuned), validation: summary(validated), measuring: summary(measured), speed: speed([...tuning, ...validation, ...measuring]) })}\n`);
