// Organisations that run campaigns. Created only by the platform admin (`npm run org -- add`), never as a
// side effect of a campaign file: which organisation owns a campaign is never decided by its file.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ORGANISATION_KINDS, type Database, type OrganisationKind } from '../../db/tables.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { InvalidInput } from '../errors.ts';

export const SlugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and dashes, e.g. "association-sante-dades"').max(60, 'at most 60 characters');

export const OrganisationInputSchema = z.object({
  slug: SlugSchema,
  name: z.string().trim().min(1, 'give the name').max(200, 'at most 200 characters'),
  kind: z.enum(ORGANISATION_KINDS, { error: `the kind is one of ${ORGANISATION_KINDS.join(', ')}` }),
});
export type OrganisationInput = z.infer<typeof OrganisationInputSchema>;

export interface Organisation {
  id: number;
  slug: string;
  name: string;
  kind: OrganisationKind;
}

/**
 * @example const org = await addOrganisation(db, { kind: 'system', id: 'cli' }, { slug: 'sante-dades', name: 'Association Santé Dadès', kind: 'association' });
 */
export async function addOrganisation(db: Kysely<Database>, actor: Actor, input: OrganisationInput): Promise<Organisation> {
  const parsed = OrganisationInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInput(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return db.transaction().execute(async (trx) => {
    try {
      const row = await trx.insertInto('organisations').values(parsed.data).returning(['id', 'slug', 'name', 'kind']).executeTakeFirstOrThrow();
      await recordAudit(trx, { actor, action: 'organisation.create', entity: 'organisation', entityId: row.id, details: { slug: row.slug, kind: row.kind } });
      return row;
    } catch (err) {
      if (isUniqueViolation(err)) throw new InvalidInput([`slug: an organisation "${parsed.data.slug}" exists already`]);
      throw err;
    }
  });
}

export async function listOrganisations(db: Kysely<Database>): Promise<Array<Organisation & { staff: number; campaigns: number }>> {
  const rows = await db
    .selectFrom('organisations as o')
    .select((eb) => [
      'o.id',
      'o.slug',
      'o.name',
      'o.kind',
      eb.selectFrom('staff').select(eb.fn.countAll<string>().as('n')).whereRef('staff.organisation_id', '=', 'o.id').where('staff.disabled_at', 'is', null).as('staff'),
      eb.selectFrom('campaigns').select(eb.fn.countAll<string>().as('n')).whereRef('campaigns.organisation_id', '=', 'o.id').as('campaigns'),
    ])
    .orderBy('o.slug')
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, kind: r.kind, staff: Number(r.staff ?? 0), campaigns: Number(r.campaigns ?? 0) }));
}

export async function organisationBySlug(db: Kysely<Database>, slug: string): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').select(['id', 'slug', 'name', 'kind']).where('slug', '=', slug).executeTakeFirst();
}

/** For a command line: the organisation, or a refusal that says how to create it. */
export async function requireOrganisation(db: Kysely<Database>, slug: string): Promise<Organisation> {
  const found = await organisationBySlug(db, slug);
  if (!found) throw new InvalidInput([`organisation: there is no organisation "${slug}"; see \`npm run org -- list\`, or create it with \`npm run org -- add --slug ${slug} --name "..." --kind association\``]);
  return found;
}
