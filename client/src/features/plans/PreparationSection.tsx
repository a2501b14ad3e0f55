import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PlanDetail, preparationSchema } from '@sip/shared';
import { type PreparationBody, useSavePreparation } from '../../api/plan-commands';
import { useOrganisations } from '../../api/plans';
import { Field, formProps, text, useSchemaForm } from '../../components/form';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SavedNotice } from '../../components/SavedNotice';

/**
 * Frågeställningar, the lead principal and the follow-up date; the person's long-term goal
 * shown as their part of the plan holds it (it is written there, once).
 */
export function PreparationSection({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="card" id="preparation">
      <h2 id={`${id}-h`}>{t('plan.preparation.title')}</h2>
      {plan.permissions.can.prepare ? <PreparationForm plan={plan} /> : <ul>{plan.questions.map((q) => <li key={q}>{q}</li>)}</ul>}
      <LongTermGoal plan={plan} />
    </section>
  );
}

function LongTermGoal({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field" data-testid="long-term-goal">
      <span className="field-label" id={id}>
        {t('plan.preparation.longTermGoal')}
      </span>
      <p aria-labelledby={id}>{plan.longTermGoal ?? t('plan.preparation.noLongTermGoal')}</p>
      <p className="hint">{t('plan.preparation.longTermGoalWhere')}</p>
    </div>
  );
}

function PreparationForm({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const orgs = useOrganisations(true);
  const save = useSavePreparation(plan.id);
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm(
    preparationSchema,
    (f): PreparationBody => ({
      questions: text(f, 'questions').split('\n').map((q) => q.trim()).filter(Boolean),
      leadOrganisationId: text(f, 'leadOrganisationId') || null,
      followUpDate: text(f, 'followUpDate') || null,
    }),
    (body) => save.mutate(body, { onSuccess: () => setSaved(true) }),
    save.error,
    save.reset,
  );
  return (
    <form {...formProps(form)} onChange={(e) => (setSaved(false), form.onChange(e))}>
      <Field label={t('plan.preparation.questions')} name="questions" errors={form.errors}>
        {(props) => <textarea {...props} rows={4} defaultValue={plan.questions.join('\n')} />}
      </Field>
      <Field label={t('plan.preparation.lead')} name="leadOrganisationId" errors={form.errors}>
        {(props) => (
          <select {...props} defaultValue={plan.leadOrganisation?.id ?? ''}>
            <option value="">{t('plan.noLead')}</option>
            {orgs.data
              ?.filter((o) => o.kind !== 'other')
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
          </select>
        )}
      </Field>
      <Field label={t('plan.preparation.followUpDate')} name="followUpDate" errors={form.errors} id="follow-up-date">
        {(props) => <input {...props} type="date" defaultValue={plan.followUpDate ?? ''} />}
      </Field>
      <ProblemAlert error={save.error} fieldsBeside />
      <div className="button-row">
        <button type="submit">{t('plan.preparation.save')}</button>
        <SavedNotice saved={saved && !save.isPending} />
      </div>
    </form>
  );
}
