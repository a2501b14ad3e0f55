import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '@sip/shared';
import { StateStepper } from './StateStepper';
import { formatDateTime } from '../../components/format';

/** Whose plan, its state and next step, the discharge deadline, who started it and why. */
export function PlanHeader({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <header className="plan-header">
      <h1 id="plan-heading">{plan.person.name}</h1>
      <p>
        {plan.person.personnummerMasked} · {t('plan.age', { age: plan.person.age })}
        {plan.person.isChild && <span className="badge">{t('plan.child')}</span>}
      </p>
      <p>
        <strong>{t('plan.stateNow')}:</strong> <span data-testid="plan-state">{t(`plans.states.${plan.state}`)}</span> ·{' '}
        <strong>{t('plan.next')}:</strong> {t(`plans.nextSteps.${plan.nextStep}`)}
      </p>
      {plan.discharge && plan.discharge.status !== 'met' && (
        <p className={`badge ${plan.discharge.status === 'missed' ? 'badge-danger' : plan.discharge.status === 'near' ? 'badge-warning' : ''}`}>
          {t(`plans.deadline.${plan.discharge.status}`, { date: formatDateTime(plan.discharge.dueAt, i18n.language) })}
        </p>
      )}
      {plan.closing && <p className="alert alert-info">{t('plan.closedBecause', { reason: t(`plan.closingReasons.${plan.closing.reason}`) })}</p>}
      <StateStepper state={plan.state} />
      <p>
        {t('plan.initiatedBy', { unit: plan.initiatingUnit.name, org: plan.initiatingUnit.organisationName })} · {t(`plans.triggers.${plan.trigger}`)}
      </p>
      <p>
        <strong>{t('plan.reason')}:</strong> {plan.reason}
      </p>
    </header>
  );
}
