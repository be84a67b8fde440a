// `npm run --silent chat -- --jsonl`: JSON lines in, one JSON line per reply out, on the real engine and database.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAsJsonLine, formatForTerminal } from '../../src/cli/chat-format.ts';
import { parseChatLine } from '../../src/cli/chat-input.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { seedConversationCampaigns } from '../support/conversation-harness.ts';
import { localDay } from '../../src/domain/clock.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  // The command runs on the real clock: its campaigns are dated from the real today.
  await seedConversationCampaigns(t.db, 200, localDay(new Date(), 'Africa/Casablanca'));
});
afterAll(async () => t?.drop());

function chat(args: string[], input: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts', ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

describe('chat command', () => {
  it('reads JSON lines and prints one JSON line per reply, answering a bad line with an error and going on', async () => {
    const from = '+212600000071';
    const lines = [
      { from, text: 'Bonjour' },
      { from, choice: 'accept' },
      'not json',
      { from },
      { from, choice: 'campaigns' },
      { from, location: { lat: 31.5, lng: -5.5 } },
    ].map((l) => (typeof l === 'string' ? l : JSON.stringify(l)));
    const { code, out } = await chat(['--jsonl'], `${lines.join('\n')}\n`);
    expect(code).toBe(0);
    const printed = out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(printed[0]).toMatchObject({ to: from, choices: [] });
    expect(String(printed[0]?.text)).toMatch(/^Bonjour, je suis Qafila/);
    expect(printed[1]).toMatchObject({ to: from, choices: [{ id: 'accept' }, { id: 'decline' }, { id: 'language' }] });
    const errors = printed.filter((p) => 'error' in p);
    expect(errors.map((e) => e.error)).toEqual([expect.stringMatching(/^not valid JSON/), 'line: give "text", "choice" or "location"']);
    expect(String(printed.at(-1)?.text)).toContain('Caravane de Tinghir');
    const sent = await t.db.selectFrom('outbox').select(['status', 'provider_id']).distinct().execute();
    expect(sent).toEqual([{ status: 'sent', provider_id: 'terminal' }]);
  });

  it('refuses a --from that is not a phone number, with the usage', async () => {
    const { code, err } = await chat(['--from', 'abc'], '');
    expect(code).toBe(2);
    expect(err).toMatch(/--from: .*\n[\s\S]*Usage:/);
  });
});

describe('chat formatting', () => {
  it('numbers the choices and shows the venue and the code in a terminal', () => {
    const text = formatForTerminal({ text: 'Quel jour ?', choices: [{ id: 'a', label: 'lundi' }, { id: 'b', label: 'mardi' }], location: { lat: 31.2, lng: -6.1, name: 'Centre' }, image: { kind: 'qr', data: 'K7F3QX', caption: 'K7F-3QX' } });
    expect(text.split('\n')).toEqual(['Quel jour ?', '  1. lundi', '  2. mardi', '📍 Centre: https://maps.google.com/?q=31.2,-6.1', '[QR code: K7F3QX]']);
    expect(JSON.parse(formatAsJsonLine('+212600000001', { text: 'Merci' }))).toEqual({ to: '+212600000001', text: 'Merci', choices: [] });
  });

  it('parses a JSON line into an inbound message, or names the problem', () => {
    expect(parseChatLine('{"from":"+212600000001","choice":"accept"}')).toEqual({ ok: true, inbound: { channel: 'terminal', from: '+212600000001', phone: '+212600000001', choice: 'accept' } });
    expect(parseChatLine('{"from":"+212600000001","location":{"lat":100,"lng":0}}')).toMatchObject({ ok: false, error: expect.stringMatching(/^location\.lat/) });
  });
});
