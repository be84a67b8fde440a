// `npm run --silent nlu`: one JSON line out per line in, in order, bad lines answered with an error.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { answerLine } from '../../src/understanding/nlu-line.ts';

describe('nlu line protocol', () => {
  it('answers a request with the understanding and a bad line with an error', () => {
    expect(JSON.parse(answerLine('{"text":"wa7ed"}'))).toEqual({ intent: 'choice', locale: 'ary', script: 'latn', entities: { number: 1 } });
    expect(JSON.parse(answerLine('{"text": 3}'))).toEqual({ error: 'expected an object with a string field "text", like {"text": "salam"}' });
    expect(JSON.parse(answerLine('{oops')).error).toMatch(/^not valid JSON/);
    expect(JSON.parse(answerLine('')).error).toMatch(/^not valid JSON \(empty line\)/);
  });

  it('streams through the real command, one output line per input line, in order', async () => {
    const input = ['{"text":"salam"}', 'not json', '{"text":"Je veux annuler mon rendez-vous"}', '{"text":"٢"}', ''].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/nlu.ts'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stdin.end(input);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ intent: 'greeting', locale: 'ary', script: 'latn' });
    expect(lines[1]).toHaveProperty('error');
    expect(lines[2]).toMatchObject({ intent: 'cancel', locale: 'fr' });
    expect(lines[3]).toMatchObject({ intent: 'choice', entities: { number: 2 } });
  });
});
