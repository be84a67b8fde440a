// The page a one-time link opens: /console/set-password#token=...; the token never leaves in a URL sent to the server.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { ErrorBanner, Field } from '../../components/field.tsx';
import { useMessages } from '../../store.ts';

function tokenFromHash(): string | undefined {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  return token && token.length > 0 ? token : undefined;
}

export function SetPasswordPage() {
  const t = useMessages();
  const [token, setToken] = useState(tokenFromHash);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [refusal, setRefusal] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  // Another link opened in the same tab changes only the fragment: the page starts again with it.
  useEffect(() => {
    const reopen = () => {
      setToken(tokenFromHash());
      setDone(false);
      setRefusal(undefined);
    };
    window.addEventListener('hashchange', reopen);
    return () => window.removeEventListener('hashchange', reopen);
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = {
      ...(password.length < 10 ? { password: t.passwordTooShort } : {}),
      ...(password.length >= 10 && confirm !== password ? { confirm: t.passwordsDiffer } : {}),
    };
    setErrors(found);
    if (found.password || found.confirm || !token) return;
    setBusy(true);
    const answer = await api('POST', '/console/api/password', { token, password });
    setBusy(false);
    if (answer.ok) {
      // The token is spent: drop it from the address bar and the history.
      history.replaceState(null, '', location.pathname);
      setDone(true);
    } else setRefusal(answer.status === 0 ? t.offline : answer.status >= 500 ? t.serverError : t.linkInvalid);
  };

  return (
    <section class="narrow" aria-labelledby="set-password-title">
      <h1 id="set-password-title">{t.setPasswordTitle}</h1>
      {!token && !done ? <p class="banner error" role="alert">{t.linkMissing}</p> : null}
      {done ? (
        <>
          <p class="banner success" role="status">{t.passwordSaved}</p>
          <a class="button primary" href="/console/sign-in">{t.goToSignIn}</a>
        </>
      ) : (
        <>
          <p>{t.setPasswordIntro}</p>
          <ErrorBanner message={refusal} />
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Field id="new-password" label={t.newPassword} type="password" autoComplete="new-password" minLength={10} value={password} error={errors.password} onInput={(e) => setPassword(e.currentTarget.value)} />
            <Field id="confirm-password" label={t.confirmPassword} type="password" autoComplete="new-password" value={confirm} error={errors.confirm} onInput={(e) => setConfirm(e.currentTarget.value)} />
            <button type="submit" class="primary" disabled={busy || !token}>{t.savePassword}</button>
          </form>
        </>
      )}
    </section>
  );
}
