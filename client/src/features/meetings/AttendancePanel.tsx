import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_MODES, type AttendanceInput } from '@sip/shared';
import { useMeetingCommand } from '../../api/meetings';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { LiveContext } from './live-context';
import { usePendingToggles } from './use-pending-toggles';

/** Attendance per participant; for someone taking part for a called principal, whether with the mandate to decide. */
export function AttendancePanel({ ctx }: { ctx: LiveContext }) {
  const { t } = useTranslation();
  const id = useId();
  const record = useMeetingCommand(ctx.planId, ctx.meetingId, (body: AttendanceInput) => ({ method: 'PUT', path: '/live/attendance', body }));
  const canRecord = ctx.isChair || ctx.isNoteTaker;
  const modes = usePendingToggles<string>();
  const mandates = usePendingToggles<boolean>();
  const calledOrganisations = new Set((ctx.plan.calls ?? []).filter((c) => c.meetingId === ctx.meetingId && c.kind === 'kallelse').map((c) => c.organisationId));
  const people = ctx.plan.participants ?? [];
  const attendance = new Map(ctx.state.attendance.map((a) => [a.participantId, a]));
  if (!people.length) return null;
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('meetings.live.attendance')}</h2>
      {people.map((p) => {
        const a = attendance.get(p.id);
        const called = p.organisationId !== null && calledOrganisations.has(p.organisationId);
        return (
          <div key={p.id} className="attendance-row">
            {canRecord ? (
              <>
                <div className="field">
                  <label htmlFor={`${id}-${p.id}`}>{`${p.name} (${t(`plan.participants.roles.${p.role}`)})`}</label>
                  <select
                    id={`${id}-${p.id}`}
                    value={modes.value(p.id, a?.mode ?? '')}
                    onChange={(e) => {
                      modes.set(p.id, e.target.value);
                      record.mutate({ participantId: p.id, mode: e.target.value as AttendanceInput['mode'] }, { onSettled: () => modes.settle(p.id) });
                    }}
                  >
                    <option value="" disabled>
                      {t('meetings.live.choose')}
                    </option>
                    {ATTENDANCE_MODES.map((m) => <option key={m} value={m}>{t(`plan.meetings.modes.${m}`)}</option>)}
                  </select>
                </div>
                {called && (
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={mandates.value(p.id, a?.withMandate === true)}
                      disabled={!a}
                      onChange={(e) => {
                        mandates.set(p.id, e.target.checked);
                        record.mutate({ participantId: p.id, mode: a!.mode, withMandate: e.target.checked }, { onSettled: () => mandates.settle(p.id) });
                      }}
                    />{' '}
                    {t('meetings.live.withMandate')}
                  </label>
                )}
              </>
            ) : (
              <span>
                <strong>{p.name}</strong>: {a ? t(`plan.meetings.modes.${a.mode}`) : '–'}
                {a?.withMandate && ` · ${t('meetings.live.withMandate')}`}
              </span>
            )}
          </div>
        );
      })}
      <ProblemAlert error={record.error} />
    </section>
  );
}
