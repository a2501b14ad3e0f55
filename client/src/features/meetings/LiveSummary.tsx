import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MeetingDecisions, actionsOrganisationId } from '@sip/shared';
import { useMeetingCommand } from '../../api/meetings';
import { LimitedField } from '../../collab/LimitedField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../components/format';
import type { LiveContext } from './live-context';
import { LazyMeetingWorkspace } from './LazyMeetingWorkspace';
import { SharedAnswers } from './SharedAnswers';

const STAFF_ROLES = ['initiativtagare', 'ordforande', 'antecknare', 'samordningsansvarig', 'kallad_personal', 'inbjuden'];

/**
 * Part 4: who does what, principal by principal, read back from the actions; the
 * disagreements written in the plan; the huvudansvarig principal and the samordningsansvarig
 * appointed, with the person's preference recorded.
 */
export function LiveSummary({ ctx }: { ctx: LiveContext }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const canDecide = ctx.isChair || ctx.isNoteTaker;
  const decide = useMeetingCommand(ctx.planId, ctx.meetingId, (body: MeetingDecisions) => ({ method: 'PUT', path: '/live/decisions', body }));
  const prefer = useMeetingCommand(ctx.planId, ctx.meetingId, (personPreference: string | null) => ({ method: 'PATCH', path: '/live', body: { personPreference } }));
  const [preference, setPreference] = useState(ctx.agenda?.closing.personPreference ?? '');
  const principals = ctx.plan.sections.filter((s) => s.name.startsWith('actions:')).map((s) => ({ id: actionsOrganisationId(s.name as `actions:${string}`)!, name: s.organisationName ?? '' }));
  const staff = (ctx.plan.participants ?? []).filter((p) => p.accountId && STAFF_ROLES.includes(p.role));
  const closing = ctx.agenda?.closing;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const lead = String(f.get('lead') || '');
    const coordinator = String(f.get('coordinator') || '');
    decide.mutate({ ...(lead ? { leadOrganisationId: lead } : {}), ...(coordinator ? { coordinatorParticipantId: coordinator } : {}) });
  };
  return (
    <>
      {ctx.agenda && (
        <section aria-labelledby={`${id}-rb`}>
          <h3 id={`${id}-rb`}>{t('meetings.live.readBack')}</h3>
          {ctx.agenda.actions.map((org) => (
            <div key={org.organisationId} className="readback-org">
              <h4>{org.organisationName}</h4>
              {org.items.length ? (
                <ul>
                  {org.items.map((a, i) => (
                    <li key={i}>
                      {a.what}
                      {a.performer && ` – ${a.performer}`}
                      {a.dueDate && ` (${t('meetings.live.dueDate', { date: formatDate(a.dueDate, i18n.language) })})`}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="hint">{t('meetings.live.noActions')}</p>
              )}
            </div>
          ))}
          <h3>{t('meetings.live.sharedTitle')}</h3>
          <SharedAnswers answers={ctx.agenda.answers} part="sammanfattning" />
        </section>
      )}
      <section aria-labelledby={`${id}-dec`}>
        <h3 id={`${id}-dec`}>{t('meetings.live.decisions')}</h3>
        {closing && (
          <dl className="meeting-facts" data-testid="decisions">
            <div>
              <dt>{t('meetings.live.lead')}</dt>
              <dd>{closing.leadOrganisation?.name ?? t('meetings.live.notDecided')}</dd>
            </div>
            <div>
              <dt>{t('meetings.live.coordinator')}</dt>
              <dd>{closing.coordinators.map((c) => c.name).join(', ') || t('meetings.live.notDecided')}</dd>
            </div>
            {closing.personPreference && (
              <div>
                <dt>{t('meetings.live.preference')}</dt>
                <dd>{closing.personPreference}</dd>
              </div>
            )}
          </dl>
        )}
        {canDecide && (
          <form onSubmit={submit} className="inline-form" aria-labelledby={`${id}-dec`}>
            <div className="field">
              <label htmlFor={`${id}-lead`}>{t('meetings.live.lead')}</label>
              <select id={`${id}-lead`} name="lead" defaultValue={closing?.leadOrganisation?.id ?? ''}>
                <option value="">{t('meetings.live.choose')}</option>
                {principals.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-coord`}>{t('meetings.live.coordinator')}</label>
              <select id={`${id}-coord`} name="coordinator" defaultValue="">
                <option value="">{t('meetings.live.choose')}</option>
                {staff.map((p) => <option key={p.id} value={p.id}>{`${p.name}${p.organisationName ? `, ${p.organisationName}` : ''}`}</option>)}
              </select>
            </div>
            <button type="submit">{t('meetings.live.save')}</button>
          </form>
        )}
        <ProblemAlert error={decide.error} />
        {ctx.isChair && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              prefer.mutate(preference.trim() || null);
            }}
          >
            <div className="field">
              <label htmlFor={`${id}-pref`}>{t('meetings.live.preference')}</label>
              <LimitedField id={`${id}-pref`} value={preference} max={500} onValue={setPreference} />
            </div>
            <button type="submit">{t('meetings.live.save')}</button>
            <ProblemAlert error={prefer.error} />
          </form>
        )}
      </section>
      <p className="hint">{t('meetings.live.disagreementsHint')}</p>
      <LazyMeetingWorkspace plan={ctx.plan} sections={(name) => name === 'shared'} />
    </>
  );
}
