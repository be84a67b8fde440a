// A notice sent outside any conversation's transaction (the flood warning): its outbox row first, then
// its job, like every other message, so it is never lost and never goes twice. The caller decides the
// words; this module only finds who the chat belongs to and in which language it is spoken.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { LOCALES, type Locale } from '../i18n/translator.ts';
import type { OutboundQueues } from './outbound.queue.ts';

/**
 * Queues `text(locale)` to the chat; undefined when the chat is no known contact's (nothing to answer yet).
 *
 * @example await queueLoneNotice(db, queues, { channel: 'telegram', externalId: '7001' }, (locale) => t(locale, 'common:tooFast'));
 */
export async function queueLoneNotice(db: Kysely<Database>, queues: OutboundQueues, to: { channel: string; externalId: string }, text: (locale: Locale) => string): Promise<number | undefined> {
  const row = await db
    .selectFrom('contact_identities as i')
    .leftJoin('conversations as v', 'v.contact_id', 'i.contact_id')
    .select(['i.contact_id', sql<string | null>`v.state->>'locale'`.as('locale')])
    .where('i.channel', '=', to.channel)
    .where('i.external_id', '=', to.externalId)
    .executeTakeFirst();
  if (!row) return undefined;
  // The saved state is jsonb: a locale it does not hold (or none before consent) falls back to French.
  const locale = LOCALES.find((l) => l === row.locale) ?? 'fr';
  const queued = await db
    .insertInto('outbox')
    .values({ contact_id: row.contact_id, channel: to.channel, recipient: to.externalId, payload: JSON.stringify({ text: text(locale) }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await queues.enqueue(to.channel, [queued.id]);
  return queued.id;
}
