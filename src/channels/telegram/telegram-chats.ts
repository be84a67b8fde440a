// What Telegram says about chats rather than in them. A group is not a villager: one member would
// consent for all, and everyone there would see and change the registrations; it gets one line, once,
// saying to write in private, and the staff chats campaigns post alerts to get nothing. A person who
// blocks the bot is noted, so reminders and broadcasts stop failing on their chat.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { OutboundQueues } from '../../delivery/outbound.queue.ts';
import type { Translate } from '../../i18n/translator.ts';

export interface TelegramChats {
  /** A message or a pressed button in a group. */
  answerGroup(chatId: string): Promise<void>;
  /** The person blocked the bot (true), or started it again (false). */
  setBlocked(chatId: string, blocked: boolean): Promise<void>;
}

export function telegramChats(deps: { db: Kysely<Database>; queues: OutboundQueues; t: Translate }): TelegramChats {
  return {
    async answerGroup(chatId) {
      const staffChat = await deps.db.selectFrom('campaigns').select('id').where('staff_telegram_chat', '=', chatId).limit(1).executeTakeFirst();
      if (staffChat) return;
      // Messages with no contact are few (staff alerts, this line): the contact index finds them.
      const told = await deps.db.selectFrom('outbox').select('id').where('contact_id', 'is', null).where('channel', '=', 'telegram').where('recipient', '=', chatId).limit(1).executeTakeFirst();
      if (told) return;
      // Nobody in a group has chosen a language: Darija in both scripts, Tachelhit (groups of the Souss
      // and the Drâa write it), and French.
      const text = (['ary', 'ary-Latn', 'shi', 'fr'] as const).map((locale) => deps.t(locale, 'common:privateOnly')).join('\n\n');
      const row = await deps.db.insertInto('outbox').values({ contact_id: null, channel: 'telegram', recipient: chatId, payload: JSON.stringify({ text }) }).returning('id').executeTakeFirstOrThrow();
      await deps.queues.enqueue('telegram', [row.id]);
    },
    async setBlocked(chatId, blocked) {
      await deps.db
        .updateTable('contact_identities')
        .set({ blocked_at: blocked ? sql<Date>`coalesce(blocked_at, now())` : null })
        .where('channel', '=', 'telegram')
        .where('external_id', '=', chatId)
        .execute();
    },
  };
}
