// The real commands, run as a coordinator would: errors name the bad field, success says what changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, dropDatabase, type TestDatabase } from '../support/test-database.ts';
import { campaignFile } from '../support/fixtures.ts';
import { runCli } from '../support/run-cli.ts';
import { addDays } from '../support/conversation-harness.ts';
import { localDay } from '../../src/domain/clock.ts';

let t: TestDatabase;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'qafila-cli-'));
});
afterAll(async () => t?.drop());

const cli = (script: string, args: string[], env: Record<string, string> = { DATABASE_URL: t.url }) => runCli(script, args, env);

describe('npm run campaign', () => {
  it('imports a file, then updates it, and lists it with its places', async () => {
    const file = path.join(dir, 'good.json');
    // The command lists what is upcoming by the real clock: two days starting in a week.
    const firstDay = addDays(localDay(new Date(), 'Africa/Casablanca'), 7);
    await writeFile(file, JSON.stringify(campaignFile({ slug: 'cli-good', firstDay, lastDay: addDays(firstDay, 1) })));
    // A campaign file never creates its organisation: the platform admin does, once.
    const orphan = await cli('campaign', ['import', file]);
    expect([orphan.code, orphan.stderr]).toEqual([1, expect.stringContaining('there is no organisation "test-association"; see `npm run org -- list`')]);
    const org = await cli('org', ['add', '--slug', 'test-association', '--name', 'Association de test', '--kind', 'association']);
    expect(org.stdout).toMatch(/^organisation \d+ test-association \(association\): Association de test\n/);
    expect((await cli('org', ['list'])).stdout).toMatch(/\ttest-association\tassociation\t0 staff\t0 campaigns\tAssociation de test\n/);
    const created = await cli('campaign', ['import', file]);
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/^Created campaign cli-good \(id \d+, published\): 2 windows added, 0 changed, 0 removed, 0 unchanged\n$/);
    const again = await cli('campaign', ['import', file]);
    expect(again.stdout).toMatch(/^Updated campaign cli-good .*0 windows added, 0 changed, 0 removed, 2 unchanged/);
    const listed = await cli('campaign', ['list', '--json']);
    const list: Array<{ slug: string; firstDay: string; services: Array<{ service: string; capacity: number; remaining: number }> }> = JSON.parse(listed.stdout);
    // Two days of one window of 10 places each.
    expect(list.map((c) => [c.slug, c.firstDay, c.services])).toEqual([['cli-good', firstDay, [{ service: 'ophthalmology', requiresFasting: false, audience: 'anyone', capacity: 20, remaining: 20 }]]]);
    const text = await cli('campaign', ['list', '--province', 'tinghir']);
    expect(text.stdout).toContain(`Caravane de test [cli-good]\n  ${firstDay} to ${addDays(firstDay, 1)} · Centre de santé, Kelâat M'Gouna (`);
    expect(text.stdout).toMatch(/ophthalmology +20 of +20 places left\n/);
  });

  it('says a draft is unseen and which days are past, and deletes windows only with --allow-removal', async () => {
    await cli('org', ['add', '--slug', 'cli-org', '--name', 'Association CLI', '--kind', 'association']);
    const today = localDay(new Date(), 'Africa/Casablanca');
    const file = path.join(dir, 'draft.json');
    const windows = [{ start: '09:00', end: '12:00', capacity: 5 }, { start: '14:00', end: '16:00', capacity: 5 }];
    const draft = campaignFile({ slug: 'cli-draft', organisation: 'cli-org', status: 'draft', firstDay: addDays(today, -1), lastDay: addDays(today, 1), services: [{ code: 'dental', windows }] });
    await writeFile(file, JSON.stringify(draft));
    const created = await cli('campaign', ['import', file]);
    expect(created.stdout).toMatch(/^Created campaign cli-draft \(id \d+, draft\): 6 windows added/);
    expect(created.stdout).toContain('Note: draft: villagers will not see it until you publish it');
    expect(created.stdout).toContain(`Note: day in the past: ${addDays(today, -1)} (nobody can book it)`);

    await writeFile(file, JSON.stringify({ ...draft, services: [{ code: 'dental', windows: windows.slice(0, 1) }] }));
    const refused = await cli('campaign', ['import', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`This file would remove 3 time windows of the campaign:\n  - dental on ${addDays(today, -1)} from 14:00 to 16:00\n`);
    expect(refused.stderr).toContain('--allow-removal');
    const allowed = await cli('campaign', ['import', file, '--allow-removal']);
    expect(allowed.stdout).toMatch(/^Updated campaign cli-draft .*0 windows added, 0 changed, 3 removed, 3 unchanged/);
  });

  it('refuses a file with a missing field and a negative capacity, naming both, and stores nothing', async () => {
    const file = path.join(dir, 'bad.json');
    const { venue, ...rest } = campaignFile({ slug: 'cli-bad', services: [{ code: 'ent', windows: [{ start: '09:00', end: '10:00', capacity: -1 }] }] });
    await writeFile(file, JSON.stringify({ ...rest, venue: { name: venue.name, lon: venue.lon } }));
    const r = await cli('campaign', ['import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('venue.lat: is missing (expected number)');
    expect(r.stderr).toContain('services[0].windows[0].capacity: capacity cannot be negative');
    const stored = await t.db.selectFrom('campaigns').select('id').where('slug', '=', 'cli-bad').execute();
    expect(stored).toEqual([]);
  });

  it('says so when the file is not JSON, does not exist, or the command is wrong', async () => {
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{ "slug": ');
    expect((await cli('campaign', ['import', file])).stderr).toMatch(/broken\.json: not valid JSON/);
    expect((await cli('campaign', ['import', path.join(dir, 'none.json')])).stderr).toMatch(/none\.json: no such file/);
    const wrong = await cli('campaign', ['publish']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Cannot understand: publish[\s\S]*Usage:/);
  });

  it('names DATABASE_URL when it is missing', async () => {
    const r = await cli('campaign', ['list'], { DATABASE_URL: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DATABASE_URL is missing');
  });
});

describe('npm run migrate', () => {
  it('creates a missing database, migrates it and loads the 75 provinces; a second run has nothing to apply', async () => {
    const url = new URL(t.url);
    url.pathname = `/${t.name}_fresh`;
    const first = await cli('migrate', [], { DATABASE_URL: url.toString() });
    expect(first.stdout).toMatch(/^Created the database\.\n(  applied \d{8}T\d{4}_\w+\n)+  reference data: 12 regions, 75 provinces\n$/);
    const second = await cli('migrate', [], { DATABASE_URL: url.toString() });
    expect(second.stdout).toBe('  schema already up to date\n  reference data: 12 regions, 75 provinces\n');
    await dropDatabase(`${t.name}_fresh`);
  });
});
