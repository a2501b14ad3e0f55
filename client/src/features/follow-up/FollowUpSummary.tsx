import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanDetail } from '@sip/shared';
import { formatDate, formatDateTime, todayIsoDate } from '../../components/format';

const FOLLOWED_UP = ['mote_hallet', 'faststalld', 'uppfoljning', 'kallad'];

/**
 * Where the plan stands on its follow-up — the place "Att göra" and reminders link to
 * (#follow-up): the date, a booked follow-up meeting, and the way to book one or move the date.
 */
export function FollowUpSummary({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const booked = plan.meetings?.find((m) => m.kind === 'uppfoljning' && m.status === 'planned');
  if (!FOLLOWED_UP.includes(plan.state) || (plan.state === 'kallad' && !booked)) return null;
  const overdue = !booked && plan.followUpDate !== null && plan.followUpDate < todayIsoDate();
  const canBook = plan.permissions.can.send_calls && (plan.state === 'faststalld' || plan.state === 'uppfoljning') && !booked;
  return (
    <section id="follow-up" aria-labelledby="follow-up-h" className="card">
      <h2 id="follow-up-h">{t('followUp.title')}</h2>
      <p>
        {plan.followUpDate === null
          ? t('followUp.noDate')
          : overdue
            ? t('followUp.dateOverdue', { date: formatDate(plan.followUpDate, i18n.language) })
            : t('followUp.date', { date: formatDate(plan.followUpDate, i18n.language) })}
        {overdue && <span className="badge badge-danger">{t('todo.overdue')}</span>}
      </p>
      {booked && <p>{t('followUp.booked', { date: formatDateTime(booked.startsAt, i18n.language) })}</p>}
      {(canBook || plan.permissions.can.prepare) && (
        <div className="button-row">
          {canBook && (
            <Link className="button-link button-primary" to="#calls">
              {t('followUp.book')}
            </Link>
          )}
          {plan.permissions.can.prepare && (
            <Link className="button-link" to="#follow-up-date">
              {t('followUp.setDate')}
            </Link>
          )}
        </div>
      )}
    </section>
  );
}
