// What the conversation says back; channels decide how to draw choices, places and pictures.
import { z } from 'zod';
import { LOCALES } from '../i18n/locales.ts';

/**
 * `label` names the choice in a few words (it must fit a WhatsApp button, 20 characters, or list row,
 * 24); `detail` says more ("200 places", the commune): a list row's description, and beside the label
 * where there is room.
 */
export const ChoiceSchema = z.object({ id: z.string().min(1).max(64), label: z.string().min(1), detail: z.string().min(1).optional() });
export type Choice = z.infer<typeof ChoiceSchema>;

/** A choice said in full, as in a numbered list: "lundi 14 décembre (200 places)". */
export function choiceText(choice: Choice): string {
  return choice.detail === undefined ? choice.label : `${choice.label} (${choice.detail})`;
}

export const ReplySchema = z.object({
  text: z.string(),
  /** Offered answers, in order: choice n answers to the number n. */
  choices: z.array(ChoiceSchema).optional(),
  /** The venue, to be shown as a map pin. */
  location: z.object({ lat: z.number(), lng: z.number(), name: z.string(), address: z.string().optional() }).optional(),
  /** A picture to draw; a QR code carries the confirmation code so staff can scan it at the venue. */
  image: z.object({ kind: z.literal('qr'), data: z.string().min(1), caption: z.string() }).optional(),
  /** A button that shares the villager's own phone number, where the channel has one (Telegram). */
  requestPhone: z.object({ label: z.string().min(1) }).optional(),
  /**
   * For messages sent unasked (reminders, announcements): the body parameters of the approved
   * template that carries it where a channel allows only templates (WhatsApp after 24 hours of silence).
   */
  template: z.object({ params: z.array(z.string()) }).optional(),
  /**
   * The locale key this message says, for villagers who asked for voice: the organisation's recording
   * of it, in this locale, goes first as a voice note (delivery/voice-notes.ts), the text after it.
   */
  voice: z.object({ key: z.string().min(1), locale: z.enum(LOCALES) }).optional(),
});
export type Reply = z.infer<typeof ReplySchema>;

/**
 * @example textReply('Merci !') // { text: 'Merci !' }
 */
export function textReply(text: string): Reply {
  return { text };
}
