// The intents and locales understanding can return: one list, shared with the conversation.
import { z } from 'zod';
import { SERVICE_CODES } from '../domain/service-codes.ts';

export const INTENTS = [
  'greeting', 'book', 'donate_blood', 'campaigns_info', 'my_appointments', 'cancel', 'reschedule', 'subscribe', 'stop', 'maybe_stop',
  'human', 'help', 'change_language', 'delete_data', 'correct_data', 'my_data', 'yes', 'no', 'thanks', 'choice', 'emergency', 'unknown',
] as const;
export const IntentSchema = z.enum(INTENTS);
/** The languages understanding tells apart: Darija (either script), MSA, French and Tachelhit (either script). */
export const UNDERSTOOD_LOCALES = ['ary', 'ar', 'fr', 'shi'] as const;
export const UnderstoodLocaleSchema = z.enum(UNDERSTOOD_LOCALES);
export type Intent = z.infer<typeof IntentSchema>;

export const UnderstandingSchema = z.object({
  intent: IntentSchema,
  locale: UnderstoodLocaleSchema,
  script: z.enum(['arab', 'latn']),
  entities: z.object({
    service: z.enum(SERVICE_CODES).optional(),
    number: z.number().int().min(0).optional(),
    language: UnderstoodLocaleSchema.optional(),
  }),
  /** Present when the intent rests only on misspelt words read as lexicon words ("nazih" as "nazif"), or only on the learned second opinion. */
  approximate: z.literal(true).optional(),
});
export type Understanding = z.infer<typeof UnderstandingSchema>;
export type UnderstoodLocale = Understanding['locale'];
