// How each answer of the sign-in API reads on the page, in both languages. Pure.
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../web/src/i18n/index.ts';
import { signInRefusal, validateSignIn } from '../../web/src/pages/sign-in/sign-in.rules.ts';

const fr = messagesFor('fr');
const ar = messagesFor('ar');

describe('the sign-in refusals', () => {
  it('tells a lock in whole minutes, rounded up', () => {
    expect(signInRefusal(fr, { ok: false, status: 423, body: { error: 'locked', retryAfterSeconds: 900 } })).toBe('Trop d’essais : le compte est bloqué. Réessayez dans 15 min.');
    expect(signInRefusal(fr, { ok: false, status: 423, body: { error: 'locked', retryAfterSeconds: 61 } })).toContain('dans 2 min.');
    expect(signInRefusal(ar, { ok: false, status: 423, body: { error: 'locked', retryAfterSeconds: 1 } })).toContain('بعد 1 دقيقة');
  });

  it('names wrong credentials, an address that tried too often, no connection and a server failure apart', () => {
    expect(signInRefusal(ar, { ok: false, status: 401, body: { error: 'wrong_credentials' } })).toBe(ar.wrongCredentials);
    expect(signInRefusal(fr, { ok: false, status: 429, body: { error: 'too_many_attempts', retryAfterSeconds: 300 } })).toBe(fr.tooManyAttempts(5));
    expect(signInRefusal(fr, { ok: false, status: 0, body: { error: 'offline' } })).toBe(fr.offline);
    expect(signInRefusal(fr, { ok: false, status: 500, body: { error: 'http_500' } })).toBe(fr.serverError);
  });

  it('asks for both fields, a login of spaces being empty', () => {
    expect(validateSignIn(fr, { login: '  ', password: '' })).toEqual({ login: fr.loginRequired, password: fr.passwordRequired });
    expect(validateSignIn(fr, { login: 'a@b.ma', password: 'x' })).toEqual({});
  });
});
