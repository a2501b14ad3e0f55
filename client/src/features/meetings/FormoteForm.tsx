import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '@sip/shared';
import { usePlanAction } from '../../api/plans';
import { ProblemAlert } from '../../components/ProblemAlert';
import { localInputToIso } from '../plans/format';

/** The förmöte: a meeting without calls that prepares the SIP meeting (POST …/meetings, which the API had). */
export function FormoteForm({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const create = usePlanAction(plan.id, (body: unknown) => ({ method: 'POST', path: '/meetings', body }));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    create.mutate({
      kind: 'formote',
      startsAt: f.get('startsAt') ? localInputToIso(String(f.get('startsAt'))) : '',
      durationMinutes: Number(f.get('duration') || 45),
      ...(f.get('location') ? { location: String(f.get('location')) } : {}),
      ...(f.get('purpose') ? { purpose: String(f.get('purpose')) } : {}),
    });
  };
  return (
    <details>
      <summary>{t('meetings.formote.title')}</summary>
      <p className="hint">{t('meetings.formote.intro')}</p>
      <form onSubmit={submit} aria-label={t('meetings.formote.title')}>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-at`}>{t('meetings.formote.startsAt')}</label>
            <input id={`${id}-at`} name="startsAt" type="datetime-local" required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-dur`}>{t('meetings.formote.duration')}</label>
            <input id={`${id}-dur`} name="duration" type="number" min={5} max={600} defaultValue={45} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-loc`}>{t('meetings.formote.location')}</label>
          <input id={`${id}-loc`} name="location" required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-purpose`}>{t('meetings.formote.purpose')}</label>
          <input id={`${id}-purpose`} name="purpose" />
        </div>
        <ProblemAlert error={create.error} />
        <button type="submit">{t('meetings.formote.submit')}</button>
      </form>
    </details>
  );
}
