// One job carries many messages (a broadcast's fifty, a reply's few): a recipient whose message fails
// keeps that failure on its own row, and the job's other messages still go, each at most once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Queue } from 'bullmq';
import { PermanentSendError, type ChannelAdapter } from '../../src/channels/channel.ts';
import { TELEGRAM_CAPABILITIES } from '../../src/channels/telegram/telegram.channel.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { deliverOutboxRows } from '../../src/delivery/deliver.ts';
import { outboundQueueName } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker } from '../../src/delivery/outbound.worker.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';
import { waitUntil } from '../support/wait-until.ts';

const prefix = testPrefix();
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
  await deleteKeys(prefix);
});

/** One outbox row per (chat, text), in this order. */
async function addMessages(messages: ReadonlyArray<readonly [chat: string, text: string]>): Promise<number[]> {
  const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
  const rows = await t.db
    .insertInto('outbox')
    .values(messages.map(([chat, text]) => ({ contact_id: contact.id, channel: 'telegram', recipient: chat, kind: 'broadcast' as const, payload: JSON.stringify({ text }) })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A Telegram double: the chats in `failing` throw their error; every send is noted as `chat: text`. */
function channel(failing: Map<string, () => Error>): ChannelAdapter & { sent: string[] } {
  const sent: string[] = [];
  return {
    name: 'telegram',
    capabilities: TELEGRAM_CAPABILITIES,
    sent,
    async send(to, part) {
      const fail = failing.get(to);
      if (fail) throw fail();
      sent.push(`${to}: ${part.kind === 'text' ? part.text : part.kind}`);
      return String(sent.length);
    },
  };
}

const rowsOf = (ids: readonly number[]) => t.db.selectFrom('outbox').select(['recipient', 'status', 'attempts', 'error']).where('id', 'in', [...ids]).orderBy('id').execute();

describe.each([1, 10])('a failing recipient in a job, claimed %i at a time', (claimGroup) => {
  it('leaves the other messages of the job to be sent, its error on its own row', async () => {
    const chats = Array.from({ length: 10 }, (_, i) => `90${i}`);
    const ids = await addMessages(chats.map((chat) => [chat, 'Annonce']));
    const adapter = channel(new Map([
      ['902', () => new Error('Telegram 502: Bad Gateway')],
      ['905', () => new PermanentSendError('Telegram 403: Forbidden: bot was blocked by the user')],
      ['907', () => new Error('socket hang up')],
    ]));
    // A failure of a moment is thrown for the queue to retry the job; the others went meanwhile.
    await expect(deliverOutboxRows({ db: t.db, adapter, pacer: noPacing, claimGroup }, ids)).rejects.toThrow(/2 messages failed.*Telegram 502: Bad Gateway/);
    expect(adapter.sent).toEqual(['900', '901', '903', '904', '906', '908', '909'].map((chat) => `${chat}: Annonce`));
    const rows = await rowsOf(ids);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([
      { recipient: '902', status: 'pending', attempts: 1, error: 'Telegram 502: Bad Gateway' },
      { recipient: '905', status: 'failed', attempts: 1, error: 'Telegram 403: Forbidden: bot was blocked by the user' },
      { recipient: '907', status: 'pending', attempts: 1, error: 'socket hang up' },
    ]);
    expect(rows.filter((r) => r.status === 'sent').map((r) => [r.attempts, r.error])).toEqual(Array.from({ length: 7 }, () => [1, null]));
  });

  it('sends, on the retry, only what failed for a moment: nothing already sent goes twice', async () => {
    const ids = await addMessages([['911', 'Un'], ['912', 'Un'], ['913', 'Un']]);
    const failing = new Map([['912', () => new Error('socket hang up')]]);
    const adapter = channel(failing);
    await expect(deliverOutboxRows({ db: t.db, adapter, pacer: noPacing, claimGroup }, ids)).rejects.toThrow('socket hang up');
    failing.clear();
    await deliverOutboxRows({ db: t.db, adapter, pacer: noPacing, claimGroup }, ids);
    expect(adapter.sent).toEqual(['911: Un', '913: Un', '912: Un']);
    expect((await rowsOf(ids)).map((r) => [r.recipient, r.status, r.attempts, r.error])).toEqual([['911', 'sent', 1, null], ['912', 'sent', 2, null], ['913', 'sent', 1, null]]);
  });

  it("keeps a chat's messages in order: after one fails for a moment, the next to that chat waits for the retry", async () => {
    const ids = await addMessages([['921', 'premier'], ['921', 'deuxième'], ['922', 'autre']]);
    const failing = new Map([['921', () => new Error('socket hang up')]]);
    const adapter = channel(failing);
    await expect(deliverOutboxRows({ db: t.db, adapter, pacer: noPacing, claimGroup }, ids)).rejects.toThrow('socket hang up');
    expect(adapter.sent).toEqual(['922: autre']);
    expect((await rowsOf(ids)).map((r) => [r.status, r.attempts])).toEqual([['pending', 1], ['pending', 0], ['sent', 1]]);
    failing.clear();
    await deliverOutboxRows({ db: t.db, adapter, pacer: noPacing, claimGroup }, ids);
    expect(adapter.sent).toEqual(['922: autre', '921: premier', '921: deuxième']);
  });

});

describe('a failing recipient in a bulk job', () => {
  it('marks failed, once the attempts are spent, only the messages that kept failing, each with its own error', async () => {
    const ids = await addMessages([['931', 'Rappel'], ['932', 'Rappel'], ['933', 'Rappel'], ['934', 'Rappel'], ['935', 'Rappel']]);
    const adapter = channel(new Map([
      ['932', () => new Error('Telegram 502: Bad Gateway')],
      ['934', () => new Error('socket hang up')],
    ]));
    const worker = startOutboundWorker({ db: t.db, adapter, pacer: noPacing, connection, prefix, logger: pino({ level: 'silent' }), sweepAfterMs: 0 });
    const queue = new Queue(outboundQueueName('telegram', true), { connection, prefix });
    try {
      // Two attempts 50 ms apart, rather than six over half a minute.
      await queue.add('send', { outboxIds: ids }, { attempts: 2, backoff: { type: 'fixed', delay: 50 } });
      await waitUntil(async () => (await rowsOf(ids)).every((r) => r.status === 'sent' || r.status === 'failed'), 'every message sent or failed');
    } finally {
      await queue.close();
      await worker.close();
    }
    expect(adapter.sent).toEqual(['931: Rappel', '933: Rappel', '935: Rappel']);
    expect((await rowsOf(ids)).map((r) => [r.recipient, r.status, r.attempts, r.error])).toEqual([
      ['931', 'sent', 1, null],
      ['932', 'failed', 2, 'Telegram 502: Bad Gateway'],
      ['933', 'sent', 1, null],
      ['934', 'failed', 2, 'socket hang up'],
      ['935', 'sent', 1, null],
    ]);
  });
});
