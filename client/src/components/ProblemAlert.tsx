import { useTranslation } from 'react-i18next';
import { GUARD_FAILURES, type GuardFailure, type Language, type PlanAction, fieldMessage, problemMessage, refusalMessage } from '@sip/shared';
import { ApiError } from '../api/client';

/**
 * Shows an API error in the user's language, with the field errors when there are any. Given
 * the refused `action`, a refusal is re-said from its reasons, so that it follows a change of
 * language after it arrived. A form that shows its field errors beside the fields (the
 * form helper in `form.tsx`) passes `fieldsBeside`, and the alert says only the whole.
 */
export function ProblemAlert({ error, action, fieldsBeside }: { error: unknown; action?: PlanAction; fieldsBeside?: boolean }) {
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
    // Said from the code in the language on screen — never the schema's own English.
    if (!fieldsBeside) fieldErrors = [...new Set((errors ?? []).map((e) => fieldMessage({ code: e.code, field: e.path.split('.').pop() }, language)))];
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
