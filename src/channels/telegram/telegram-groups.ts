// A Telegram group is not a villager: one member would consent for all, and everyone there would see
// and change the registrations. It gets one line, once, saying to write in private; the staff chats
// that campaigns post alerts to get nothing.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { OutboundQueues } from '../../delivery/outbound.queue.ts';
import type { Translate } from '../../i18n/translator.ts';

export type AnswerGroup = (chatId: string) => Promise<void>;

export function groupAnswerer(deps: { db: Kysely<Database>; queues: OutboundQueues; t: Translate }): AnswerGroup {
  return async (chatId) => {
    const staffChat = await deps.db.selectFrom('campaigns').select('id').where('staff_telegram_chat', '=', chatId).limit(1).executeTakeFirst();
    if (staffChat) return;
    // Messages with no contact are few (staff alerts, this line): the contact index finds them.
    const told = await deps.db.selectFrom('outbox').select('id').where('contact_id', 'is', null).where('channel', '=', 'telegram').where('recipient', '=', chatId).limit(1).executeTakeFirst();
    if (told) return;
    // Nobody in a group has chosen a language: Darija in both scripts, and French.
    const text = (['ary', 'ary-Latn', 'fr'] as const).map((locale) => deps.t(locale, 'common:privateOnly')).join('\n\n');
    const row = await deps.db.insertInto('outbox').values({ contact_id: null, channel: 'telegram', recipient: chatId, payload: JSON.stringify({ text }) }).returning('id').executeTakeFirstOrThrow();
    await deps.queues.enqueue('telegram', [row.id]);
  };
}
