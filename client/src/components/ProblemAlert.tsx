import { useTranslation } from 'react-i18next';
import { type Language, fieldErrorMessage, problemMessage } from '@sip/shared';
import { ApiError } from '../api/client';

/** Shows an API error in the user's language, with the field errors when there are any. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  let message = t('errors.network');
  let fieldErrors: string[] = [];
  if (error instanceof ApiError && error.problem.status !== 0) {
    const { code, detail, retryAfterSeconds, errors, reasons } = error.problem;
    const language = i18n.language as Language;
    // Refusals carry their reasons in the detail, in the language asked for.
    message = code === 'transition_refused' || reasons?.length ? detail : problemMessage(code, language, { retryAfterSeconds });
    // A known field error is said in the language on screen; others as the server said it.
    fieldErrors = (errors ?? []).map((e) => fieldErrorMessage(e.code, language) ?? `${e.path.replace(/^body\./, '')}: ${e.message}`);
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
