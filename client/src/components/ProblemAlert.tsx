import { useTranslation } from 'react-i18next';
import { type Language, problemMessage } from '@sip/shared';
import { ApiError } from '../api/client';

/** Shows an API error in the user's language, with the field errors when there are any. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  let message = t('errors.network');
  if (error instanceof ApiError && error.problem.status !== 0) {
    message = problemMessage(error.problem.code, i18n.language as Language, {
      retryAfterSeconds: error.problem.retryAfterSeconds,
    });
  }
  return (
    <div role="alert" className="alert alert-error">
      {message}
    </div>
  );
}
