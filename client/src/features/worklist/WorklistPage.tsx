import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { PlanAccessChangeReason } from '@sip/shared';
import { useWorklist } from '../../api/plans';
import { useSession } from '../../api/session';
import { usePageTitle } from '../../components/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate, formatDateTime } from '../../components/format';

export function WorklistPage() {
  const { t, i18n } = useTranslation();
  const user = useSession().data?.user;
  const [includeClosed, setIncludeClosed] = useState(false);
  const worklist = useWorklist(includeClosed);
  const isStaff = user?.kind === 'staff';
  const canStart = user?.systemRoles.includes('practitioner');
  usePageTitle(t('worklist.title'));

  return (
    <section aria-labelledby="worklist-heading">
      <AccessEndedNotice />
      <div className="page-heading">
        <h1 id="worklist-heading">{isStaff ? t('worklist.title') : t('citizen.myPlan')}</h1>
        {canStart && (
          <Link className="button-link button-primary" to="/plans/new">
            {t('plans.start')}
          </Link>
        )}
      </div>
      <p>{isStaff ? t('worklist.staffIntro') : t('worklist.citizenIntro')}</p>
      {isStaff && (
        <label className="checkbox">
          <input type="checkbox" checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)} />
          {t('plans.includeClosed')}
        </label>
      )}
      <ProblemAlert error={worklist.error} />
      {worklist.isPending && <p role="status">{t('app.loading')}</p>}
      {worklist.data && worklist.data.items.length === 0 && (
        <p className="empty-state" role="status">
          {t('worklist.empty')}
        </p>
      )}
      {worklist.data && worklist.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="worklist">
            <caption className="visually-hidden">{t('worklist.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('worklist.columns.person')}</th>
                <th scope="col">{t('worklist.columns.state')}</th>
                <th scope="col">{t('worklist.columns.nextStep')}</th>
                <th scope="col">{t('plans.nextMeeting')}</th>
                <th scope="col">{t('worklist.columns.due')}</th>
              </tr>
            </thead>
            <tbody>
              {worklist.data.items.map((item) => (
                <tr key={item.id} className={item.overdue ? 'overdue' : undefined}>
                  <th scope="row">
                    <Link to={`/plans/${item.id}`}>{item.personName}</Link>
                  </th>
                  <td>{t(`plans.states.${item.state}`)}</td>
                  <td>{t(`plans.nextSteps.${item.nextStep}`)}</td>
                  <td>{item.nextMeetingAt ? formatDateTime(item.nextMeetingAt, i18n.language) : t('plans.none')}</td>
                  <td>
                    {item.overdue && <span className="badge badge-danger">{t('plans.overdue')}</span>}{' '}
                    {item.dischargeDueAt && item.dischargeStatus !== 'met'
                      ? t(`plans.deadline.${item.dischargeStatus}`, { date: formatDate(item.dischargeDueAt, i18n.language) })
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * Said here when the user was sent from a plan whose access ended while it was open (see
 * PlanWorkspace): which plan, and why. It takes focus, so that it is what is read next.
 */
function AccessEndedNotice() {
  const { t } = useTranslation();
  const ended = (useLocation().state as { accessEnded?: { person: string; cause: PlanAccessChangeReason } } | null)?.accessEnded;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [ended]);
  if (!ended) return null;
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="alert alert-info" data-testid="access-ended">
      {t('accessEnded.message', { name: ended.person })} {t(`accessEnded.causes.${ended.cause}`, { defaultValue: t('accessEnded.causes.plan_changed') })}
    </div>
  );
}
