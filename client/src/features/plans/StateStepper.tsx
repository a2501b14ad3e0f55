import { useTranslation } from 'react-i18next';
import { PLAN_STATES, type PlanState } from '@sip/shared';

/** The process as an ordered list; the current step is marked for screen readers too. */
export function StateStepper({ state }: { state: PlanState }) {
  const { t } = useTranslation();
  const steps = PLAN_STATES;
  const current = steps.indexOf(state);
  return (
    <ol className="stepper" aria-label={t('plan.lifecycle')}>
      {steps.map((s, i) => (
        <li key={s} className={i < current ? 'done' : i === current ? 'current' : undefined} aria-current={i === current ? 'step' : undefined}>
          {t(`plans.states.${s}`)}
        </li>
      ))}
    </ol>
  );
}
