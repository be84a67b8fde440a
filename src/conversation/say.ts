// Building replies in the villager's language: every question says how to answer and how to go back.
import type { Locale } from '../i18n/translator.ts';
import type { StepContext } from './context.ts';
import type { Choice, Reply } from './reply.ts';
import type { ConversationState } from './state.ts';

export interface Say {
  locale: Locale;
  t(key: string, vars?: Record<string, string | number>): string;
  /** A question answered by one of `choices` (by number or button); `voice` names its recorded prompt. */
  ask(text: string, choices: Choice[], options?: { noBack?: boolean; how?: string; voice?: string }): Reply;
  /** A question answered in words or digits; `how` tells what to send. */
  askFree(text: string, how: string): Reply;
}

/** The locale of the state, or French before anything is known (never reached in practice: the first message sets it). */
export function localeOf(state: ConversationState): Locale {
  return state.locale ?? 'fr';
}

export function say(state: ConversationState, ctx: StepContext): Say {
  const locale = localeOf(state);
  const t = (key: string, vars?: Record<string, string | number>) => ctx.t(locale, key, vars);
  const back = (noBack?: boolean) => (noBack ? [] : [t('common:backToMenu')]);
  return {
    locale,
    t,
    ask(text, choices, options) {
      // "1 ou 2", "1 ولا 2": a Latin comma between two numbers reads wrong in Arabic script.
      const how = options?.how ?? t('common:answerWithNumber', { example: choices.length > 1 ? t('common:exampleOneOrTwo') : '1' });
      const voice = options?.voice === undefined ? {} : { voice: { key: options.voice, locale } };
      return { text: [text, how, ...back(options?.noBack)].join('\n'), choices, ...voice };
    },
    askFree(text, how) {
      return { text: [text, how, ...back()].join('\n') };
    },
  };
}

/** Numbered labels when a list is part of the text itself (campaign details). */
export function numbered(lines: readonly string[]): string {
  return lines.map((line, i) => `${i + 1}. ${line}`).join('\n');
}
