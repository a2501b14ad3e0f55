import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PlanDetail, childViewSchema } from '@sip/shared';
import { type ChildViewBody, useSaveChildView } from '../../api/plan-commands';
import { Field, formProps, text, useSchemaForm } from '../../components/form';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SavedNotice } from '../../components/SavedNotice';

/**
 * Whether the child's own view is kept from the guardians (with the reason). The view itself
 * is written in one place, the child's part of the plan, and read there.
 */
export function ChildViewSection({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('plan.childView.title')}</h2>
      <p className="hint">{t('plan.childView.where')}</p>
      {plan.permissions.can.record_child_view ? <ChildViewForm plan={plan} /> : plan.childSecrecy && <p>{t('plan.childView.hidden')}</p>}
    </section>
  );
}

function ChildViewForm({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const save = useSaveChildView(plan.id);
  const [secret, setSecret] = useState(plan.childSecrecy);
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm(
    childViewSchema,
    (f): ChildViewBody => ({
      childSecrecy: secret,
      ...(secret ? { reason: text(f, 'reason').trim() || undefined } : {}),
    }),
    (body) => save.mutate(body, { onSuccess: () => setSaved(true) }),
    save.error,
    save.reset,
  );
  return (
    <form {...formProps(form)} onChange={(e) => (setSaved(false), form.onChange(e))}>
      <label className="checkbox">
        <input type="checkbox" checked={secret} onChange={(e) => setSecret(e.target.checked)} /> {t('plan.childView.secrecy')}
      </label>
      {secret && (
        <Field label={t('plan.childView.reason')} name="reason" errors={form.errors}>
          {(props) => <input {...props} />}
        </Field>
      )}
      <ProblemAlert error={save.error} fieldsBeside />
      <div className="button-row">
        <button type="submit">{t('plan.childView.save')}</button>
        <SavedNotice saved={saved && !save.isPending} />
      </div>
    </form>
  );
}
