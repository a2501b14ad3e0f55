import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, type PlanDetail, blockingReasons, refusalMessage, transitionSchema } from '@sip/shared';
import { useTransition } from '../../api/plan-commands';
import { Field, formProps, text, useSchemaForm } from '../../components/form';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ClosePlanForm } from './ClosePlanForm';

/**
 * The plan's next steps: only those open to the actor now are offered, and a step that is
 * not open yet is disabled with its true reason, from the same guards the server runs.
 */
export function LifecycleActions({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const action = useTransition(plan.id);
  const facts = { state: plan.state, trigger: plan.trigger, consentActive: plan.consentState === 'active' };
  const prepReasons = blockingReasons('start_preparation', facts);
  // A refusal is about the plan as it was: once the plan has changed, it may no longer hold.
  const { reset } = action;
  useEffect(() => reset(), [plan.updatedAt, plan.state, reset]);
  const refuse = useSchemaForm(
    transitionSchema,
    (f) => ({ action: 'refuse_request', note: text(f, 'note').trim() || undefined }),
    (body) => action.mutate(body),
    action.error,
    action.reset,
  );
  return (
    <section aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('plan.actions.title')}</h2>
      <ProblemAlert error={action.error} action={action.variables?.action} fieldsBeside />
      {(plan.state === 'mote_hallet' || plan.state === 'uppfoljning') && (
        <div className="button-row">
          <button type="button" className="button-primary" onClick={() => action.mutate({ action: 'finalise' })}>
            {t('plan.actions.finalise')}
          </button>
        </div>
      )}
      {plan.state === 'faststalld' && (
        <div className="button-row">
          <button type="button" className="button-primary" onClick={() => action.mutate({ action: 'start_follow_up' })}>
            {t('plan.actions.startFollowUp')}
          </button>
        </div>
      )}
      {(plan.state === 'initierad' || plan.state === 'samtycke') && (
        <div className="button-row">
          <button
            type="button"
            className="button-primary"
            onClick={() => action.mutate({ action: 'start_preparation' })}
            disabled={prepReasons.length > 0}
            aria-describedby={prepReasons.length ? `${id}-why` : undefined}
          >
            {t('plan.actions.startPreparation')}
          </button>
          {prepReasons.length > 0 && (
            <p id={`${id}-why`} className="hint" data-testid="start-preparation-reason">
              {refusalMessage('start_preparation', prepReasons, i18n.language as Language)}
            </p>
          )}
        </div>
      )}
      <ClosePlanForm plan={plan} />
      {plan.trigger === 'request' && plan.state === 'initierad' && (
        <form className="inline-form" {...formProps(refuse)}>
          <Field label={t('plan.actions.refuseReason')} name="note" errors={refuse.errors}>
            {(props) => <input {...props} />}
          </Field>
          <button type="submit">{t('plan.actions.refuse')}</button>
        </form>
      )}
    </section>
  );
}
