import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSetup, MyPreparation } from '@sip/shared';
import { useMeetingCommand } from '../../api/meetings';
import { ProblemAlert } from '../../components/ProblemAlert';

/** Staff see who has prepared — never what — and set up the meeting's chair and note-taker. */
export function StaffPreparationPanels({ planId, page, isChild }: { planId: string; page: MyPreparation; isChild: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const setup = useMeetingCommand(planId, page.meeting.id, (body: MeetingSetup) => ({ method: 'PUT', path: '/setup', body }), 'preparation');
  const ended = page.meeting.live === 'ended';
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setup.mutate({
      chairParticipantId: String(f.get('chair') || '') || null,
      noteTakerParticipantId: String(f.get('noteTaker') || '') || null,
      ...(isChild ? { childPreparesWithGuardians: f.get('withGuardians') === 'on' } : {}),
    });
  };
  return (
    <>
      {page.prepared && (
        <section aria-labelledby={`${id}-who`} className="card no-print">
          <h2 id={`${id}-who`}>{t('meetings.prepare.whoPrepared')}</h2>
          <p className="hint">{t('meetings.prepare.whoPreparedHint')}</p>
          <ul className="people" data-testid="who-prepared">
            {page.prepared.map((p) => (
              <li key={p.participantId}>
                <strong>{p.name}</strong>
                <span>
                  {p.prepared ? t('meetings.prepare.preparedYes') : t('meetings.prepare.preparedNo')}
                  {p.sharedAnswers > 0 && ` · ${t('meetings.prepare.sharedCount', { count: p.sharedAnswers })}`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {page.participants && !ended && (
        <section aria-labelledby={`${id}-setup`} className="card no-print">
          <h2 id={`${id}-setup`}>{t('meetings.prepare.setup')}</h2>
          <form onSubmit={submit} className="inline-form" aria-labelledby={`${id}-setup`}>
            <div className="field">
              <label htmlFor={`${id}-chair`}>{t('meetings.prepare.chair')}</label>
              <select id={`${id}-chair`} name="chair" defaultValue={page.meeting.chairParticipantId ?? ''}>
                <option value="">{t('meetings.prepare.notNamed')}</option>
                {page.participants.filter((p) => p.mayChair).map((p) => (
                  <option key={p.id} value={p.id}>{`${p.name} (${t(`plan.participants.roles.${p.role}`)})`}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-notes`}>{t('meetings.prepare.noteTaker')}</label>
              <select id={`${id}-notes`} name="noteTaker" defaultValue={page.meeting.noteTakerParticipantId ?? ''}>
                <option value="">{t('meetings.prepare.notNamed')}</option>
                {page.participants.filter((p) => p.mayChair).map((p) => (
                  <option key={p.id} value={p.id}>{`${p.name} (${t(`plan.participants.roles.${p.role}`)})`}</option>
                ))}
              </select>
            </div>
            {isChild && (
              <label className="checkbox">
                <input type="checkbox" name="withGuardians" defaultChecked={page.meeting.childPreparesWithGuardians} /> {t('meetings.prepare.childWithGuardians')}
              </label>
            )}
            <button type="submit">{t('meetings.prepare.saveSetup')}</button>
            {setup.isSuccess && <p role="status">{t('meetings.prepare.setupSaved')}</p>}
          </form>
          <ProblemAlert error={setup.error} />
        </section>
      )}
    </>
  );
}
