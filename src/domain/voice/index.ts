// Recorded voice prompts for villagers who cannot read: the file check, the recordings, the preference.
export * from './ogg-opus.ts';
export * from './voice-keys.ts';
export * from './voice-media.ts';
export * from './voice-preference.ts';
export * from './voice-prompts.ts';
