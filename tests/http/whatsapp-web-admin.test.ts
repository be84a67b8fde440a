// The pairing page of whatsapp-web.js: whoever scans its QR code links their phone as the
// association's number, so it opens only to the admin token, on the route itself, whatever the URL looks like.
import { EventEmitter } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import type { WebClient } from '../../src/channels/whatsapp-web/whatsapp-web-client.ts';
import { printsQrInTerminal, startWhatsAppWeb, type WhatsAppWebSession } from '../../src/channels/whatsapp-web/whatsapp-web.channel.ts';
import { buildServer } from '../../src/http/server.ts';
import { START, testClock, type TestClock } from '../support/conversation-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const ADMIN = 'admin-token-0123456789';
const PAIRING_CODE = '2@abcdefghijklmnop,qrstuvwxyz==,0123456789==';

class ClientDouble extends EventEmitter implements WebClient {
  async initialize() {}
  async destroy() {}
  async send() {
    return 'true_x';
  }
}

let client: ClientDouble;
let session: WhatsAppWebSession;
let app: FastifyInstance;
let t: TestDatabase;
let clock: TestClock;
let port = 0;
const stderr: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  client = new ClientDouble();
  // No printQr: the service decides whether a terminal sees the code (printsQrInTerminal).
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => (stderr.push(String(chunk)), write(chunk, ...rest))) as typeof process.stderr.write;
  session = startWhatsAppWeb({ client, receive: async () => ({ throttled: true }), logger: pino({ level: 'silent' }) });
  client.emit('qr', PAIRING_CODE);
  await new Promise((resolve) => setTimeout(resolve, 100));
  process.stderr.write = write;
  clock = testClock(START);
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock, logger: pino({ level: 'silent' }), timeZone: 'Africa/Casablanca', whatsappWeb: { session, adminToken: ADMIN } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await app?.close();
  await session?.stop();
  await t?.drop();
});

/** A request written by hand, so the request line can take any form a client may send. */
function raw(requestLine: string, headers: Record<string, string> = {}): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`${requestLine}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
    });
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
    socket.on('end', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), head, body });
    });
    socket.on('error', reject);
  });
}

const signIn = (token: string) => app.inject({ method: 'POST', url: '/admin/whatsapp-web/sign-in', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `token=${encodeURIComponent(token)}` });
const cookieOf = (setCookie: string | string[] | undefined) => String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0] ?? '';
const withCookie = (url: string, cookie: string) => app.inject({ url, headers: { cookie } });

describe('the whatsapp-web.js pairing page', () => {
  it.each([
    ['GET /admin/whatsapp-web HTTP/1.1', 401],
    ['GET /admin/%77hatsapp-web HTTP/1.1', 401],
    ['GET /%61dmin/whatsapp-web/qr.png HTTP/1.1', 401],
    ['GET //admin/whatsapp-web HTTP/1.1', 404],
    ['GET http://127.0.0.1/admin/whatsapp-web/qr.png HTTP/1.1', 401],
    // The token in a URL would reach logs and the browser's history: it is not taken there.
    [`GET /admin/whatsapp-web?token=${ADMIN} HTTP/1.1`, 401],
    [`GET /admin/whatsapp-web/qr.png?token=${ADMIN} HTTP/1.1`, 401],
  ])('shows neither the page nor the code without signing in: %s', async (line, status) => {
    const answer = await raw(line);
    expect(answer.status).toBe(status);
    expect(answer.body).not.toContain('qr.png"');
    expect(answer.body.startsWith('\u0089PNG')).toBe(false);
  });

  it('asks for the token in a form, and signs in with a short-lived cookie only the server reads', async () => {
    const form = await app.inject({ url: '/admin/whatsapp-web' });
    expect(form.statusCode).toBe(401);
    expect(form.body).toContain('<label for="token">Admin token</label>');
    const wrong = await signIn('not-the-admin-token');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('That is not the admin token.');
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const right = await signIn(ADMIN);
    expect([right.statusCode, right.headers.location]).toEqual([303, '/admin/whatsapp-web']);
    const setCookie = String(right.headers['set-cookie']);
    expect(setCookie).toMatch(/^qafila_admin=\d{13}\.[\w-]{43}; Max-Age=900; Path=\/admin\/whatsapp-web; HttpOnly; SameSite=Strict$/);
    expect(setCookie).not.toContain(ADMIN);
    const cookie = cookieOf(right.headers['set-cookie']);
    const pageAnswer = await withCookie('/admin/whatsapp-web', cookie);
    expect(pageAnswer.statusCode).toBe(200);
    expect(pageAnswer.body).toContain('<img alt="pairing code" src="/admin/whatsapp-web/qr.png"');
    const png = await withCookie('/admin/whatsapp-web/qr.png', cookie);
    expect([png.statusCode, png.headers['content-type'], png.rawPayload.subarray(1, 4).toString()]).toEqual([200, 'image/png', 'PNG']);
  });

  it('ends the session after 15 minutes, on signing out, and for a cookie not signed with the token', async () => {
    const cookie = cookieOf((await signIn(ADMIN)).headers['set-cookie']);
    const [name, value = ''] = cookie.split('=');
    const [expires] = value.split('.');
    expect((await withCookie('/admin/whatsapp-web', `${name}=${expires}.${'A'.repeat(43)}`)).statusCode).toBe(401);
    expect((await withCookie('/admin/whatsapp-web', `${name}=${Number(expires) + 3_600_000}.${value.split('.')[1]}`)).statusCode).toBe(401);
    clock.advance(15 * 60 * 1000 - 1000);
    expect((await withCookie('/admin/whatsapp-web', cookie)).statusCode).toBe(200);
    clock.advance(2000);
    expect((await withCookie('/admin/whatsapp-web', cookie)).statusCode).toBe(401);
    const fresh = cookieOf((await signIn(ADMIN)).headers['set-cookie']);
    const out = await app.inject({ method: 'POST', url: '/admin/whatsapp-web/sign-out', headers: { cookie: fresh } });
    expect(String(out.headers['set-cookie'])).toMatch(/^qafila_admin=; Max-Age=0; Path=\/admin\/whatsapp-web/);
  });

  it('still opens to the token in an Authorization header, for scripts, and keeps every answer out of caches', async () => {
    const header = { authorization: `Bearer ${ADMIN}` };
    const pageAnswer = await app.inject({ url: '/admin/whatsapp-web', headers: header });
    expect(pageAnswer.statusCode).toBe(200);
    expect((await app.inject({ url: '/admin/whatsapp-web', headers: { authorization: 'Bearer nope-nope-nope-nope' } })).statusCode).toBe(401);
    for (const answer of [pageAnswer, await app.inject({ url: '/admin/whatsapp-web' }), await app.inject({ url: '/admin/whatsapp-web/qr.png', headers: header })]) {
      expect([answer.headers['cache-control'], answer.headers['referrer-policy'], answer.headers['x-frame-options']]).toEqual(['no-store', 'no-referrer', 'DENY']);
    }
  });

  it('makes an address that keeps giving a wrong token wait, by the form or the header', async () => {
    const attempt = (i: number) =>
      i % 2 === 0
        ? app.inject({ method: 'POST', url: '/admin/whatsapp-web/sign-in', remoteAddress: '203.0.113.9', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `token=guess-${i}` })
        : app.inject({ url: '/admin/whatsapp-web/qr.png', remoteAddress: '203.0.113.9', headers: { authorization: `Bearer guess-${i}` } });
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt(i)).statusCode);
    expect(statuses).toEqual([...Array.from({ length: 10 }, () => 401), 429, 429]);
  });

  it('marks the cookie Secure when the service is reached over HTTPS', async () => {
    const https = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock, logger: pino({ level: 'silent' }), timeZone: 'Africa/Casablanca', whatsappWeb: { session, adminToken: ADMIN, secureCookie: true } });
    try {
      const answer = await https.inject({ method: 'POST', url: '/admin/whatsapp-web/sign-in', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `token=${ADMIN}` });
      expect(String(answer.headers['set-cookie'])).toMatch(/; Secure; SameSite=Strict$/);
    } finally {
      await https.close();
    }
  });
});

describe('the pairing code in the terminal', () => {
  it('is drawn only for someone watching a terminal, or when asked, never into collected logs', () => {
    expect([printsQrInTerminal('auto', true), printsQrInTerminal('auto', false), printsQrInTerminal('on', false), printsQrInTerminal('off', true)]).toEqual([true, false, true, false]);
    // The session above was started without a printer: nothing of the code reached stderr.
    expect(stderr.join('')).not.toContain('Scan this code');
  });
});
