// How a process ends: closed in reverse order and exit 0 on SIGTERM; exit 1 after the deadline, naming
// what was stuck; an error nobody caught logged as one line, then the same orderly end with exit 1.
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.ts';
import { manageLifecycle, type Closer } from '../../src/runtime/lifecycle.ts';
import { backoffMs, untilAvailable } from '../../src/runtime/retry.ts';

function world(closers: Closer[], deadlineMs = 200) {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('info', new Writable({ write: (c: Buffer, _e, done) => (lines.push(JSON.parse(c.toString('utf8')) as Record<string, unknown>), done()) }));
  const host = new EventEmitter();
  const exits: number[] = [];
  let exited: (code: number) => void = () => undefined;
  const exit = new Promise<number>((resolve) => (exited = resolve));
  manageLifecycle({ logger, closers, deadlineMs, host: host as unknown as NodeJS.Process, exit: (code) => (exits.push(code), exited(code)) });
  return { host, lines, exits, exit };
}

describe('the end of a process', () => {
  it('closes what it started, the last first, and exits 0 on SIGTERM', async () => {
    const order: string[] = [];
    const closer = (name: string): Closer => ({ name, close: async () => void order.push(name) });
    const w = world([closer('database'), closer('queues'), closer('http server')]);
    w.host.emit('SIGTERM');
    expect(await w.exit).toBe(0);
    expect(order).toEqual(['http server', 'queues', 'database']);
    expect(w.lines.map((l) => l.msg)).toEqual(['stopping', 'finished shutting down']);
  });

  it('exits 1 after the deadline, naming what would not close', async () => {
    const w = world([{ name: 'database', close: async () => undefined }, { name: 'workers', close: () => new Promise(() => undefined) }]);
    w.host.emit('SIGTERM');
    expect(await w.exit).toBe(1);
    expect(w.lines.at(-1)).toMatchObject({ msg: 'shutdown took too long; exiting now', stuck: 'workers', deadlineMs: 200 });
    expect(w.lines.map((l) => l.msg)).not.toContain('finished shutting down');
  });

  it('logs an error nobody caught as one structured line, then ends in order with exit 1', async () => {
    const closed: string[] = [];
    const w = world([{ name: 'http server', close: async () => void closed.push('http server') }]);
    w.host.emit('unhandledRejection', new Error('bot.start failed: 409 Conflict'));
    expect(await w.exit).toBe(1);
    expect(closed).toEqual(['http server']);
    expect(w.lines[0]).toMatchObject({ level: 60, kind: 'unhandledRejection', err: { message: 'bot.start failed: 409 Conflict' }, msg: 'unexpected error; stopping' });
    // A second signal during the end starts nothing twice.
    w.host.emit('SIGTERM');
    expect(w.exits).toEqual([1]);
  });
});

describe('waiting for a dependency at start', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  const quiet = createLogger('silent');

  it('tries again while it is unavailable, doubling the wait up to a ceiling', async () => {
    const waits: number[] = [];
    let calls = 0;
    const value = await untilAvailable('the database', async () => (++calls < 4 ? Promise.reject(refused) : 'up'), { attempts: 10, baseMs: 100, maxMs: 300, logger: quiet, sleep: async (ms) => void waits.push(ms) });
    expect([value, calls, waits]).toEqual(['up', 4, [100, 200, 300]]);
    expect([1, 2, 3, 10].map((n) => backoffMs(n, 500, 5000))).toEqual([500, 1000, 2000, 5000]);
  });

  it('gives up after its attempts with the last error, and at once on an error that waiting cannot fix', async () => {
    let calls = 0;
    await expect(untilAvailable('the database', async () => (calls++, Promise.reject(refused)), { attempts: 3, baseMs: 1, maxMs: 1, logger: quiet, sleep: async () => undefined })).rejects.toThrow('ECONNREFUSED');
    expect(calls).toBe(3);
    const wrong = Object.assign(new Error('password authentication failed for user "qafila"'), { code: '28P01' });
    calls = 0;
    await expect(untilAvailable('the database', async () => (calls++, Promise.reject(wrong)), { attempts: 3, baseMs: 1, maxMs: 1, logger: quiet, sleep: async () => undefined })).rejects.toThrow('password authentication failed');
    expect(calls).toBe(1);
  });
});
