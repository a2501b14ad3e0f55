import { useTranslation } from 'react-i18next';
import { GUARD_FAILURES, type GuardFailure, type Language, type PlanAction, fieldErrorMessage, problemMessage, refusalMessage } from '@sip/shared';
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
    const language = i18n.language as Language;
    // Refusals carry their reason in the detail, in the language asked for; re-said from the
    // reasons when the refused action is known, so that they follow a change of language.
    const reasons = (error.problem.reasons ?? []).filter((r): r is GuardFailure => (GUARD_FAILURES as readonly string[]).includes(r));
    if (code === 'transition_refused') message = action && reasons.length ? refusalMessage(action, reasons, language) : detail;
    else if (error.problem.reasons?.length) message = detail;
    else message = problemMessage(code, language, { retryAfterSeconds });
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
