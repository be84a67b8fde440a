// Each channel's error, as the adapters write it on the outbox row, lands under the reason a coordinator
// can act on; reasons are summed across the error texts that share them.
import { describe, expect, it } from 'vitest';
import { failureReason, groupFailures } from '../../src/scheduling/broadcast-failures.ts';

describe('failure reasons', () => {
  it.each([
    ['Telegram 403: Forbidden: bot was blocked by the user', 'blocked'],
    ['Telegram 403: Forbidden: bot was kicked from the group chat', 'blocked'],
    ['Telegram 403: Forbidden: user is deactivated', 'account_gone'],
    ['Telegram 400: Bad Request: chat not found', 'account_gone'],
    ['WhatsApp 400 131026: Message undeliverable', 'not_on_whatsapp'],
    ['WhatsApp 400 132001: Template name does not exist in the translation', 'template_refused'],
    ['WhatsApp 400 132015: Template is paused', 'template_refused'],
    ['WhatsApp 400 131047: Re-engagement message', 'outside_window'],
    ['outside the 24-hour window since the villager last wrote, and no approved template for it', 'outside_window'],
    ['Telegram 400: Bad Request: message is too long', 'other'],
    [null, 'other'],
  ])('reads %s as %s', (error, reason) => {
    expect(failureReason(error)).toBe(reason);
  });

  it('sums the error texts of one reason and leaves out the reasons with none', () => {
    expect(groupFailures([
      { error: 'Telegram 403: Forbidden: bot was blocked by the user', n: 3 },
      { error: 'WhatsApp 400 131026: Message undeliverable', n: 2 },
      { error: 'Telegram 403: Forbidden: bot was kicked from the group chat', n: 1 },
    ])).toEqual([{ reason: 'blocked', count: 4 }, { reason: 'not_on_whatsapp', count: 2 }]);
  });
});
