// Who a campaign's service is for, when the campaign says otherwise than the service's default
// (gynecology for women, pediatrics for children): null keeps the default.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('campaign_services').addColumn('audience', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('campaign_services').dropColumn('audience').execute();
}
