// `npm run staff` for the console: the one-time link printed by add and reset, and disable ending the
// sessions. The links are used through the real API, as a new coordinator's browser would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { systemClock } from '../../src/domain/clock.ts';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { signInBrowser } from '../support/console-staff.ts';
import { addTestStaff, ensureOrganisation } from '../support/fixtures.ts';
import { runCli } from '../support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDatabase();
  await ensureOrganisation(t.db, 'amal-tinghir');
  // The command stamps links with the machine's clock; the server reading them uses the same one.
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: systemClock, logger: createLogger('silent'), timeZone: 'Africa/Casablanca' });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const staff = (args: string[], env: Record<string, string> = {}) => runCli('staff', args, { DATABASE_URL: t.url, PORT: '3000', PUBLIC_BASE_URL: '', ...env });
const LINK = /^(http\S+)\/console\/set-password#token=([\w-]{43})$/m;
const linkIn = (stdout: string) => {
  const match = LINK.exec(stdout);
  if (!match?.[1] || !match[2]) throw new Error(`no link in: ${stdout}`);
  return { base: match[1], token: match[2] };
};
const setPassword = (token: string, password: string) => app.inject({ method: 'POST', url: '/console/api/password', payload: { token, password } });

describe('npm run staff for the console', () => {
  it('adds a coordinator with an email and a phone and prints a link that sets the password once', async () => {
    const added = await staff(['add', '--name', 'Fatima Ouali', '--role', 'coordinator', '--organisation', 'amal-tinghir', '--email', 'Fatima@Amal-Tinghir.ma', '--phone', '06 12 30 00 09']);
    expect([added.code, added.stderr]).toEqual([0, '']);
    expect(added.stdout).toMatch(/^staff \d+ Fatima Ouali \(coordinator, amal-tinghir\)\ntoken: qst_\S+\n.*\nconsole password link \(works once, for 72 hours\):\nhttp:\/\/localhost:3000\/console\/set-password#token=[\w-]{43}\n$/);
    const link = linkIn(added.stdout);
    expect((await setPassword(link.token, 'Kelâat 2026 !')).statusCode).toBe(204);
    expect((await setPassword(link.token, 'Kelâat 2027 !')).statusCode).toBe(400);
    await signInBrowser(app, 'fatima@amal-tinghir.ma', 'Kelâat 2026 !');
    await signInBrowser(app, '+212612300009', 'Kelâat 2026 !');

    const twice = await staff(['add', '--name', 'Autre', '--role', 'medical', '--organisation', 'amal-tinghir', '--email', 'fatima@amal-tinghir.ma']);
    expect([twice.code, twice.stderr]).toEqual([1, "email: fatima@amal-tinghir.ma is already another staff member's\n"]);
    const badPhone = await staff(['add', '--name', 'Autre', '--role', 'medical', '--organisation', 'amal-tinghir', '--phone', '0612']);
    expect([badPhone.code, badPhone.stderr]).toEqual([2, expect.stringMatching(/^--phone: Invalid phone number "0612"/)]);
  });

  it('resets by email with a new link at PUBLIC_BASE_URL; the earlier link stops working', async () => {
    const added = await staff(['add', '--name', 'Dr Youssef Amrani', '--role', 'medical', '--organisation', 'amal-tinghir', '--email', 'youssef@amal-tinghir.ma']);
    const first = linkIn(added.stdout);
    const reset = await staff(['reset', '--email', 'YOUSSEF@amal-tinghir.ma'], { PUBLIC_BASE_URL: 'https://qafila.amal-tinghir.ma/' });
    expect([reset.code, reset.stderr]).toEqual([0, '']);
    const second = linkIn(reset.stdout);
    expect(second.base).toBe('https://qafila.amal-tinghir.ma');
    expect((await setPassword(first.token, 'mot de passe neuf')).statusCode).toBe(400);
    expect((await setPassword(second.token, 'mot de passe neuf')).statusCode).toBe(204);
    await signInBrowser(app, 'youssef@amal-tinghir.ma', 'mot de passe neuf');
  });

  it('gives a member who had only a token an email to sign in with', async () => {
    const { id } = await addTestStaff(t.db, { name: 'Karim', role: 'coordinator', organisation: 'amal-tinghir' });
    const without = await staff(['reset', '--id', String(id)]);
    expect([without.code, without.stderr]).toEqual([2, expect.stringContaining(`staff ${id} has no email or phone to sign in with: npm run staff -- reset --id ${id} --email E`)]);
    const reset = await staff(['reset', '--id', String(id), '--email', 'karim@amal-tinghir.ma']);
    expect((await setPassword(linkIn(reset.stdout).token, 'mot de passe de Karim')).statusCode).toBe(204);
    await signInBrowser(app, 'karim@amal-tinghir.ma', 'mot de passe de Karim');
  });

  it('disables by email: the session in the browser stops at once', async () => {
    const added = await staff(['add', '--name', 'Omar', '--role', 'coordinator', '--organisation', 'amal-tinghir', '--email', 'omar@amal-tinghir.ma']);
    await setPassword(linkIn(added.stdout).token, 'mot de passe de Omar');
    const browser = await signInBrowser(app, 'omar@amal-tinghir.ma', 'mot de passe de Omar');
    const disabled = await staff(['disable', '--email', 'omar@amal-tinghir.ma']);
    expect(disabled.stdout).toMatch(/^staff \d+ disabled: their token, sessions and links no longer work\n$/);
    expect((await app.inject({ method: 'GET', url: '/console/api/session', headers: { cookie: browser.cookie } })).statusCode).toBe(401);
    expect((await staff(['disable', '--email', 'omar@amal-tinghir.ma'])).stdout).toBe('no active staff omar@amal-tinghir.ma\n');
    expect((await staff(['list'])).stdout).toMatch(/\tcoordinator\tamal-tinghir\tdisabled\tOmar\tomar@amal-tinghir.ma\n/);
  });
});
