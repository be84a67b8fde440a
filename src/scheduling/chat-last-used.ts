// Where a notification reaches its person: the chat they used last (that is where they will look),
// among those that can carry a message and that they have not blocked.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../db/tables.ts';

type WithNotification = Database & { n: Database['notifications'] };

/** A lateral subquery of the notification `n`'s person's chat, joined `on true`: `i.channel`, `i.external_id`. */
export const chatLastUsed = (eb: ExpressionBuilder<WithNotification, 'n'>) =>
  eb
    .selectFrom('contact_identities as i')
    .select(['i.channel', 'i.external_id'])
    .whereRef('i.contact_id', '=', 'n.contact_id')
    .where('i.channel', 'not in', ['terminal', 'web'])
    .where('i.blocked_at', 'is', null)
    .orderBy(sql`i.last_inbound_at desc nulls last`)
    .limit(1)
    .as('i');
