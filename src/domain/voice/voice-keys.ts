// The messages an organisation may record: what a villager sees on the main path (the language and main
// menus, registering for a consultation, the reminder). Other messages go as text only.
import { z } from 'zod';

/**
 * Keys of the locale files, namespace included. A message with changing parts (a day, a code) is recorded
 * in its fixed part only ("your appointment is confirmed, your code is in the message"); the text carries all.
 */
export const VOICE_PROMPT_KEYS = [
  'language:question',
  'menu:question',
  'register:whoQuestion',
  'register:serviceQuestion',
  'register:dayQuestion',
  'register:windowQuestion',
  'register:booked',
  'reminders:text',
] as const;
export type VoicePromptKey = (typeof VOICE_PROMPT_KEYS)[number];
export const VoicePromptKeySchema = z.enum(VOICE_PROMPT_KEYS);

/** Sent to everyone who reaches it, not only those who asked for voice: it is where they ask for it. */
export const VOICE_FOR_EVERYONE: ReadonlySet<string> = new Set<VoicePromptKey>(['language:question']);
