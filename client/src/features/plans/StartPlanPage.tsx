import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PLAN_TRIGGERS, REQUESTERS, type PlanTrigger, type Requester } from '@sip/shared';
import { ApiError } from '../../api/client';
import { lookupPerson, useInitiatePlan } from '../../api/plans';
import { useSession } from '../../api/session';
import { usePageTitle } from '../../app/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { localInputToIso } from './format';

export function StartPlanPage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const navigate = useNavigate();
  const initiate = useInitiatePlan();
  const id = useId();
  const [person, setPerson] = useState<{ id: string; name: string; age: number } | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [notFound, setNotFound] = useState(false);
  const [trigger, setTrigger] = useState<PlanTrigger>('ordinary');
  usePageTitle(t('startPlan.title'));

  const find = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('personnummer') ?? '');
    setPerson(null);
    setNotFound(false);
    setLookupError(null);
    try {
      setPerson(await lookupPerson(value));
    } catch (error) {
      if (error instanceof ApiError && error.problem.status === 404) setNotFound(true);
      else setLookupError(error);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!person) return;
    const form = new FormData(event.currentTarget);
    const readyAt = String(form.get('dischargeReadyAt') ?? '');
    initiate.mutate(
      {
        personId: person.id,
        trigger,
        reason: String(form.get('reason') ?? ''),
        initiatingUnitId: String(form.get('unit') ?? ''),
        ...(trigger === 'request' ? { requestedBy: String(form.get('requestedBy')) as Requester } : {}),
        ...(trigger === 'discharge' && readyAt ? { dischargeReadyAt: localInputToIso(readyAt) } : {}),
      },
      { onSuccess: (plan) => navigate(`/plans/${plan.planId}`) },
    );
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>{t('startPlan.title')}</h1>
      <form onSubmit={find} className="inline-form" aria-label={t('startPlan.find')}>
        <div className="field">
          <label htmlFor={`${id}-pnr`}>{t('startPlan.personnummer')}</label>
          <input id={`${id}-pnr`} name="personnummer" inputMode="numeric" autoComplete="off" placeholder={t('startPlan.personnummerHint')} required />
        </div>
        <button type="submit">{t('startPlan.find')}</button>
      </form>
      {notFound && <div role="alert" className="alert alert-error">{t('startPlan.notFound')}</div>}
      <ProblemAlert error={lookupError} />
      {person && (
        <form onSubmit={submit} className="card">
          <p role="status" className="found-person">
            <strong>{t('startPlan.found', { name: person.name, age: person.age })}</strong>
          </p>
          <div className="field">
            <label htmlFor={`${id}-trigger`}>{t('startPlan.trigger')}</label>
            <select id={`${id}-trigger`} value={trigger} onChange={(e) => setTrigger(e.target.value as PlanTrigger)}>
              {PLAN_TRIGGERS.map((tr) => (
                <option key={tr} value={tr}>{t(`plans.triggers.${tr}`)}</option>
              ))}
            </select>
          </div>
          {trigger === 'request' && (
            <div className="field">
              <label htmlFor={`${id}-req`}>{t('startPlan.requestedBy')}</label>
              <select id={`${id}-req`} name="requestedBy">
                {REQUESTERS.map((r) => (
                  <option key={r} value={r}>{t(`plans.requesters.${r}`)}</option>
                ))}
              </select>
            </div>
          )}
          {trigger === 'discharge' && (
            <div className="field">
              <label htmlFor={`${id}-ready`}>{t('startPlan.dischargeReadyAt')}</label>
              <input id={`${id}-ready`} name="dischargeReadyAt" type="datetime-local" required />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('startPlan.reason')}</label>
            <textarea id={`${id}-reason`} name="reason" rows={3} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-unit`}>{t('startPlan.unit')}</label>
            <select id={`${id}-unit`} name="unit">
              {user?.units.map((u) => (
                <option key={u.id} value={u.id}>{`${u.name}, ${u.organisationName}`}</option>
              ))}
            </select>
          </div>
          <ProblemAlert error={initiate.error} />
          <button type="submit" className="button-primary" disabled={initiate.isPending}>
            {t('startPlan.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
