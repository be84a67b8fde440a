// Loads the demo once: its organisations, then the campaigns that are missing, with their days moved
// into the future. Organisations are made here on purpose (the demo is the operator's own), never from
// a campaign file.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { WriteContext } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { OrganisationInput } from '../organisations/organisations.ts';
import type { CampaignFile } from './campaign-file.ts';
import { importCampaign } from './campaign-import.ts';
import { shiftCampaignFile } from './campaign-shift.ts';
import { addDays, daysBetween } from './days.ts';
import { InvalidInput } from '../errors.ts';

/** The demo starts at least this many days after the day it is loaded, so people can book it. */
const LEAD_DAYS = 7;

export async function seedDemo(
  trx: Kysely<Database>,
  demo: { organisations: readonly OrganisationInput[]; campaigns: readonly CampaignFile[] },
  today: string,
): Promise<Array<{ slug: string; created: boolean }>> {
  const ctx: WriteContext = { actor: { kind: 'system', id: 'seed-demo' }, channel: 'system', today };
  const organisationIds = new Map<string, number>();
  for (const org of demo.organisations) {
    const created = await trx.insertInto('organisations').values(org).onConflict((oc) => oc.column('slug').doNothing()).returning('id').executeTakeFirst();
    if (created) await recordAudit(trx, { actor: ctx.actor, action: 'organisation.create', entity: 'organisation', entityId: created.id, details: { slug: org.slug } });
    const row = await trx.selectFrom('organisations').select('id').where('slug', '=', org.slug).executeTakeFirstOrThrow();
    organisationIds.set(org.slug, row.id);
  }
  const earliest = demo.campaigns.map((f) => f.firstDay).sort()[0];
  const wanted = addDays(today, LEAD_DAYS);
  const shift = earliest !== undefined && earliest < wanted ? daysBetween(earliest, wanted).length - 1 : 0;
  const outcome: Array<{ slug: string; created: boolean }> = [];
  for (const file of demo.campaigns) {
    const organisationId = file.organisation === undefined ? undefined : organisationIds.get(file.organisation);
    if (organisationId === undefined) throw new InvalidInput([`${file.slug}: organisation ${JSON.stringify(file.organisation)} is not one of the demo organisations`]);
    const present = await trx.selectFrom('campaigns').select('id').where('slug', '=', file.slug).executeTakeFirst();
    if (!present) await importCampaign(trx, ctx, shiftCampaignFile(file, shift), organisationId);
    outcome.push({ slug: file.slug, created: !present });
  }
  return outcome;
}
