// Logs keep ids and paths, never phone numbers, names or tokens in query strings.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.ts';

function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('logger', () => {
  it('redacts personal fields and drops query strings from logged requests', () => {
    const { stream, lines } = capture();
    const logger = createLogger('info', stream);
    logger.info({ contact: { id: 4, phone_e164: '+212612345678', full_name: 'Fatima' } }, 'contact seen');
    logger.info({ req: { id: 'req-1', method: 'GET', url: '/admin/whatsapp-web?token=secret-admin-token' } }, 'incoming request');
    const [contact, request] = lines();
    expect(contact?.contact).toEqual({ id: 4, phone_e164: '[redacted]', full_name: '[redacted]' });
    expect(request?.req).toEqual({ id: 'req-1', method: 'GET', path: '/admin/whatsapp-web' });
    expect(JSON.stringify(lines())).not.toContain('secret-admin-token');
  });
});
