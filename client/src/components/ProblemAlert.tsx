import { useTranslation } from 'react-i18next';
import { GUARD_FAILURES, type GuardFailure, type Language, type PlanAction, problemMessage, refusalMessage } from '@sip/shared';
import { ApiError } from '../api/client';

/**
 * Shows an API error in the user's language, with the field errors when there are any. Given
 * the refused `action`, a refusal is re-said from its reasons, so that it follows a change of
 * language after it arrived.
 */
export function ProblemAlert({ error, action }: { error: unknown; action?: PlanAction }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  let message = t('errors.network');
  let fieldErrors: string[] = [];
  if (error instanceof ApiError && error.problem.status !== 0) {
    const { code, detail, retryAfterSeconds, errors } = error.problem;
    // Refusals carry their reason in the detail, already in the user's language.
    const reasons = (error.problem.reasons ?? []).filter((r): r is GuardFailure => (GUARD_FAILURES as readonly string[]).includes(r));
    if (code === 'transition_refused') message = action && reasons.length ? refusalMessage(action, reasons, i18n.language as Language) : detail;
    else message = problemMessage(code, i18n.language as Language, { retryAfterSeconds });
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
