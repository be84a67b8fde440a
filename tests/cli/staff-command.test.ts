// `npm run org` and `npm run staff`, run as the platform's operator would: organisations first, then
// their staff, each in exactly one; the platform admin in none.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffForToken } from '../../src/domain/staff/staff-tokens.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { runCli } from '../support/run-cli.ts';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const cli = (script: 'org' | 'staff', args: string[]) => runCli(script, args, { DATABASE_URL: t.url });

describe('npm run org and npm run staff', () => {
  it('adds an organisation, then staff who belong to it, and an admin who belongs to none', async () => {
    const badKind = await cli('org', ['add', '--slug', 'sante-dades', '--name', 'Association Santé Dadès', '--kind', 'club']);
    expect([badKind.code, badKind.stderr]).toEqual([2, expect.stringContaining('--kind: the kind is one of association, ministry, blood_agency')]);
    expect((await cli('org', ['add', '--slug', 'sante-dades', '--name', 'Association Santé Dadès', '--kind', 'association'])).code).toBe(0);
    const twice = await cli('org', ['add', '--slug', 'sante-dades', '--name', 'Autre', '--kind', 'association']);
    expect([twice.code, twice.stderr]).toEqual([1, 'slug: an organisation "sante-dades" exists already\n']);

    const homeless = await cli('staff', ['add', '--name', 'Khadija', '--role', 'coordinator']);
    expect([homeless.code, homeless.stderr]).toEqual([1, 'organisation: a coordinator belongs to an organisation; give --organisation SLUG\n']);
    const unknown = await cli('staff', ['add', '--name', 'Khadija', '--role', 'coordinator', '--organisation', 'nowhere']);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('there is no organisation "nowhere"')]);
    const adminInOrg = await cli('staff', ['add', '--name', 'Plateforme', '--role', 'admin', '--organisation', 'sante-dades']);
    expect([adminInOrg.code, adminInOrg.stderr]).toEqual([1, 'organisation: the platform admin belongs to no organisation; leave --organisation out\n']);

    const added = await cli('staff', ['add', '--name', 'Khadija', '--role', 'coordinator', '--organisation', 'sante-dades']);
    expect(added.stdout).toMatch(/^staff \d+ Khadija \(coordinator, sante-dades\)\ntoken: qst_/);
    const token = /token: (\S+)/.exec(added.stdout)?.[1] ?? '';
    expect(await staffForToken(t.db, token)).toMatchObject({ name: 'Khadija', role: 'coordinator', organisation: { slug: 'sante-dades' } });
    const admin = await cli('staff', ['add', '--name', 'Plateforme', '--role', 'admin']);
    expect(admin.stdout).toMatch(/^staff \d+ Plateforme \(admin, platform\)\n/);

    expect((await cli('staff', ['list'])).stdout).toMatch(/^\d+\tcoordinator\tsante-dades\tactive\tKhadija\n\d+\tadmin\t\(platform\)\tactive\tPlateforme\n$/);
    expect((await cli('org', ['list'])).stdout).toMatch(/\tsante-dades\tassociation\t1 staff\t0 campaigns\tAssociation Santé Dadès\n/);
  });
});

describe('a desk volunteer', () => {
  it('is added to an organisation, never without one, with a login for the console', async () => {
    await cli('org', ['add', '--slug', 'amal-nouaceur', '--name', 'Amal Nouaceur', '--kind', 'association']);
    const homeless = await cli('staff', ['add', '--name', 'Hanane', '--role', 'desk']);
    expect([homeless.code, homeless.stderr]).toEqual([1, 'organisation: a desk belongs to an organisation; give --organisation SLUG\n']);
    const added = await cli('staff', ['add', '--name', 'Hanane', '--role', 'desk', '--organisation', 'amal-nouaceur', '--phone', '0661234500']);
    expect(added.stdout).toMatch(/^staff \d+ Hanane \(desk, amal-nouaceur\)\ntoken: qst_[\s\S]*console password link/);
    const token = /token: (\S+)/.exec(added.stdout)?.[1] ?? '';
    expect(await staffForToken(t.db, token)).toMatchObject({ name: 'Hanane', role: 'desk', organisation: { slug: 'amal-nouaceur' } });
    const badRole = await cli('staff', ['add', '--name', 'Hanane', '--role', 'volunteer', '--organisation', 'amal-nouaceur']);
    expect([badRole.code, badRole.stderr]).toEqual([2, expect.stringContaining('give --role coordinator, medical, desk or admin')]);
  });
});

describe('the README', () => {
  it('shows organisation and staff commands that run as pasted: no "a|b" a shell would read as a pipe', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const lines = readme.split('\n').filter((line) => /^npm run (org|staff) -- add /.test(line));
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines) {
      expect(line).not.toMatch(/\|/);
      // The words as a shell splits them: quoted names stay whole.
      const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
      const [, , script, , ...args] = words;
      const run = await cli(script === 'org' ? 'org' : 'staff', args);
      expect([line, run.code, run.stderr]).toEqual([line, 0, '']);
    }
  });
});
