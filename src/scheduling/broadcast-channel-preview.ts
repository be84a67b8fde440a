// How each channel will show a broadcast's text, per language: the parts Telegram and WhatsApp receive
// (the STOP line added, long texts split as the delivery worker splits them), and the text the WhatsApp
// template carries to a chat whose 24 hours are over. Pure: the renderer the delivery worker uses.
import type { Locale } from '../db/tables.ts';
import { TELEGRAM_CAPABILITIES } from '../channels/telegram/telegram.channel.ts';
import { WHATSAPP_CLOUD_CAPABILITIES } from '../channels/whatsapp-cloud/whatsapp-cloud.channel.ts';
import { renderReply } from '../channels/render.ts';
import { broadcastMessage, textFor } from './broadcast-text.ts';

export interface ChannelPreview {
  locale: Locale;
  /** The text this language reads (its own, or the fallback's), and its length in characters. */
  text: string;
  characters: number;
  /** The messages each channel receives, in order. */
  telegram: string[];
  whatsapp: string[];
  /** The template's parameter, sent when the 24 hours are over: the text without the STOP line. */
  whatsappTemplate: string;
}

const textsOf = (parts: ReturnType<typeof renderReply>) => parts.flatMap((p) => (p.kind === 'text' ? [p.text] : []));

/**
 * @example channelPreviews({ fr: 'La caravane arrive.' }, ['fr'], () => 'STOP pour arrêter.')[0].telegram // ['La caravane arrive.\nSTOP pour arrêter.']
 */
export function channelPreviews(texts: Partial<Record<Locale, string>>, locales: readonly Locale[], footer: (locale: Locale) => string): ChannelPreview[] {
  return locales.map((locale) => {
    const message = broadcastMessage(texts, locale, footer(locale));
    const text = textFor(texts, locale);
    return {
      locale,
      text,
      characters: [...text].length,
      telegram: textsOf(renderReply(message, TELEGRAM_CAPABILITIES)),
      whatsapp: textsOf(renderReply(message, WHATSAPP_CLOUD_CAPABILITIES)),
      whatsappTemplate: message.template.params[0] ?? '',
    };
  });
}
