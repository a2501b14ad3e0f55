import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '@sip/shared';
import { FormoteForm } from './FormoteForm';
import { MeetingLinks } from './MeetingLinks';
import { MeetingHeldForm } from './MeetingHeldForm';
import { formatDateTime } from '../../components/format';

/** The plan's meetings; a planned one can be recorded as held, and a förmöte booked. */
export function MeetingsSection({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [openMeeting, setOpenMeeting] = useState<string | null>(null);
  return (
    <section aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('plan.meetings.title')}</h2>
      {plan.meetings!.length === 0 && <p>{t('plan.meetings.none')}</p>}
      <ul className="plain-list">
        {plan.meetings!.map((m) => (
          <li key={m.id} id={`meeting-${m.id}`}>
            <strong>{t(`plan.meetings.kinds.${m.kind}`)}</strong> · {formatDateTime(m.startsAt, i18n.language)} · {t(`plan.meetings.statuses.${m.status}`)}
            {m.location && ` · ${m.location}`}
            <MeetingLinks planId={plan.id} meeting={m} />
            {m.status === 'planned' && plan.permissions.can.record_meeting && openMeeting !== m.id && (
              <button type="button" className="button-small" onClick={() => setOpenMeeting(m.id)}>
                {t('plan.meetings.recordHeld')}
              </button>
            )}
            {openMeeting === m.id && <MeetingHeldForm plan={plan} meeting={m} onDone={() => setOpenMeeting(null)} />}
          </li>
        ))}
      </ul>
      {plan.permissions.can.prepare && plan.state !== 'avslutad' && <FormoteForm plan={plan} />}
    </section>
  );
}
