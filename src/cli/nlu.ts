// `npm run --silent nlu`: JSON lines {"text": "..."} on stdin, one understanding per line on stdout, in order.
import { createInterface } from 'node:readline';
import { answerLine } from '../understanding/nlu-line.ts';

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  // Respect back-pressure so a large input does not pile up in memory.
  if (!process.stdout.write(`${answerLine(line)}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}
