// The console's sign-in API: signing in by email or phone, the cookie, the lock, CSRF on changes,
// signing out, the language, and the one-time password links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createPasswordLink } from '../../src/domain/staff/password-links.ts';
import { memoryAuthThrottle } from '../../src/http/auth-throttle.ts';
import { buildServer } from '../../src/http/server.ts';
import { SessionAnswerSchema } from '../../src/http/console/session.schemas.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { testClock, type TestClock } from '../support/conversation-harness.ts';
import { addConsoleStaff, signInBrowser, type Browser } from '../support/console-staff.ts';
import { ensureOrganisation } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
let app: FastifyInstance;
let clock: TestClock;
const server = (options: { insecureCookie?: boolean } = {}) =>
  buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock, logger: createLogger('silent'), timeZone: 'Africa/Casablanca', ...options });
const PASSWORD = 'Tinghir, 14 décembre';
let khadija = 0;
let amal = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  clock = testClock();
  app = server();
  amal = await ensureOrganisation(t.db, 'amal-tinghir');
  khadija = (await addConsoleStaff(t.db, { name: 'Khadija Ouali', role: 'coordinator', organisation: 'amal-tinghir', email: 'khadija@amal-tinghir.ma', phone: '+212612300001', password: PASSWORD })).id;
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const request = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, browser?: Browser, options: { payload?: object; csrf?: string } = {}) =>
  app.inject({
    method,
    url,
    headers: { ...(browser ? { cookie: browser.cookie } : {}), ...(options.csrf ? { 'x-csrf-token': options.csrf } : {}) },
    ...(options.payload ? { payload: options.payload } : {}),
  });
const signIn = (login: string, password: string) => request('POST', '/console/api/session', undefined, { payload: { login, password } });

describe('signing in to the console', () => {
  it('accepts the email or the phone number with the password, and the session then says who is signed in', async () => {
    const me = { id: khadija, name: 'Khadija Ouali', role: 'coordinator', locale: 'fr', organisation: { id: amal, slug: 'amal-tinghir', name: 'Organisation amal-tinghir' }, nationalView: false };
    const byEmail = await signIn('Khadija@Amal-Tinghir.ma', PASSWORD);
    expect(byEmail.statusCode).toBe(200);
    expect(SessionAnswerSchema.parse(byEmail.json())).toEqual({ staff: me, csrfToken: expect.any(String), viewing: null });
    const byPhone = await signIn('06 12 30 00 01', PASSWORD);
    expect(byPhone.statusCode).toBe(200);
    expect(byPhone.json().staff).toEqual(me);

    const browser = await signInBrowser(app, '+212612300001', PASSWORD);
    const session = await request('GET', '/console/api/session', browser);
    expect([session.statusCode, session.json()]).toEqual([200, { staff: me, csrfToken: browser.csrf, viewing: null }]);
    expect(session.headers['cache-control']).toBe('no-store');
  });

  it('sets an HttpOnly, SameSite=Strict, Secure cookie for the whole site; Secure is left out only when asked', async () => {
    const answer = await signIn('khadija@amal-tinghir.ma', PASSWORD);
    const cookie = answer.cookies.find((c) => c.name === 'qafila_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true, path: '/', maxAge: 7 * 24 * 3600 });
    expect(cookie?.value).toMatch(/^[\w-]{43}$/);
    // The token itself is never stored.
    const stored = await t.db.selectFrom('staff_sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie?.value);

    const local = server({ insecureCookie: true });
    const plain = await local.inject({ method: 'POST', url: '/console/api/session', payload: { login: 'khadija@amal-tinghir.ma', password: PASSWORD } });
    await local.close();
    expect(String(plain.headers['set-cookie'])).toMatch(/^qafila_session=[\w-]{43}; Max-Age=604800; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(String(answer.headers['set-cookie'])).toMatch(/; HttpOnly; Secure; SameSite=Strict$/);
  });

  it('answers 401 to a wrong password or an unknown login, the same way', async () => {
    const wrong = await signIn('khadija@amal-tinghir.ma', 'Tinghir, 15 décembre');
    const unknown = await signIn('personne@amal-tinghir.ma', PASSWORD);
    const nonsense = await signIn('khadija', PASSWORD);
    for (const answer of [wrong, unknown, nonsense]) expect([answer.statusCode, answer.json()]).toEqual([401, { error: 'wrong_credentials' }]);
    expect(wrong.cookies).toEqual([]);
    expect((await request('GET', '/console/api/session')).json()).toEqual({ error: 'signed_out' });
  });

  it('refuses the sixth attempt after five wrong passwords even with the right one (423), and lets it in 15 minutes later', async () => {
    await addConsoleStaff(t.db, { name: 'Samir', role: 'medical', organisation: 'amal-tinghir', email: 'samir@amal-tinghir.ma', password: PASSWORD });
    for (let i = 0; i < 5; i++) expect((await signIn('samir@amal-tinghir.ma', `essai ${i} raté`)).json()).toEqual({ error: 'wrong_credentials' });
    const locked = await signIn('samir@amal-tinghir.ma', PASSWORD);
    expect([locked.statusCode, locked.json(), locked.headers['retry-after']]).toEqual([423, { error: 'locked', retryAfterSeconds: 900 }, '900']);
    clock.advance(14 * 60_000);
    expect((await signIn('samir@amal-tinghir.ma', PASSWORD)).json()).toEqual({ error: 'locked', retryAfterSeconds: 60 });
    clock.advance(60_000);
    expect((await signIn('samir@amal-tinghir.ma', PASSWORD)).statusCode).toBe(200);
  });
});

describe('wrong passwords from one address', () => {
  it('make it wait (429) past the limit, whatever the accounts, while a right password still passes', async () => {
    const throttled = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock, logger: createLogger('silent'), timeZone: 'Africa/Casablanca', authThrottle: memoryAuthThrottle({ limit: 2, windowMs: 60_000 }, () => clock.now().getTime()) });
    const attempt = (login: string, password: string) => throttled.inject({ method: 'POST', url: '/console/api/session', payload: { login, password } });
    try {
      expect((await attempt('a@amal-tinghir.ma', 'deviner un')).statusCode).toBe(401);
      expect((await attempt('b@amal-tinghir.ma', 'deviner deux')).statusCode).toBe(401);
      const third = await attempt('c@amal-tinghir.ma', 'deviner trois');
      expect([third.statusCode, third.json(), third.headers['retry-after']]).toEqual([429, { error: 'too_many_attempts', retryAfterSeconds: 60 }, '60']);
      expect((await attempt('khadija@amal-tinghir.ma', PASSWORD)).statusCode).toBe(200);
    } finally {
      await throttled.close();
    }
  });
});

describe('sign-in attempts from one address', () => {
  it('are limited per minute before any password is checked (429 with Retry-After)', async () => {
    const limited = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock, logger: createLogger('silent'), timeZone: 'Africa/Casablanca', adminRateLimit: { perAddressPerMinute: 3000, perStaffPerMinute: 600, signInPerAddressPerMinute: 3 } });
    try {
      for (let i = 0; i < 3; i++) expect((await limited.inject({ method: 'POST', url: '/console/api/session', payload: { login: 'khadija@amal-tinghir.ma', password: PASSWORD } })).statusCode).toBe(200);
      const fourth = await limited.inject({ method: 'POST', url: '/console/api/session', payload: { login: 'khadija@amal-tinghir.ma', password: PASSWORD } });
      expect([fourth.statusCode, Number(fourth.headers['retry-after']) > 0]).toEqual([429, true]);
      expect((await limited.inject({ method: 'POST', url: '/console/api/password', payload: { token: 'x', password: 'assez long pour passer' } })).statusCode).toBe(429);
      // Reading the session is not limited.
      expect((await limited.inject({ method: 'GET', url: '/console/api/session' })).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe('a signed-in browser', () => {
  it('cannot change anything without the CSRF token of its session (403), and can with it', async () => {
    const browser = await signInBrowser(app, 'khadija@amal-tinghir.ma', PASSWORD);
    const other = await signInBrowser(app, 'khadija@amal-tinghir.ma', PASSWORD);
    for (const csrf of [undefined, 'forged', other.csrf]) {
      const patch = await request('PATCH', '/console/api/me', browser, { payload: { locale: 'ar' }, ...(csrf ? { csrf } : {}) });
      expect([patch.statusCode, patch.json()]).toEqual([403, { error: 'csrf' }]);
      expect((await request('DELETE', '/console/api/session', browser, csrf ? { csrf } : {})).statusCode).toBe(403);
    }
    expect((await request('GET', '/console/api/session', browser)).json().staff.locale).toBe('fr');
    expect((await request('PATCH', '/console/api/me', browser, { payload: { locale: 'fr' }, csrf: browser.csrf })).statusCode).toBe(200);
  });

  it('is signed out by DELETE: the cookie is cleared and the session no longer works', async () => {
    const browser = await signInBrowser(app, 'khadija@amal-tinghir.ma', PASSWORD);
    const other = await signInBrowser(app, 'khadija@amal-tinghir.ma', PASSWORD);
    const out = await request('DELETE', '/console/api/session', browser, { csrf: browser.csrf });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'qafila_session')).toMatchObject({ value: '', path: '/' });
    const after = await request('GET', '/console/api/session', browser);
    expect([after.statusCode, after.json()]).toEqual([401, { error: 'signed_out' }]);
    expect((await request('DELETE', '/console/api/session', browser, { csrf: browser.csrf })).statusCode).toBe(401);
    // Only that browser: the member's other session goes on.
    expect((await request('GET', '/console/api/session', other)).statusCode).toBe(200);
  });

  it('remembers the language chosen, for the next sign-in too', async () => {
    await addConsoleStaff(t.db, { name: 'Nadia', role: 'coordinator', organisation: 'amal-tinghir', email: 'nadia@amal-tinghir.ma', password: PASSWORD });
    const browser = await signInBrowser(app, 'nadia@amal-tinghir.ma', PASSWORD);
    const changed = await request('PATCH', '/console/api/me', browser, { payload: { locale: 'ar' }, csrf: browser.csrf });
    expect([changed.statusCode, changed.json()]).toEqual([200, expect.objectContaining({ name: 'Nadia', locale: 'ar' })]);
    expect((await request('PATCH', '/console/api/me', browser, { payload: { locale: 'ary' }, csrf: browser.csrf })).statusCode).toBe(400);
    const phone = await signInBrowser(app, 'nadia@amal-tinghir.ma', PASSWORD);
    expect((await request('GET', '/console/api/session', phone)).json().staff.locale).toBe('ar');
  });

  it('is signed out after 12 hours without a request', async () => {
    const browser = await signInBrowser(app, 'khadija@amal-tinghir.ma', PASSWORD);
    clock.advance(12 * 3_600_000);
    expect((await request('GET', '/console/api/session', browser)).statusCode).toBe(401);
  });
});

describe('the one-time password link', () => {
  it('sets the password once; the link is then spent', async () => {
    const { id } = await addConsoleStaff(t.db, { name: 'Youssef', role: 'medical', organisation: 'amal-tinghir', email: 'youssef@amal-tinghir.ma', password: 'un mot de passe oublié' });
    const link = await createPasswordLink(t.db, id, clock.now());
    const short = await request('POST', '/console/api/password', undefined, { payload: { token: link.token, password: 'court' } });
    expect([short.statusCode, short.json()]).toEqual([400, { error: 'invalid_input', problems: [{ field: 'password', message: 'at least 10 characters' }] }]);
    expect((await request('POST', '/console/api/password', undefined, { payload: { token: link.token, password: 'Ouarzazate 2026' } })).statusCode).toBe(204);
    expect((await signIn('youssef@amal-tinghir.ma', 'Ouarzazate 2026')).statusCode).toBe(200);
    expect((await signIn('youssef@amal-tinghir.ma', 'un mot de passe oublié')).statusCode).toBe(401);
    const again = await request('POST', '/console/api/password', undefined, { payload: { token: link.token, password: 'quelqu’un d’autre' } });
    expect([again.statusCode, again.json()]).toEqual([400, { error: 'link_invalid' }]);
  });

  it('expires 72 hours after it was made', async () => {
    const { id } = await addConsoleStaff(t.db, { name: 'Hassan', role: 'medical', organisation: 'amal-tinghir', email: 'hassan@amal-tinghir.ma', password: 'un mot de passe oublié' });
    const link = await createPasswordLink(t.db, id, clock.now());
    clock.advance(72 * 3_600_000);
    const late = await request('POST', '/console/api/password', undefined, { payload: { token: link.token, password: 'Ouarzazate 2026' } });
    expect([late.statusCode, late.json()]).toEqual([400, { error: 'link_invalid' }]);
    expect((await signIn('hassan@amal-tinghir.ma', 'Ouarzazate 2026')).statusCode).toBe(401);
  });
});
