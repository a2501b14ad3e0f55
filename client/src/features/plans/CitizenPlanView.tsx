import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccessLogEntry, PlanDetail } from '@sip/shared';
import { useHappeningNow } from '../../api/follow-up';
import { useAllowRelative, useRemoveRelative, useWithdrawConsent } from '../../api/plan-commands';
import { useAccessLog } from '../../api/plans';
import { ProblemAlert } from '../../components/ProblemAlert';
import { HappeningNow } from '../follow-up/HappeningNow';
import { formatDateTime, formatDay, stockholmDate } from '../../components/format';
import { LazyPlanWorkspace, loadPlanWorkspace } from './LazyPlanWorkspace';
import { PlanVersions } from './PlanVersions';
import { MeetingLinks } from './MeetingLinks';

/**
 * The plan as the person, a guardian or an allowed relative sees it: plain language, one
 * column, large targets, works on a phone.
 */
export function CitizenPlanView({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const isOwnSide = plan.permissions.read.access_log;
  const log = useAccessLog(plan.id, isOwnSide);
  // Others' reads are what the person wants to see; their own are in the audit log too.
  const readers = log.data?.filter((entry) => entry.who !== 'self');
  const allow = useAllowRelative(plan.id);
  const removeRelative = useRemoveRelative(plan.id);
  const withdraw = useWithdrawConsent(plan.id);
  const [confirming, setConfirming] = useState(false);
  // "Det här händer nu" grows from a line to its full height when its answer arrives; what
  // follows it is shown from then on, so that nothing the reader sees moves down (it pushed
  // the plan text down the screen: CLS 0.15 on a phone). The plan text's code is fetched
  // meanwhile, so it does not wait for it.
  const happening = useHappeningNow(plan.id);
  useEffect(() => void loadPlanWorkspace(), []);

  const next = plan.meetings?.find((m) => m.status === 'planned');
  const activeConsent = plan.consents?.find((c) => c.state === 'active');
  const heading = plan.permissions.as === 'person' ? t('citizen.myPlan') : t('citizen.planFor', { name: plan.person.name });

  return (
    <article className="citizen-plan" aria-labelledby={`${id}-h`}>
      <Link to="/">{t('plan.back')}</Link>
      <h1 id={`${id}-h`}>{heading}</h1>
      <p className="lead">{t('citizen.intro')}</p>
      <p className="big-status" data-testid="plan-state">{t('citizen.stateNow', { state: t(`plans.states.${plan.state}`) })}</p>
      {plan.state === 'avslutad' && <p className="alert alert-info">{t('citizen.closed')}</p>}
      {/* What the page promises comes first: the next meeting, then who does what and whom to ask. */}
      <section aria-labelledby={`${id}-next`} className="card">
        <h2 id={`${id}-next`}>{t('citizen.nextMeeting')}</h2>
        {next ? (
          <p>
            <strong>{formatDateTime(next.startsAt, i18n.language)}</strong>
            {next.location && <><br />{t('citizen.where', { place: next.location })}</>}
            {next.videoLink && <><br /><a href={next.videoLink}>{t('citizen.video')}</a></>}
          </p>
        ) : (
          <p>{t('citizen.noMeeting')}</p>
        )}
        {next && <MeetingLinks planId={plan.id} meeting={next} large />}
      </section>

      <HappeningNow plan={plan} />
      {!happening.isPending && (
        <>
          <LazyPlanWorkspace plan={plan} />
          <PlanVersions plan={plan} />

          <section aria-labelledby={`${id}-who`} className="card">
            <h2 id={`${id}-who`}>{t('citizen.whoIsIn')}</h2>
            <ul className="people" data-testid="participants">
              {(plan.participants ?? []).map((p) => (
                <li key={p.id}>
                  <strong>{p.name}</strong>
                  <span>{t(`plan.participants.roles.${p.role}`)}{p.organisationName ? `, ${p.organisationName}` : ''}</span>
                </li>
              ))}
            </ul>
          </section>

          {plan.relativeCandidates && (
            <section aria-labelledby={`${id}-rel`} className="card">
              <h2 id={`${id}-rel`}>{t('citizen.relatives')}</h2>
              <p>{t('citizen.relativesIntro')}</p>
              {plan.relativeCandidates.length === 0 && <p>{t('citizen.noRelatives')}</p>}
              <ul className="people">
                {plan.relativeCandidates.map((r) => (
                  <li key={r.accountId}>
                    <strong>{r.name}</strong>
                    <span>{r.allowedParticipantId ? t('citizen.allowed') : t('citizen.notAllowed')}</span>
                    {plan.permissions.can.manage_relatives &&
                      (r.allowedParticipantId ? (
                        <button type="button" className="button-large" onClick={() => removeRelative.mutate(r.allowedParticipantId!)}>
                          {t('citizen.removeRelative', { name: r.name })}
                        </button>
                      ) : (
                        <button type="button" className="button-large" onClick={() => allow.mutate({ accountId: r.accountId })}>
                          {t('citizen.allow', { name: r.name })}
                        </button>
                      ))}
                  </li>
                ))}
              </ul>
              <ProblemAlert error={allow.error ?? removeRelative.error} />
            </section>
          )}

          {isOwnSide && (
            <section aria-labelledby={`${id}-log`} className="card">
              <h2 id={`${id}-log`}>{t('citizen.readers')}</h2>
              {readers && readers.length === 0 && <p>{t('citizen.readersNone')}</p>}
              {readers && readers.length > 0 && <p className="hint">{t('person.readers.intro')}</p>}
              <ul className="people" data-testid="access-log">
                {readsByWhoAndDay(readers ?? []).map((group) => (
                  <li key={group.key}>
                    <strong>{group.who}</strong>
                    <span>
                      {group.organisation ? `${group.organisation}, ` : ''}
                      {t('person.readers.times', { count: group.count, date: formatDay(group.at, i18n.language) })}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {plan.consents && (
            <section aria-labelledby={`${id}-consent`} className="card">
              <h2 id={`${id}-consent`}>{t('citizen.consent')}</h2>
              <p>
                {activeConsent
                  ? t('citizen.consentActive', { orgs: activeConsent.scopeOrganisations.map((o) => o.name).join(' och ') })
                  : t('citizen.consentNone')}
              </p>
              {activeConsent && plan.permissions.can.withdraw_consent && !confirming && (
                <button type="button" className="button-large" onClick={() => setConfirming(true)}>
                  {t('citizen.withdraw')}
                </button>
              )}
              {activeConsent && confirming && (
                <div role="alertdialog" aria-labelledby={`${id}-confirm`} className="confirm">
                  <p id={`${id}-confirm`}>{t('citizen.withdrawConfirm')}</p>
                  <div className="button-row">
                    <button type="button" className="button-large button-danger" onClick={() => withdraw.mutate({ consentId: activeConsent.id }, { onSettled: () => setConfirming(false) })}>
                      {t('citizen.withdrawYes')}
                    </button>
                    <button type="button" className="button-large" onClick={() => setConfirming(false)}>
                      {t('citizen.cancel')}
                    </button>
                  </div>
                </div>
              )}
              <ProblemAlert error={withdraw.error} />
            </section>
          )}
        </>
      )}
    </article>
  );
}

/**
 * The access log as the person reads it: one line per reader and day ("Eva Lind, 3 gånger
 * den 24 november"), newest day first, instead of a row per opening — most rows were the
 * same practitioner opening the plan again.
 */
export function readsByWhoAndDay(entries: AccessLogEntry[]): { key: string; who: string; organisation: string | null; at: string; count: number }[] {
  const groups = new Map<string, { key: string; who: string; organisation: string | null; at: string; count: number }>();
  for (const entry of entries) {
    const key = `${entry.who}|${entry.organisation ?? ''}|${stockholmDate(entry.at)}`;
    const group = groups.get(key);
    if (group) {
      group.count += 1;
      if (entry.at > group.at) group.at = entry.at;
    } else groups.set(key, { key, who: entry.who, organisation: entry.organisation, at: entry.at, count: 1 });
  }
  return [...groups.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
