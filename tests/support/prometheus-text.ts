// Reads a page in the Prometheus text format strictly: every line is a HELP or TYPE comment or a
// sample of a declared family, or the parse fails; then looks up values by name and labels.
import type { FastifyInstance } from 'fastify';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\["\\n])*)"(,|$)/y;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES: Record<string, readonly string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['', '_sum', '_count'] };

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text);
    if (!match?.[1] || match[2] === undefined) throw new Error(`bad labels in: ${line}`);
    labels[match[1]] = match[2].replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
  }
  return labels;
}

function parseValue(text: string, line: string): number {
  const special: Record<string, number> = { '+Inf': Infinity, '-Inf': -Infinity, NaN: NaN };
  const value = special[text] ?? Number(text);
  if (Number.isNaN(value) && text !== 'NaN') throw new Error(`bad value in: ${line}`);
  return value;
}

/** Every sample of the page; throws on a line that is not the format, or a sample of no declared family. */
export function parsePrometheusText(page: string): Sample[] {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of page.split('\n')) {
    if (line === '') continue;
    const comment = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (comment) {
      if (comment[1] === 'TYPE') {
        if (!TYPES.has(comment[3] ?? '')) throw new Error(`bad type in: ${line}`);
        types.set(comment[2] ?? '', comment[3] ?? '');
      }
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match?.[1] || !match[3]) throw new Error(`not a Prometheus line: ${line}`);
    const name = match[1];
    const declared = [...types].some(([family, type]) => (SUFFIXES[type] ?? ['']).some((suffix) => `${family}${suffix}` === name));
    if (!declared) throw new Error(`sample of no declared family: ${line}`);
    samples.push({ name, labels: parseLabels(match[2] ?? '', line), value: parseValue(match[3], line) });
  }
  return samples;
}

/** The sum of the samples named `name` whose labels include `labels`; 0 when there is none. */
export function valueOf(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((sum, s) => sum + s.value, 0);
}

/** GET /metrics with the token, parsed; fails unless the answer is 200 in the Prometheus text format. */
export async function scrape(app: FastifyInstance, token: string): Promise<Sample[]> {
  const answer = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } });
  if (answer.statusCode !== 200) throw new Error(`GET /metrics answered ${answer.statusCode}: ${answer.body}`);
  if (!String(answer.headers['content-type']).startsWith('text/plain; version=0.0.4')) throw new Error(`GET /metrics answered ${String(answer.headers['content-type'])}`);
  return parsePrometheusText(answer.body);
}
