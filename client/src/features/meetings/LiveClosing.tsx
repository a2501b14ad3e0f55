import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GUARD_MESSAGES, type Language, PLAN_DELIVERIES, type PlanDelivery } from '@sip/shared';
import { useMeetingCommand } from '../../api/meetings';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../components/format';
import type { LiveContext } from './live-context';
import { SharedAnswers } from './SharedAnswers';

/**
 * Part 5: the follow-up date (or a booked follow-up meeting) and how the person gets the
 * plan; the guard lists what is still missing, as finalising does, and the chair ends the
 * meeting once nothing is.
 */
export function LiveClosing({ ctx }: { ctx: LiveContext }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lang = i18n.language as Language;
  const canDecide = ctx.isChair || ctx.isNoteTaker;
  const closing = ctx.agenda?.closing;
  const [kind, setKind] = useState<PlanDelivery>(closing?.planDelivery?.kind ?? (closing?.personHasAccount ? 'digital' : 'copy'));
  const decide = useMeetingCommand(ctx.planId, ctx.meetingId, (body: unknown) => ({ method: 'PUT', path: '/live/decisions', body }));
  const end = useMeetingCommand(ctx.planId, ctx.meetingId, () => ({ method: 'POST', path: '/live/end', body: {} }), 'plan');
  const missing = ctx.state.endMissing;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const followUpDate = String(f.get('followUp') || '');
    const how = String(f.get('how') || '').trim();
    decide.mutate({ ...(followUpDate ? { followUpDate } : {}), planDelivery: { kind, ...(how ? { how } : {}) } });
  };
  return (
    <>
      <section aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>{t('meetings.live.decisions')}</h3>
        {closing && (
          <dl className="meeting-facts" data-testid="closing">
            <div>
              <dt>{t('meetings.live.followUp')}</dt>
              <dd>{closing.followUpDate ? formatDate(closing.followUpDate, i18n.language) : closing.followUpMeetingBooked ? t('meetings.live.followUpBooked') : t('meetings.live.notDecided')}</dd>
            </div>
            <div>
              <dt>{t('meetings.live.delivery')}</dt>
              <dd>
                {closing.planDelivery ? `${t(`meetings.live.deliveryKinds.${closing.planDelivery.kind}`)}${closing.planDelivery.how ? ` – ${closing.planDelivery.how}` : ''}` : t('meetings.live.notDecided')}
              </dd>
            </div>
          </dl>
        )}
        {canDecide && (
          <form onSubmit={submit} aria-labelledby={`${id}-h`}>
            <div className="field">
              <label htmlFor={`${id}-fu`}>{t('meetings.live.followUp')}</label>
              <input id={`${id}-fu`} name="followUp" type="date" defaultValue={closing?.followUpDate ?? ''} />
            </div>
            <fieldset>
              <legend>{t('meetings.live.delivery')}</legend>
              {PLAN_DELIVERIES.map((d) => (
                <label key={d} className="checkbox">
                  <input type="radio" name="delivery" value={d} checked={kind === d} onChange={() => setKind(d)} /> {t(`meetings.live.deliveryKinds.${d}`)}
                </label>
              ))}
              {kind === 'copy' && (
                <div className="field">
                  <label htmlFor={`${id}-how`}>{t('meetings.live.deliveryHow')}</label>
                  <input id={`${id}-how`} name="how" maxLength={300} defaultValue={closing?.planDelivery?.how ?? ''} />
                </div>
              )}
            </fieldset>
            <button type="submit">{t('meetings.live.save')}</button>
            <ProblemAlert error={decide.error} />
          </form>
        )}
      </section>
      <section aria-labelledby={`${id}-end`}>
        <h3 id={`${id}-end`}>{t('meetings.live.endCheck')}</h3>
        {missing.length ? (
          <div id={`${id}-missing`} data-testid="end-missing">
            <p>{t('meetings.live.missing')}</p>
            <ul className="guard-list">
              {missing.map((m) => <li key={m}>{GUARD_MESSAGES[m][lang]}</li>)}
            </ul>
          </div>
        ) : (
          <p id={`${id}-missing`}>{t('meetings.live.ready')}</p>
        )}
        {ctx.isChair && (
          <button type="button" className="button-primary button-large" onClick={() => end.mutate(undefined)} disabled={end.isPending} aria-describedby={`${id}-missing`}>
            {t('meetings.live.end')}
          </button>
        )}
        <ProblemAlert error={end.error} />
      </section>
      {ctx.agenda && (
        <section aria-labelledby={`${id}-shared`}>
          <h3 id={`${id}-shared`}>{t('meetings.live.sharedTitle')}</h3>
          <SharedAnswers answers={ctx.agenda.answers} part="avslutning" />
        </section>
      )}
    </>
  );
}
