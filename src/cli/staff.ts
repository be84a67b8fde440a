// `npm run staff`: staff members of the admin API. A new member's token is printed once; only its hash is kept.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { z } from 'zod';
import { loadDatabaseConfig } from '../config/load-config.ts';
import { createDatabase } from '../db/connection.ts';
import { prepareDatabase } from '../db/prepare-database.ts';
import { addStaff } from '../domain/staff/staff-tokens.ts';
import { runCommand, UsageError } from './command-runner.ts';

const USAGE = `Usage:
  npm run staff -- add --name "Khadija (Tinghir)" --role coordinator|medical|admin
  npm run staff -- list
  npm run staff -- disable --id N`;

await runCommand(async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' }, role: { type: 'string' }, id: { type: 'string' } } });
  const command = positionals[0];
  const config = loadDatabaseConfig(process.env);
  const db = createDatabase({ connectionString: config.DATABASE_URL, poolSize: 2 });
  try {
    await prepareDatabase(db);
    if (command === 'add') {
      const input = z.object({ name: z.string().trim().min(1, 'give --name'), role: z.enum(['admin', 'coordinator', 'medical'], { error: 'give --role coordinator, medical or admin' }) }).safeParse(values);
      if (!input.success) throw new UsageError(input.error.issues.map((i) => i.message).join('; '));
      const staff = await addStaff(db, input.data);
      process.stdout.write(`staff ${staff.id} ${staff.name} (${staff.role})\ntoken: ${staff.token}\nGive it privately: it is not stored and cannot be shown again.\n`);
    } else if (command === 'list') {
      const rows = await db.selectFrom('staff').select(['id', 'name', 'role', 'created_at', 'disabled_at']).orderBy('id').execute();
      for (const r of rows) process.stdout.write(`${r.id}\t${r.role}\t${r.disabled_at ? 'disabled' : 'active'}\t${r.name}\n`);
    } else if (command === 'disable') {
      const id = Number(values.id);
      if (!Number.isInteger(id) || id <= 0) throw new UsageError('give --id N');
      const done = await db.updateTable('staff').set({ disabled_at: sql<Date>`now()` }).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
      process.stdout.write(Number(done.numUpdatedRows) === 1 ? `staff ${id} disabled\n` : `no active staff ${id}\n`);
    } else {
      throw new UsageError(command ? `unknown command ${command}` : 'give a command');
    }
  } finally {
    await db.destroy();
  }
}, USAGE);
