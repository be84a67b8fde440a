// A provider that never answers fails the send in bounded time, so the message is tried again and the
// worker's slot is freed; whatsapp-web.js sends nothing while it is not linked, and a message it
// received while the database was away is held until it can be stored.
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { PermanentSendError } from '../../src/channels/channel.ts';
import { createWhatsAppCloudAdapter } from '../../src/channels/whatsapp-cloud/whatsapp-cloud.channel.ts';
import type { WebClient, WebContent, WebMessage } from '../../src/channels/whatsapp-web/whatsapp-web-client.ts';
import { startWhatsAppWeb } from '../../src/channels/whatsapp-web/whatsapp-web.channel.ts';
import type { Receive } from '../../src/channels/receive.ts';

/** Accepts every request and never answers it. */
let silent: Server;
let silentRoot = '';
beforeAll(async () => {
  silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  silentRoot = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v21.0`;
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

class HangingClient extends EventEmitter implements WebClient {
  sent: string[] = [];
  async initialize() {}
  async destroy() {}
  send(to: string, _content: WebContent): Promise<string> {
    this.sent.push(to);
    return new Promise(() => undefined);
  }
}

const text = { kind: 'text' as const, text: 'Salam' };

describe('sends that never come back', () => {
  it('fail a WhatsApp Cloud call after its timeout, as an error to retry, not a permanent one', async () => {
    const adapter = createWhatsAppCloudAdapter({ accessToken: 'token-0123456789abcdefghij', phoneNumberId: '1000', graphRoot: silentRoot, timeoutMs: 300 });
    const started = Date.now();
    const failure = await adapter.send('212600000001', text).then(() => undefined, (err: unknown) => err);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(PermanentSendError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('fail a whatsapp-web.js send after its deadline, and refuse to send before the phone is linked', async () => {
    const client = new HangingClient();
    const session = startWhatsAppWeb({ client, receive: async () => ({ throttled: true }), logger: pino({ level: 'silent' }), sendDeadlineMs: 300, printQr: () => undefined });
    try {
      await expect(session.adapter.send('212600000002@c.us', text)).rejects.toThrow('whatsapp-web is starting, not ready to send');
      expect(client.sent).toEqual([]);
      client.emit('ready');
      await expect(session.adapter.send('212600000002@c.us', text)).rejects.toThrow('whatsapp-web send took longer than 300 ms');
      expect(client.sent).toEqual(['212600000002@c.us']);
    } finally {
      await session.stop();
    }
  });
});

describe('a message received while the database is away', () => {
  it('is held and stored once the database is back, not dropped', async () => {
    const client = new HangingClient();
    const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    let attempts = 0;
    const stored: string[] = [];
    const receive: Receive = async (inbound) => {
      attempts++;
      if (attempts <= 3) throw outage;
      stored.push(inbound.text ?? '');
      return { throttled: true };
    };
    const session = startWhatsAppWeb({ client, receive, logger: pino({ level: 'silent' }), printQr: () => undefined });
    try {
      const message: WebMessage = { id: { _serialized: 'false_212600000003@c.us_ABC' }, from: '212600000003@c.us', fromMe: false, isStatus: false, body: 'urgence', type: 'chat' };
      client.emit('message', message);
      await expect.poll(() => stored, { timeout: 10_000 }).toEqual(['urgence']);
      expect(attempts).toBe(4);
    } finally {
      await session.stop();
    }
  });
});
