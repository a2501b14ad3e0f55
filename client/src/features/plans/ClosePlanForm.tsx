import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSING_REASONS, type ClosingReason, type PlanDetail, guardFailures, refusalMessage, type Language } from '@sip/shared';
import { useTransition } from '../../api/plan-commands';
import { ProblemAlert } from '../../components/ProblemAlert';

const CHOOSABLE = CLOSING_REASONS.filter((r) => r !== 'request_refused' && r !== 'consent_withdrawn');

/**
 * Closing ends everyone's work in the plan, so it is two deliberate steps: choose the reason
 * (none is chosen for you), then confirm after reading what closing means. Shown only to
 * those the policy lets close; the others are told who does.
 */
export function ClosePlanForm({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ClosingReason | ''>('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = useTransition(plan.id);
  if (plan.state === 'avslutad') return null;
  if (!plan.permissions.can.close_plan) return <p className="hint">{t('plan.actions.closeNotAllowed')}</p>;
  if (!open) {
    return (
      <div className="button-row">
        <button type="button" ref={opener} onClick={() => setOpen(true)}>
          {t('plan.actions.closeStart')}
        </button>
      </div>
    );
  }
  const failures = guardFailures('close', { state: plan.state, trigger: plan.trigger, consentActive: plan.consentState === 'active' }, { reason: reason || null, note });
  const cancel = () => {
    setOpen(false);
    setConfirming(false);
    setReason('');
    setNote('');
  };
  return (
    <form
      className="close-plan"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        if (failures.length) return;
        if (!confirming) return setConfirming(true);
        close.mutate({ action: 'close', closingReason: reason as ClosingReason, note: note.trim() || undefined }, { onSuccess: cancel });
      }}
    >
      <h3 id={`${id}-h`}>{t('plan.actions.close')}</h3>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('plan.actions.closingReason')}</label>
        <select id={`${id}-reason`} value={reason} onChange={(e) => { setReason(e.target.value as ClosingReason); setConfirming(false); }} required>
          <option value="">{t('plan.actions.chooseReason')}</option>
          {CHOOSABLE.map((r) => (
            <option key={r} value={r}>
              {t(`plan.closingReasons.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('plan.actions.note')}</label>
        <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </div>
      {failures.length > 0 && reason && (
        <p className="hint" role="status">
          {refusalMessage('close', failures, i18n.language as Language)}
        </p>
      )}
      {confirming && (
        <p className="alert alert-error" role="alert">
          {t('plan.actions.closeMeans')}
        </p>
      )}
      <ProblemAlert error={close.error} action="close" />
      <div className="button-row">
        <button type="submit" className={confirming ? 'button-danger' : undefined} disabled={failures.length > 0 || close.isPending}>
          {confirming ? t('plan.actions.closeConfirm') : t('plan.actions.close')}
        </button>
        <button type="button" onClick={cancel}>
          {t('plan.actions.cancel')}
        </button>
      </div>
    </form>
  );
}
