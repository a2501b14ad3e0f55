import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingCommand } from '../../api/meetings';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { LiveContext } from './live-context';

const STAFF_ROLES = ['initiativtagare', 'ordforande', 'antecknare', 'samordningsansvarig', 'kallad_personal', 'inbjuden'];

/** Before the meeting: who may start it does (staff naming the chair; the person as their own chair); the rest wait. */
export function StartMeetingPanel({ ctx }: { ctx: Omit<LiveContext, 'agenda'> }) {
  const { t } = useTranslation();
  const id = useId();
  const start = useMeetingCommand(ctx.planId, ctx.meetingId, (body: unknown) => ({ method: 'POST', path: '/live/start', body }));
  const asPerson = ctx.plan.permissions.as === 'person';
  const people = (ctx.plan.participants ?? []).filter((p) => p.accountId && (p.role === 'huvudperson' || STAFF_ROLES.includes(p.role)));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    start.mutate(asPerson ? {} : { chairParticipantId: String(f.get('chair')), noteTakerParticipantId: String(f.get('noteTaker') || '') || null });
  };
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('meetings.live.notStarted')}</h2>
      <p>{t('meetings.live.waitForChair')}</p>
      {ctx.prep.rights.start && (
        <form onSubmit={submit} aria-labelledby={`${id}-h`}>
          {!asPerson && (
            <div className="field-row">
              <div className="field">
                <label htmlFor={`${id}-chair`}>{t('meetings.live.chair')}</label>
                <select id={`${id}-chair`} name="chair" defaultValue={ctx.state.chairParticipantId ?? ctx.prep.meeting.chairParticipantId ?? people.find((p) => p.role !== 'huvudperson')?.id}>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>{`${p.name} (${t(`plan.participants.roles.${p.role}`)})`}</option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-notes`}>{t('meetings.live.noteTaker')}</label>
                <select id={`${id}-notes`} name="noteTaker" defaultValue={ctx.state.noteTakerParticipantId ?? ''}>
                  <option value="">{t('meetings.prepare.notNamed')}</option>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>{`${p.name} (${t(`plan.participants.roles.${p.role}`)})`}</option>
                  ))}
                </select>
              </div>
            </div>
          )}
          <ProblemAlert error={start.error} />
          <button type="submit" className="button-primary button-large" disabled={start.isPending}>
            {asPerson ? t('meetings.live.startAsChair') : t('meetings.live.start')}
          </button>
        </form>
      )}
    </section>
  );
}
