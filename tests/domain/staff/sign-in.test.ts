// Signing in against the database: the lock on the injected clock, concurrent guesses, disabled members,
// and the one-time password links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../src/domain/staff/password-hash.ts';
import { createPasswordLink, usePasswordLink } from '../../../src/domain/staff/password-links.ts';
import { signIn } from '../../../src/domain/staff/sign-in.ts';
import { LOCK_MS, PASSWORD_LINK_MS } from '../../../src/domain/staff/sign-in-rules.ts';
import { disableStaff } from '../../../src/domain/staff/staff-accounts.ts';
import { createSession, sessionFor } from '../../../src/domain/staff/staff-sessions.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { addConsoleStaff } from '../../support/console-staff.ts';
import { START } from '../../support/conversation-harness.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const later = (ms: number) => new Date(START.getTime() + ms);
const CLI = { kind: 'system' as const, id: 'test' };

describe('signing in', () => {
  it('takes the email in any case or the phone number as typed', async () => {
    const { id } = await addConsoleStaff(t.db, { name: 'Khadija', role: 'coordinator', email: 'khadija@amal.ma', phone: '+212612300001', password: 'mot de passe long' });
    expect(await signIn(t.db, { login: 'KHADIJA@amal.ma', password: 'mot de passe long' }, START)).toEqual({ ok: true, staffId: id });
    expect(await signIn(t.db, { login: '06 12 30 00 01', password: 'mot de passe long' }, START)).toEqual({ ok: true, staffId: id });
    expect(await signIn(t.db, { login: 'khadija@amal.ma', password: 'mot de passe faux' }, START)).toEqual({ ok: false, reason: 'wrong_credentials' });
    expect(await signIn(t.db, { login: 'personne@amal.ma', password: 'mot de passe long' }, START)).toEqual({ ok: false, reason: 'wrong_credentials' });
  });

  it('locks after five wrong passwords: the sixth attempt is refused even when right, until 15 minutes pass', async () => {
    const { id } = await addConsoleStaff(t.db, { name: 'Samir', role: 'coordinator', email: 'samir@amal.ma', password: 'le bon mot de passe' });
    const attempt = (password: string, at: Date) => signIn(t.db, { login: 'samir@amal.ma', password }, at);
    for (let i = 0; i < 5; i++) expect(await attempt('pas le bon', later(i * 1000))).toEqual({ ok: false, reason: 'wrong_credentials' });
    const lockedAt = later(4000);
    expect(await attempt('le bon mot de passe', later(5000))).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: LOCK_MS / 1000 - 1 });
    expect(await attempt('le bon mot de passe', new Date(lockedAt.getTime() + LOCK_MS - 1))).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 1 });
    expect(await attempt('le bon mot de passe', new Date(lockedAt.getTime() + LOCK_MS))).toMatchObject({ ok: true });
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'staff.locked').where('entity_id', '=', String(id)).execute();
    expect(audit).toHaveLength(1);
  });

  it('counts wrong passwords one by one when they arrive at once: the fifth locks', async () => {
    await addConsoleStaff(t.db, { name: 'Nadia', role: 'medical', email: 'nadia@amal.ma', password: 'le bon mot de passe' });
    const results = await Promise.all(Array.from({ length: 7 }, () => signIn(t.db, { login: 'nadia@amal.ma', password: 'devine' }, START)));
    expect(results.filter((r) => !r.ok && r.reason === 'wrong_credentials')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(2);
  });

  it('refuses a disabled member, and their sessions stop at once', async () => {
    const { id } = await addConsoleStaff(t.db, { name: 'Omar', role: 'coordinator', email: 'omar@amal.ma', password: 'le bon mot de passe' });
    const session = await createSession(t.db, id, START);
    expect(await sessionFor(t.db, session.token, START)).toMatchObject({ staff: { id }, csrfToken: session.csrfToken });
    expect(await disableStaff(t.db, CLI, id)).toBe(true);
    expect(await sessionFor(t.db, session.token, START)).toBeUndefined();
    expect(await signIn(t.db, { login: 'omar@amal.ma', password: 'le bon mot de passe' }, START)).toEqual({ ok: false, reason: 'wrong_credentials' });
  });
});

describe('an unknown login', () => {
  it('takes as long to refuse as a wrong password, so the delay does not tell who has an account', async () => {
    await addConsoleStaff(t.db, { name: 'Rachid', role: 'coordinator', email: 'rachid@amal.ma', password: 'le bon mot de passe' });
    // The work done, in CPU time (scrypt runs on this process's thread pool): unlike the wall clock, a
    // machine busy with other processes does not change it.
    const median = async (login: string) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = process.cpuUsage();
        await signIn(t.db, { login, password: 'pas le bon' }, START);
        const used = process.cpuUsage(started);
        times.push((used.user + used.system) / 1000);
      }
      return times.sort((a, b) => a - b)[1] ?? 0;
    };
    const wrong = await median('rachid@amal.ma');
    expect(await median('inconnu@amal.ma')).toBeGreaterThan(wrong * 0.4);
    expect(await median('0600')).toBeGreaterThan(wrong * 0.4);
  });
});

describe('a session', () => {
  it('stops when its member is disabled by any means, even with the session row left in place', async () => {
    const { id } = await addConsoleStaff(t.db, { name: 'Latifa', role: 'coordinator', email: 'latifa@amal.ma', password: 'le bon mot de passe' });
    const session = await createSession(t.db, id, START);
    await t.db.updateTable('staff').set({ disabled_at: START }).where('id', '=', id).execute();
    expect(await t.db.selectFrom('staff_sessions').select('staff_id').where('staff_id', '=', id).execute()).toHaveLength(1);
    expect(await sessionFor(t.db, session.token, START)).toBeUndefined();
  });

  it('ends after 12 hours without a request, and lives on while used', async () => {
    const { id } = await addConsoleStaff(t.db, { name: 'Aicha', role: 'coordinator', email: 'aicha@amal.ma', password: 'le bon mot de passe' });
    const used = await createSession(t.db, id, START);
    const idle = await createSession(t.db, id, START);
    expect(await sessionFor(t.db, used.token, later(11 * 3_600_000))).toBeDefined();
    expect(await sessionFor(t.db, used.token, later(22 * 3_600_000))).toBeDefined();
    expect(await sessionFor(t.db, idle.token, later(12 * 3_600_000))).toBeUndefined();
  });
});

describe('a password link', () => {
  it('sets the password once, unlocks the account and ends its sessions', async () => {
    const { id } = await addConsoleStaff(t.db, { name: 'Youssef', role: 'medical', email: 'youssef@amal.ma', password: 'ancien mot de passe' });
    const session = await createSession(t.db, id, START);
    await t.db.updateTable('staff').set({ locked_until: later(LOCK_MS) }).where('id', '=', id).execute();
    const link = await createPasswordLink(t.db, id, START);
    expect(await usePasswordLink(t.db, link.token, await hashPassword('nouveau mot de passe'), START)).toBe(true);
    expect(await usePasswordLink(t.db, link.token, await hashPassword('un autre encore'), START)).toBe(false);
    expect(await sessionFor(t.db, session.token, START)).toBeUndefined();
    expect(await signIn(t.db, { login: 'youssef@amal.ma', password: 'nouveau mot de passe' }, START)).toEqual({ ok: true, staffId: id });
  });

  it('expires after 72 hours, and a newer link replaces it', async () => {
    const { id } = await addConsoleStaff(t.db, { name: 'Hassan', role: 'medical', email: 'hassan@amal.ma', password: 'ancien mot de passe' });
    const expired = await createPasswordLink(t.db, id, START);
    const hash = await hashPassword('nouveau mot de passe');
    expect(await usePasswordLink(t.db, expired.token, hash, later(PASSWORD_LINK_MS))).toBe(false);
    const replaced = await createPasswordLink(t.db, id, START);
    const newest = await createPasswordLink(t.db, id, START);
    expect(await usePasswordLink(t.db, replaced.token, hash, START)).toBe(false);
    expect(await usePasswordLink(t.db, newest.token, hash, later(PASSWORD_LINK_MS - 1))).toBe(true);
  });
});
