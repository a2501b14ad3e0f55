import { useTranslation } from 'react-i18next';
import { type Language, problemMessage } from '@sip/shared';
import { ApiError } from '../api/client';

/** Shows an API error in the user's language, with the field errors when there are any. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  let message = t('errors.network');
  let fieldErrors: string[] = [];
  if (error instanceof ApiError && error.problem.status !== 0) {
    const { code, detail, retryAfterSeconds, errors } = error.problem;
    // Refusals carry their reason in the detail, already in the user's language.
    message = code === 'transition_refused' ? detail : problemMessage(code, i18n.language as Language, { retryAfterSeconds });
    fieldErrors = (errors ?? []).map((e) => `${e.path.replace(/^body\./, '')}: ${e.message}`);
  }
  return (
    <div role="alert" className="alert alert-error">
      {message}
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
