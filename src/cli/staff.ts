// `npm run staff`: staff members of the admin API and the console. A new member's token is printed once
// (only its hash is kept); with an email or phone, a one-time link to set their console password.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadStaffCommandConfig } from '../config/load-config.ts';
import { createDatabase, type Db } from '../db/connection.ts';
import { STAFF_ROLES } from '../db/tables.ts';
import { prepareDatabase } from '../db/prepare-database.ts';
import { recordAudit } from '../domain/audit/audit-log.ts';
import { systemClock } from '../domain/clock.ts';
import { normalizePhone } from '../domain/contacts/phone.ts';
import { requireOrganisation } from '../domain/organisations/organisations.ts';
import { createPasswordLink, passwordLinkUrl } from '../domain/staff/password-links.ts';
import { PASSWORD_LINK_MS, normalizeEmail } from '../domain/staff/sign-in-rules.ts';
import { disableStaff, findStaff, setStaffLogin } from '../domain/staff/staff-accounts.ts';
import { addStaff, checkStaffOrganisation } from '../domain/staff/staff-tokens.ts';
import { runCommand, UsageError } from './command-runner.ts';

const USAGE = `Usage:
  npm run staff -- add --name "Khadija (Tinghir)" --role coordinator|medical|desk --organisation SLUG [--email E] [--phone P]
      (desk: a volunteer at the venue who only checks people in and registers walk-ins)
  npm run staff -- add --name "Platform" --role admin [--email E]   (manages organisations; reads one picked organisation's data in the console, changes none)
  npm run staff -- reset --email E   (or --id N [--email E] [--phone P])   a new one-time link to set the console password
  npm run staff -- list
  npm run staff -- move --id N --organisation SLUG             (a member added before organisations had staff)
  npm run staff -- disable --id N   (or --email E)                token, sessions and links stop at once`;

const CLI = { kind: 'system' as const, id: 'cli' };
const phone = z.string().transform((text, ctx) => {
  const parsed = normalizePhone(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `--phone: ${parsed.error}` });
  return parsed.ok ? parsed.e164 : z.NEVER;
});
const LoginArgs = z.object({
  email: z.email({ error: '--email: expected an address like khadija@amal-tinghir.ma' }).transform(normalizeEmail).optional(),
  phone: phone.optional(),
});
const AddArgs = LoginArgs.extend({
  name: z.string().trim().min(1, 'give --name'),
  role: z.enum(STAFF_ROLES, { error: 'give --role coordinator, medical, desk or admin' }),
  organisation: z.string().min(1).optional(),
});
const parse = <S extends z.ZodType>(schema: S, values: unknown): z.infer<S> => {
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
};

await runCommand(async () => {
  const options = { name: { type: 'string' }, role: { type: 'string' }, id: { type: 'string' }, organisation: { type: 'string' }, email: { type: 'string' }, phone: { type: 'string' } } as const;
  const { positionals, values } = parseArgs({ allowPositionals: true, options });
  const command = positionals[0];
  const config = loadStaffCommandConfig(process.env);
  const db = createDatabase({ connectionString: config.DATABASE_URL, poolSize: 2 });
  const baseUrl = config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`;
  const idArg = () => {
    const id = Number(values.id);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError('give --id N');
    return id;
  };
  /** The member named by --email, or else --id. */
  const target = () => (values.email !== undefined && values.id === undefined ? { email: values.email } : { id: idArg() });
  try {
    await prepareDatabase(db);
    if (command === 'add') {
      const input = parse(AddArgs, values);
      const organisation = input.organisation === undefined ? null : await requireOrganisation(db, input.organisation);
      const { email, phone } = input;
      const staff = await addStaff(db, { name: input.name, role: input.role, organisationId: organisation?.id ?? null, ...(email ? { email } : {}), ...(phone ? { phone } : {}) });
      process.stdout.write(`staff ${staff.id} ${staff.name} (${staff.role}${organisation ? `, ${organisation.slug}` : ', platform'})\ntoken: ${staff.token}\nGive it privately: it is not stored and cannot be shown again.\n`);
      if (email || phone) await printPasswordLink(db, staff.id, baseUrl);
    } else if (command === 'reset') {
      const found = await findStaff(db, target());
      if (!found || found.disabled) throw new UsageError(`no active staff ${values.email ?? values.id ?? ''}`);
      // With --id, --email and --phone give the member the login they will use (a token-only member, say).
      if (values.id !== undefined) {
        const login = parse(LoginArgs, values);
        await setStaffLogin(db, CLI, found.id, login);
        found.email = login.email ?? found.email;
        found.phone = login.phone ?? found.phone;
      }
      if (!found.email && !found.phone) throw new UsageError(`staff ${found.id} has no email or phone to sign in with: npm run staff -- reset --id ${found.id} --email E`);
      await printPasswordLink(db, found.id, baseUrl);
    } else if (command === 'list') {
      const rows = await db
        .selectFrom('staff')
        .leftJoin('organisations as o', 'o.id', 'staff.organisation_id')
        .select(['staff.id', 'staff.name', 'staff.role', 'staff.disabled_at', 'staff.email', 'o.slug'])
        .orderBy('staff.id')
        .execute();
      for (const r of rows) process.stdout.write(`${r.id}\t${r.role}\t${r.slug ?? (r.role === 'admin' ? '(platform)' : '(no organisation: npm run staff -- move)')}\t${r.disabled_at ? 'disabled' : 'active'}\t${r.name}${r.email ? `\t${r.email}` : ''}\n`);
    } else if (command === 'move') {
      const id = idArg();
      if (!values.organisation) throw new UsageError('give --organisation SLUG');
      const organisation = await requireOrganisation(db, values.organisation);
      const found = await db.selectFrom('staff').select('role').where('id', '=', id).executeTakeFirst();
      if (!found) throw new UsageError(`no staff ${id}`);
      checkStaffOrganisation(found.role, organisation.id);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('staff').set({ organisation_id: organisation.id }).where('id', '=', id).execute();
        await recordAudit(trx, { actor: CLI, action: 'staff.move', entity: 'staff', entityId: id, details: { organisation: organisation.slug } });
      });
      process.stdout.write(`staff ${id} now belongs to ${organisation.slug}\n`);
    } else if (command === 'disable') {
      const found = await findStaff(db, target());
      const done = found ? await disableStaff(db, CLI, found.id) : false;
      process.stdout.write(done && found ? `staff ${found.id} disabled: their token, sessions and links no longer work\n` : `no active staff ${values.email ?? values.id ?? ''}\n`);
    } else {
      throw new UsageError(command ? `unknown command ${command}` : 'give a command');
    }
  } finally {
    await db.destroy();
  }
}, USAGE);

async function printPasswordLink(db: Db, staffId: number, baseUrl: string): Promise<void> {
  const link = await createPasswordLink(db, staffId, systemClock.now());
  await recordAudit(db, { actor: CLI, action: 'staff.password_link', entity: 'staff', entityId: staffId });
  process.stdout.write(`console password link (works once, for ${PASSWORD_LINK_MS / 3_600_000} hours):\n${passwordLinkUrl(baseUrl, link.token)}\n`);
}
