// `npm run staff`: staff members of the admin API. A new member's token is printed once; only its hash is kept.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { z } from 'zod';
import { loadDatabaseConfig } from '../config/load-config.ts';
import { createDatabase } from '../db/connection.ts';
import { prepareDatabase } from '../db/prepare-database.ts';
import { recordAudit } from '../domain/audit/audit-log.ts';
import { requireOrganisation } from '../domain/organisations/organisations.ts';
import { addStaff, checkStaffOrganisation } from '../domain/staff/staff-tokens.ts';
import { runCommand, UsageError } from './command-runner.ts';

const USAGE = `Usage:
  npm run staff -- add --name "Khadija (Tinghir)" --role coordinator|medical --organisation SLUG
  npm run staff -- add --name "Platform" --role admin          (manages organisations; reads no organisation's data)
  npm run staff -- list
  npm run staff -- move --id N --organisation SLUG             (a member added before organisations had staff)
  npm run staff -- disable --id N`;

const CLI = { kind: 'system' as const, id: 'cli' };
const AddArgs = z.object({
  name: z.string().trim().min(1, 'give --name'),
  role: z.enum(['admin', 'coordinator', 'medical'], { error: 'give --role coordinator, medical or admin' }),
  organisation: z.string().min(1).optional(),
});

await runCommand(async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' }, role: { type: 'string' }, id: { type: 'string' }, organisation: { type: 'string' } } });
  const command = positionals[0];
  const config = loadDatabaseConfig(process.env);
  const db = createDatabase({ connectionString: config.DATABASE_URL, poolSize: 2 });
  const idArg = () => {
    const id = Number(values.id);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError('give --id N');
    return id;
  };
  try {
    await prepareDatabase(db);
    if (command === 'add') {
      const input = AddArgs.safeParse(values);
      if (!input.success) throw new UsageError(input.error.issues.map((i) => i.message).join('; '));
      const organisation = input.data.organisation === undefined ? null : await requireOrganisation(db, input.data.organisation);
      const staff = await addStaff(db, { name: input.data.name, role: input.data.role, organisationId: organisation?.id ?? null });
      process.stdout.write(`staff ${staff.id} ${staff.name} (${staff.role}${organisation ? `, ${organisation.slug}` : ', platform'})\ntoken: ${staff.token}\nGive it privately: it is not stored and cannot be shown again.\n`);
    } else if (command === 'list') {
      const rows = await db
        .selectFrom('staff')
        .leftJoin('organisations as o', 'o.id', 'staff.organisation_id')
        .select(['staff.id', 'staff.name', 'staff.role', 'staff.disabled_at', 'o.slug'])
        .orderBy('staff.id')
        .execute();
      for (const r of rows) process.stdout.write(`${r.id}\t${r.role}\t${r.slug ?? (r.role === 'admin' ? '(platform)' : '(no organisation: npm run staff -- move)')}\t${r.disabled_at ? 'disabled' : 'active'}\t${r.name}\n`);
    } else if (command === 'move') {
      const id = idArg();
      if (!values.organisation) throw new UsageError('give --organisation SLUG');
      const organisation = await requireOrganisation(db, values.organisation);
      const member = await db.selectFrom('staff').select('role').where('id', '=', id).executeTakeFirst();
      if (!member) throw new UsageError(`no staff ${id}`);
      checkStaffOrganisation(member.role, organisation.id);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('staff').set({ organisation_id: organisation.id }).where('id', '=', id).execute();
        await recordAudit(trx, { actor: CLI, action: 'staff.move', entity: 'staff', entityId: id, details: { organisation: organisation.slug } });
      });
      process.stdout.write(`staff ${id} now belongs to ${organisation.slug}\n`);
    } else if (command === 'disable') {
      const id = idArg();
      const done = await db.updateTable('staff').set({ disabled_at: sql<Date>`now()` }).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
      process.stdout.write(Number(done.numUpdatedRows) === 1 ? `staff ${id} disabled\n` : `no active staff ${id}\n`);
    } else {
      throw new UsageError(command ? `unknown command ${command}` : 'give a command');
    }
  } finally {
    await db.destroy();
  }
}, USAGE);
