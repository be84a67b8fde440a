// The inbox's pure rules: the delivery state staff see, WhatsApp's 24-hour window, and the conversation's order.
import { describe, expect, it } from 'vitest';
import { deliveryState, freeTextAllowed, inOrder } from '../../../src/domain/handoff/inbox-rules.ts';
import type { TimelineEntry } from '../../../src/http/console/inbox.schemas.ts';
import { START } from '../../support/conversation-harness.ts';

const HOUR = 3_600_000;
const WINDOWS = { whatsapp: 24 };
const ago = (ms: number) => new Date(START.getTime() - ms);

describe('deliveryState', () => {
  it('shows the furthest step the channel reported, and a refusal as failed', () => {
    expect(deliveryState({ status: 'pending', delivered_at: null, read_at: null })).toBe('queued');
    expect(deliveryState({ status: 'sending', delivered_at: null, read_at: null })).toBe('queued');
    expect(deliveryState({ status: 'sent', delivered_at: null, read_at: null })).toBe('sent');
    expect(deliveryState({ status: 'sent', delivered_at: ago(HOUR), read_at: null })).toBe('delivered');
    expect(deliveryState({ status: 'sent', delivered_at: ago(HOUR), read_at: ago(1000) })).toBe('read');
    expect(deliveryState({ status: 'failed', delivered_at: null, read_at: null })).toBe('failed');
    expect(deliveryState({ status: 'cancelled', delivered_at: null, read_at: null })).toBe('failed');
  });
});

describe('freeTextAllowed', () => {
  it('takes free text on WhatsApp up to 24 hours after the villager last wrote, not a millisecond more', () => {
    expect(freeTextAllowed(WINDOWS, 'whatsapp', ago(24 * HOUR), START)).toBe(true);
    expect(freeTextAllowed(WINDOWS, 'whatsapp', ago(24 * HOUR + 1), START)).toBe(false);
    expect(freeTextAllowed(WINDOWS, 'whatsapp', null, START)).toBe(false);
  });

  it('has no window on a channel without one (Telegram), nor for a contact with no chat', () => {
    expect(freeTextAllowed(WINDOWS, 'telegram', ago(90 * 24 * HOUR), START)).toBe(true);
    expect(freeTextAllowed(WINDOWS, null, null, START)).toBe(true);
  });
});

describe('inOrder', () => {
  const entry = (key: string, author: TimelineEntry['author'], at: Date): TimelineEntry => ({ key, author, text: key, at: at.toISOString(), staff: null, delivery: null, error: null });
  it('puts the oldest first, and at the same instant what the villager wrote before what answered it', () => {
    const same = ago(HOUR);
    const lines = [entry('o2', 'bot', same), entry('m1', 'villager', same), entry('m3', 'staff', ago(60_000)), entry('o1', 'bot', ago(2 * HOUR))];
    expect(inOrder(lines).map((e) => e.key)).toEqual(['o1', 'm1', 'o2', 'm3']);
  });
});
