// `npm run org`: the organisations that run campaigns. Only this command creates one.
import { parseArgs } from 'node:util';
import { loadDatabaseConfig } from '../config/load-config.ts';
import { createDatabase } from '../db/connection.ts';
import { prepareDatabase } from '../db/prepare-database.ts';
import { addOrganisation, listOrganisations, OrganisationInputSchema } from '../domain/organisations/organisations.ts';
import { runCommand, UsageError } from './command-runner.ts';

const USAGE = `Usage:
  npm run org -- add --slug association-sante-dades --name "Association Santé Dadès" --kind association|ministry|blood_agency
  npm run org -- list`;

await runCommand(async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { slug: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' } } });
  const command = positionals[0];
  if (command !== 'add' && command !== 'list') throw new UsageError(command ? `unknown command ${command}` : 'give a command: add or list');
  const input = command === 'add' ? OrganisationInputSchema.safeParse(values) : undefined;
  if (input && !input.success) throw new UsageError(input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  const config = loadDatabaseConfig(process.env);
  const db = createDatabase({ connectionString: config.DATABASE_URL, poolSize: 2 });
  try {
    await prepareDatabase(db);
    if (input?.success) {
      const org = await addOrganisation(db, { kind: 'system', id: 'cli' }, input.data);
      process.stdout.write(`organisation ${org.id} ${org.slug} (${org.kind}): ${org.name}\nAdd its staff with: npm run staff -- add --name "..." --role coordinator --organisation ${org.slug}\n`);
    } else {
      const rows = await listOrganisations(db);
      if (rows.length === 0) process.stdout.write('no organisation yet: npm run org -- add --slug ... --name "..." --kind association\n');
      for (const r of rows) process.stdout.write(`${r.id}\t${r.slug}\t${r.kind}\t${r.staff} staff\t${r.campaigns} campaigns\t${r.name}\n`);
    }
  } finally {
    await db.destroy();
  }
}, USAGE);
