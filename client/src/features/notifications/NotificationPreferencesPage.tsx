import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMAIL_MODES, type NotificationPreference, notificationPreferenceSchema } from '@sip/shared';
import { useNotificationPreference, useSaveNotificationPreference } from '../../api/follow-up';
import { usePageTitle } from '../../components/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';

type Mode = NotificationPreference['emailMode'];
/** An error as a key in the user's language, so that switching language re-renders it. */
type ErrorKey = 'emailInvalid' | 'emailTooLong' | 'emailMissing' | 'invalid';

/**
 * Whether I get e-mail about notifications, and how: at once, or a daily digest. Checked with
 * the same schema the server uses; its errors are said in the user's language.
 */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  usePageTitle(t('preferences.title'));
  const stored = useNotificationPreference();
  return (
    <section aria-labelledby="preferences-h" className="narrow-page">
      <h1 id="preferences-h">{t('preferences.title')}</h1>
      <p>{t('preferences.intro')}</p>
      <ProblemAlert error={stored.error} />
      {stored.isPending && <p role="status">{t('app.loading')}</p>}
      {stored.data && <PreferenceForm stored={stored.data} />}
    </section>
  );
}

function PreferenceForm({ stored }: { stored: NotificationPreference }) {
  const { t } = useTranslation();
  const save = useSaveNotificationPreference();
  const [address, setAddress] = useState(stored.emailAddress ?? '');
  // Without an address nothing is mailed, whatever the stored mode: say so.
  const [mode, setMode] = useState<Mode>(stored.emailAddress ? stored.emailMode : 'off');
  const [error, setError] = useState<ErrorKey | null>(null);
  const [saved, setSaved] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (error) input.current?.focus();
  }, [error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const value = { emailAddress: address.trim() || null, emailMode: mode };
    const problem = check(value);
    setError(problem);
    if (problem) return;
    save.mutate(value, { onSuccess: () => setSaved(true) });
  };

  return (
    <form onSubmit={submit} noValidate className="card">
      <div className="field">
        <label htmlFor="pref-email">{t('preferences.email')}</label>
        <span id="pref-email-hint" className="hint">
          {t('preferences.emailHint')}
        </span>
        <input
          ref={input}
          id="pref-email"
          type="email"
          autoComplete="email"
          value={address}
          maxLength={250}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'pref-email-hint pref-email-error' : 'pref-email-hint'}
          onChange={(e) => {
            setAddress(e.target.value);
            setSaved(false);
          }}
        />
        {error && (
          <span id="pref-email-error" className="field-error">
            {t(`preferences.errors.${error}`)}
          </span>
        )}
      </div>
      <fieldset>
        <legend>{t('preferences.mode')}</legend>
        {EMAIL_MODES.map((m) => (
          <label key={m} className="checkbox">
            <input
              type="radio"
              name="mode"
              value={m}
              checked={mode === m}
              onChange={() => {
                setMode(m);
                setSaved(false);
              }}
            />{' '}
            {t(`preferences.modes.${m}`)}
          </label>
        ))}
      </fieldset>
      <ProblemAlert error={save.error} />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t('preferences.save')}
        </button>
        <span role="status" className="save-status">
          {saved ? t('preferences.saved') : ''}
        </span>
      </div>
    </form>
  );
}

/** The shared schema's verdict as a message key; plus: an e-mail mode needs an address. */
function check(value: NotificationPreference): ErrorKey | null {
  const parsed = notificationPreferenceSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.path[0] !== 'emailAddress') return 'invalid';
    return issue.code === 'too_big' ? 'emailTooLong' : 'emailInvalid';
  }
  if (value.emailMode !== 'off' && !value.emailAddress) return 'emailMissing';
  return null;
}
