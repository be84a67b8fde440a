// What the sign-in form checks before asking, and how each refusal of the server reads. Pure.
import type { ApiResult } from '../../api/client.ts';
import type { Messages } from '../../i18n/index.ts';

export interface SignInErrors {
  login?: string;
  password?: string;
}

export function validateSignIn(t: Messages, input: { login: string; password: string }): SignInErrors {
  return {
    ...(input.login.trim() === '' ? { login: t.loginRequired } : {}),
    ...(input.password === '' ? { password: t.passwordRequired } : {}),
  };
}

/** A lock is told in whole minutes, rounded up: "1 min" rather than "0 min" for the last seconds. */
export function signInRefusal(t: Messages, answer: Extract<ApiResult<unknown>, { ok: false }>): string {
  if (answer.status === 0) return t.offline;
  if (answer.body.error === 'wrong_credentials') return t.wrongCredentials;
  const minutes = Math.max(1, Math.ceil((('retryAfterSeconds' in answer.body ? answer.body.retryAfterSeconds : undefined) ?? 60) / 60));
  if (answer.body.error === 'locked') return t.locked(minutes);
  if (answer.body.error === 'too_many_attempts') return t.tooManyAttempts(minutes);
  return t.serverError;
}
