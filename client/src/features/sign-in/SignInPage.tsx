import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession, useSignIn } from '../../api/session';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const signIn = useSignIn();
  const location = useLocation();
  const [missing, setMissing] = useState(false);
  const usernameId = useId();
  const passwordId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('signIn.title'));
  useEffect(() => headingRef.current?.focus(), []);

  if (session.data?.user) {
    const from = (location.state as { from?: string } | null)?.from ?? '/';
    return <Navigate to={from} replace />;
  }
  const notice = (location.state as { notice?: 'expired' | 'signedOut' } | null)?.notice;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setMissing(!username || !password);
    if (username && password) signIn.mutate({ username, password });
  };

  return (
    <div className="sign-in-page">
      <header className="sign-in-header">
        <LanguageSwitcher />
      </header>
      <main id="main" className="sign-in-card">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('signIn.title')}
        </h1>
        <p>{t('signIn.intro')}</p>
        {notice && <div role="status" className="alert alert-info">{t(`signIn.${notice}`)}</div>}
        {missing && <div role="alert" className="alert alert-error">{t('signIn.required')}</div>}
        <ProblemAlert error={signIn.error} />
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={usernameId}>{t('signIn.username')}</label>
            <input id={usernameId} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required />
          </div>
          <div className="field">
            <label htmlFor={passwordId}>{t('signIn.password')}</label>
            <input id={passwordId} name="password" type="password" autoComplete="current-password" required />
          </div>
          <button type="submit" className="button-primary" disabled={signIn.isPending}>
            {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
        <p className="hint">{t('signIn.realDeployments')}</p>
      </main>
    </div>
  );
}
