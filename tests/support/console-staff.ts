// Staff who sign in to the console, and a signed-in browser's cookie and CSRF token, for the tests.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/connection.ts';
import type { StaffRole } from '../../src/db/tables.ts';
import { hashPassword } from '../../src/domain/staff/password-hash.ts';
import { addTestStaff } from './fixtures.ts';

/** A member of `organisation` (created if missing) with this email and password set, as their one-time link would. */
export async function addConsoleStaff(db: Db, input: { name: string; role: StaffRole; organisation?: string; email: string; phone?: string; password: string }): Promise<{ id: number; token: string }> {
  const staff = await addTestStaff(db, input);
  await db
    .updateTable('staff')
    .set({ email: input.email, phone_e164: input.phone ?? null, password_hash: await hashPassword(input.password) })
    .where('id', '=', staff.id)
    .execute();
  return { id: staff.id, token: staff.token };
}

export interface Browser {
  /** The Cookie header a browser would send back. */
  cookie: string;
  csrf: string;
}

/** Signs in through the API as the console does; fails the test when refused. */
export async function signInBrowser(app: FastifyInstance, login: string, password: string): Promise<Browser> {
  const answer = await app.inject({ method: 'POST', url: '/console/api/session', payload: { login, password } });
  if (answer.statusCode !== 200) throw new Error(`sign-in refused: ${answer.statusCode} ${answer.body}`);
  const session = answer.cookies.find((c) => c.name === 'qafila_session');
  if (!session) throw new Error('sign-in set no session cookie');
  return { cookie: `qafila_session=${session.value}`, csrf: (answer.json() as { csrfToken: string }).csrfToken };
}
