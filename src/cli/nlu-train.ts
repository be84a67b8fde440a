// `npm run nlu:train`: rebuilds the n-gram tables of the second opinion from the tuning corpus (never the measuring set).
import { readFileSync, writeFileSync } from 'node:fs';
import { trainNgramTables, TUNING_FILES } from '../understanding/ngram-training.ts';

const root = new URL('../../', import.meta.url);
const lines = TUNING_FILES.flatMap((f) => readFileSync(new URL(f, root), 'utf8').split('\n'));
const out = new URL('src/understanding/ngram-model.json', root);
writeFileSync(out, `${JSON.stringify(trainNgramTables(lines))}\n`);
process.stdout.write(`wrote ${out.pathname}\n`);
