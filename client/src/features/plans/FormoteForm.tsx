import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PlanDetail, createMeetingSchema } from '@sip/shared';
import { type CreateMeetingBody, useCreateMeeting } from '../../api/plan-commands';
import { Field, formProps, numberOrUndefined, text, useSchemaForm } from '../../components/form';
import { ProblemAlert } from '../../components/ProblemAlert';
import { localInputToIso } from '../../components/format';

/** The förmöte: a meeting without calls that prepares the SIP meeting (POST …/meetings, which the API had). */
export function FormoteForm({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const create = useCreateMeeting(plan.id);
  const [formKey, setFormKey] = useState(0);
  const form = useSchemaForm(
    createMeetingSchema,
    (f): CreateMeetingBody => {
      const startsAt = text(f, 'startsAt');
      return {
        kind: 'formote',
        startsAt: (startsAt ? localInputToIso(startsAt) : undefined) as string,
        durationMinutes: numberOrUndefined(f, 'durationMinutes') ?? 45,
        ...(text(f, 'location').trim() ? { location: text(f, 'location') } : {}),
        ...(text(f, 'purpose').trim() ? { purpose: text(f, 'purpose') } : {}),
      };
    },
    (body) => create.mutate(body, { onSuccess: () => setFormKey((k) => k + 1) }),
    create.error,
    create.reset,
  );
  return (
    <details>
      <summary>{t('meetings.formote.title')}</summary>
      <p className="hint">{t('meetings.formote.intro')}</p>
      <form key={formKey} {...formProps(form)} aria-label={t('meetings.formote.title')}>
        <div className="field-row">
          <Field label={t('meetings.formote.startsAt')} name="startsAt" errors={form.errors}>
            {(props) => <input {...props} type="datetime-local" />}
          </Field>
          <Field label={t('meetings.formote.duration')} name="durationMinutes" errors={form.errors}>
            {(props) => <input {...props} type="number" min={5} max={600} defaultValue={45} />}
          </Field>
        </div>
        <Field label={t('meetings.formote.location')} name="location" errors={form.errors}>
          {(props) => <input {...props} />}
        </Field>
        <Field label={t('meetings.formote.purpose')} name="purpose" errors={form.errors}>
          {(props) => <input {...props} />}
        </Field>
        <ProblemAlert error={create.error} fieldsBeside />
        <button type="submit">{t('meetings.formote.submit')}</button>
      </form>
    </details>
  );
}
