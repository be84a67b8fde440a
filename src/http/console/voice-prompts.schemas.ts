// The voice prompts page's API: which message keys may be recorded, in which locales, what is recorded,
// and why a file was refused. Shared by the routes and the web console. Imports zod and pure modules only.
import { z } from 'zod';
import { LOCALES } from '../../i18n/locales.ts';
import { VOICE_PROMPT_KEYS } from '../../domain/voice/voice-keys.ts';
import { MAX_VOICE_BYTES, MAX_VOICE_MS, type VoiceFileProblem } from '../../domain/voice/ogg-opus.ts';

/** Every locale may have its recordings. */
export const VOICE_LOCALES = LOCALES;
export const VoiceLocaleSchema = z.enum(VOICE_LOCALES);

export const VoicePromptSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  locale: VoiceLocaleSchema,
  sizeBytes: z.number().int(),
  durationMs: z.number().int(),
  uploadedAt: z.string(),
  /** The staff member's name; null once they are gone. */
  uploadedBy: z.string().nullable(),
});
export type VoicePromptView = z.infer<typeof VoicePromptSchema>;

/** GET /admin/api/voice-prompts */
export const VoicePromptBoardSchema = z.object({
  keys: z.array(z.enum(VOICE_PROMPT_KEYS)),
  locales: z.array(VoiceLocaleSchema),
  limits: z.object({ maxBytes: z.number().int(), maxMs: z.number().int() }),
  prompts: z.array(VoicePromptSchema),
});
export type VoicePromptBoard = z.infer<typeof VoicePromptBoardSchema>;

/** PUT /admin/api/voice-prompts/:locale/:key, the file's bytes as the body (any content type). */
export const VoiceUploadParamsSchema = z.object({ locale: VoiceLocaleSchema, key: z.enum(VOICE_PROMPT_KEYS) });

export const VOICE_FILE_PROBLEMS = ['empty', 'too_big', 'not_ogg', 'not_opus', 'broken', 'not_mono', 'too_long'] as const satisfies readonly VoiceFileProblem[];
/** A 400 for a file that is not a voice prompt: `problem` is what the page explains in its language. */
export const VoiceRefusalSchema = z.object({ error: z.string(), problem: z.enum(VOICE_FILE_PROBLEMS) });
export type VoiceRefusal = z.infer<typeof VoiceRefusalSchema>;

export const VOICE_LIMITS = { maxBytes: MAX_VOICE_BYTES, maxMs: MAX_VOICE_MS } as const;
