// Why a broadcast message failed, in the words a coordinator can act on: each channel's error text (as
// the adapters and the delivery worker write it on the outbox row) mapped to one reason. Pure.

export const FAILURE_REASONS = ['blocked', 'account_gone', 'not_on_whatsapp', 'template_refused', 'outside_window', 'other'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** Meta's error codes: https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes */
const WHATSAPP_NOT_ON_WHATSAPP = new Set([131026]);
/** 1320xx: the template does not exist, is paused or disabled, or its parameters do not fit it. */
const WHATSAPP_TEMPLATE = (code: number) => code >= 132000 && code < 133000;
/** Re-engagement: free text after 24 hours of silence. */
const WHATSAPP_OUTSIDE_WINDOW = new Set([131047]);

/**
 * @example failureReason('Telegram 403: Forbidden: bot was blocked by the user') // 'blocked'
 * @example failureReason('WhatsApp 400 131026: Message undeliverable') // 'not_on_whatsapp'
 */
export function failureReason(error: string | null): FailureReason {
  const text = (error ?? '').toLowerCase();
  if (text.startsWith('telegram')) {
    if (text.includes('bot was blocked') || text.includes('bot was kicked')) return 'blocked';
    if (text.includes('user is deactivated') || text.includes('chat not found')) return 'account_gone';
    return 'other';
  }
  const code = /^whatsapp \d+ (\d+)/.exec(text)?.[1];
  if (code !== undefined) {
    const n = Number(code);
    if (WHATSAPP_NOT_ON_WHATSAPP.has(n)) return 'not_on_whatsapp';
    if (WHATSAPP_TEMPLATE(n)) return 'template_refused';
    if (WHATSAPP_OUTSIDE_WINDOW.has(n)) return 'outside_window';
    return 'other';
  }
  // The delivery worker's own refusal: no approved template for a chat silent for 24 hours.
  if (text.startsWith('outside the')) return 'outside_window';
  // whatsapp-web.js: the number has no WhatsApp account.
  if (text.includes('not registered') || text.includes('no lid for user')) return 'not_on_whatsapp';
  return 'other';
}

/** Failed messages counted by their error text, summed by reason; the reasons with none are left out. */
export function groupFailures(byError: ReadonlyArray<{ error: string | null; n: number }>): Array<{ reason: FailureReason; count: number }> {
  const counts = new Map<FailureReason, number>();
  for (const { error, n } of byError) {
    const reason = failureReason(error);
    counts.set(reason, (counts.get(reason) ?? 0) + n);
  }
  return FAILURE_REASONS.filter((r) => counts.has(r)).map((reason) => ({ reason, count: counts.get(reason) ?? 0 }));
}
