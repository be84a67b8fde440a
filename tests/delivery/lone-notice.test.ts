// A notice outside any conversation (the flood warning): one outbox row in the chat's language, and
// the job that sends it; a chat that is nobody's gets nothing.
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueLoneNotice } from '../../src/delivery/lone-notice.ts';
import { createOutboundQueues, outboundQueueName, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';

let t: TestDatabase;
let queues: OutboundQueues;
const prefix = testPrefix();
beforeAll(async () => {
  t = await createTestDatabase();
  queues = createOutboundQueues({ connection, prefix });
});
afterAll(async () => {
  await queues?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

const words = { fr: 'Trop vite', ar: 'بسرعة كبيرة' } as Record<string, string>;

describe('queueLoneNotice', () => {
  it('writes the notice in the language the conversation speaks, and queues its job', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'ar' }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('contact_identities').values({ channel: 'telegram', external_id: '880001', contact_id: contact.id }).execute();
    await t.db.insertInto('conversations').values({ contact_id: contact.id, state: JSON.stringify({ step: 'menu', locale: 'ar' }) }).execute();
    const id = await queueLoneNotice(t.db, queues, { channel: 'telegram', externalId: '880001' }, (locale) => words[locale] ?? locale);
    const row = await t.db.selectFrom('outbox').select(['id', 'contact_id', 'recipient', 'status', 'payload']).where('id', '=', id ?? 0).executeTakeFirstOrThrow();
    expect(row).toEqual({ id, contact_id: contact.id, recipient: '880001', status: 'pending', payload: { text: 'بسرعة كبيرة' } });
    const queue = new Queue(outboundQueueName('telegram'), { connection, prefix });
    try {
      expect((await queue.getJob(`outbox-${id}`))?.data).toEqual({ outboxIds: [id] });
    } finally {
      await queue.close();
    }
  });

  it('falls back to French before any conversation, and does nothing for a chat nobody holds', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: null }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('contact_identities').values({ channel: 'whatsapp', external_id: '212600880002', contact_id: contact.id }).execute();
    const id = await queueLoneNotice(t.db, queues, { channel: 'whatsapp', externalId: '212600880002' }, (locale) => words[locale] ?? locale);
    expect((await t.db.selectFrom('outbox').select('payload').where('id', '=', id ?? 0).executeTakeFirstOrThrow()).payload).toEqual({ text: 'Trop vite' });
    const before = await t.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(await queueLoneNotice(t.db, queues, { channel: 'whatsapp', externalId: '212600889999' }, () => 'x')).toBeUndefined();
    expect(await t.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).toEqual(before);
  });
});
