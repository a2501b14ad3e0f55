import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type InitiatePlan, PLAN_TRIGGERS, REQUESTERS, type PlanTrigger, initiatePlanSchema, planPersonLookupSchema } from '@sip/shared';
import { ApiError } from '../../api/client';
import { useInitiatePlan, usePersonLookup } from '../../api/plans';
import { useSession } from '../../api/session';
import { usePageTitle } from '../../components/usePageTitle';
import { Field, formProps, text, useSchemaForm } from '../../components/form';
import { ProblemAlert } from '../../components/ProblemAlert';
import { localInputToIso } from '../../components/format';

export function StartPlanPage() {
  const { t } = useTranslation();
  const id = useId();
  const lookup = usePersonLookup();
  const notFound = lookup.error instanceof ApiError && lookup.error.problem.status === 404;
  usePageTitle(t('startPlan.title'));
  const find = useSchemaForm(
    planPersonLookupSchema,
    (f) => ({ personnummer: text(f, 'personnummer').trim() }),
    (body) => lookup.mutate(body),
    lookup.error,
    lookup.reset,
  );
  const person = lookup.data;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>{t('startPlan.title')}</h1>
      <form {...formProps(find)} className="inline-form" aria-label={t('startPlan.find')}>
        <Field label={t('startPlan.personnummer')} name="personnummer" errors={find.errors} hint={t('startPlan.personnummerHint')}>
          {(props) => <input {...props} inputMode="numeric" autoComplete="off" />}
        </Field>
        <button type="submit">{t('startPlan.find')}</button>
      </form>
      {notFound && (
        <div role="alert" className="alert alert-error">
          {t('startPlan.notFound')}
        </div>
      )}
      {!notFound && <ProblemAlert error={lookup.error} fieldsBeside />}
      {person && <InitiateForm key={person.id} person={person} />}
    </section>
  );
}

function InitiateForm({ person }: { person: { id: string; name: string; age: number } }) {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const navigate = useNavigate();
  const initiate = useInitiatePlan();
  const [trigger, setTrigger] = useState<PlanTrigger>('ordinary');
  const form = useSchemaForm(
    initiatePlanSchema,
    (f) => {
      const readyAt = text(f, 'dischargeReadyAt');
      return {
        personId: person.id,
        trigger,
        reason: text(f, 'reason'),
        initiatingUnitId: text(f, 'initiatingUnitId'),
        ...(trigger === 'request' ? { requestedBy: text(f, 'requestedBy') as InitiatePlan['requestedBy'] } : {}),
        ...(trigger === 'discharge' ? { dischargeReadyAt: readyAt ? localInputToIso(readyAt) : undefined } : {}),
      };
    },
    (body) => initiate.mutate(body as InitiatePlan, { onSuccess: (plan) => navigate(`/plans/${plan.planId}`) }),
    initiate.error,
    initiate.reset,
  );
  return (
    <form {...formProps(form)} className="card">
      <p role="status" className="found-person">
        <strong>{t('startPlan.found', { name: person.name, age: person.age })}</strong>
      </p>
      <Field label={t('startPlan.trigger')} name="trigger" errors={form.errors}>
        {(props) => (
          <select {...props} value={trigger} onChange={(e) => setTrigger(e.target.value as PlanTrigger)}>
            {PLAN_TRIGGERS.map((tr) => (
              <option key={tr} value={tr}>
                {t(`plans.triggers.${tr}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {trigger === 'request' && (
        <Field label={t('startPlan.requestedBy')} name="requestedBy" errors={form.errors}>
          {(props) => (
            <select {...props}>
              {REQUESTERS.map((r) => (
                <option key={r} value={r}>
                  {t(`plans.requesters.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {trigger === 'discharge' && (
        <Field label={t('startPlan.dischargeReadyAt')} name="dischargeReadyAt" errors={form.errors}>
          {(props) => <input {...props} type="datetime-local" />}
        </Field>
      )}
      <Field label={t('startPlan.reason')} name="reason" errors={form.errors}>
        {(props) => <textarea {...props} rows={3} />}
      </Field>
      <Field label={t('startPlan.unit')} name="initiatingUnitId" errors={form.errors}>
        {(props) => (
          <select {...props}>
            {user?.units.map((u) => (
              <option key={u.id} value={u.id}>{`${u.name}, ${u.organisationName}`}</option>
            ))}
          </select>
        )}
      </Field>
      <ProblemAlert error={initiate.error} fieldsBeside />
      <button type="submit" className="button-primary" disabled={initiate.isPending}>
        {t('startPlan.submit')}
      </button>
    </form>
  );
}
