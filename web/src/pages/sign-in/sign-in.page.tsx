// Sign-in with email or phone and password; the server's refusals are shown in the staff member's language.
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import type { SessionAnswer } from '../../api/types.ts';
import { ErrorBanner, Field } from '../../components/field.tsx';
import { startSession, useMessages } from '../../store.ts';
import { navigate } from '../../router.ts';
import { signInRefusal, validateSignIn, type SignInErrors } from './sign-in.rules.ts';

export function SignInPage() {
  const t = useMessages();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<SignInErrors>({});
  const [refusal, setRefusal] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setRefusal(undefined);
    const found = validateSignIn(t, { login, password });
    setErrors(found);
    if (found.login || found.password) {
      document.getElementById(found.login ? 'login' : 'password')?.focus();
      return;
    }
    setBusy(true);
    const answer = await api<SessionAnswer>('POST', '/console/api/session', { login: login.trim(), password });
    setBusy(false);
    if (answer.ok) {
      startSession(answer.data);
      navigate('/', { replace: true }); // the console opens each role's own first page
      return;
    }
    setPassword('');
    setRefusal(signInRefusal(t, answer));
  };

  return (
    <section class="narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t.signInTitle}</h1>
      <p>{t.signInIntro}</p>
      <ErrorBanner message={refusal} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="login" label={t.login} autoComplete="username" inputMode="email" dir="auto" value={login} error={errors.login} onInput={(e) => setLogin(e.currentTarget.value)} />
        <Field id="password" label={t.password} type="password" autoComplete="current-password" value={password} error={errors.password} onInput={(e) => setPassword(e.currentTarget.value)} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
      <p class="hint">{t.forgotPassword}</p>
    </section>
  );
}
