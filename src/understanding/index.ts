// Understanding villagers' free text: normalisation, language and script, intents and entities. Pure.
export { understand } from './understand.ts';
export { normalizeText, tokenize } from './normalize.ts';
export { INTENTS, IntentSchema, UnderstandingSchema, type Intent, type Understanding } from './intents.ts';
export { buildLexicon, DEFAULT_LEXICON, LexiconFileSchema, type Lexicon } from './lexicon.ts';
