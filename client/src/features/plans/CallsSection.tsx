import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Call, type PlanDetail, isCallAddressee } from '@sip/shared';
import { useAcknowledgeCall } from '../../api/plan-commands';
import { useSession } from '../../api/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SendCallForm } from './SendCallForm';
import { formatDateTime } from '../../components/format';

/**
 * Calls sent (kallelse to a unit, inbjudan to a participant) and their confirmations. Only
 * the call's addressee is offered "Bekräfta kallelsen" — the server refuses anyone else —
 * and for a call still unconfirmed the others read who confirms it.
 */
export function CallsSection({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const user = useSession().data?.user;
  const acknowledge = useAcknowledgeCall(plan.id);
  const actor = { accountId: user?.id ?? '', unitIds: user?.units.map((u) => u.id) ?? [] };
  const mine = (c: Call) =>
    isCallAddressee({ kind: c.kind, unitId: c.unitId, invitedAccountId: plan.participants?.find((p) => p.id === c.participantId)?.accountId ?? null }, actor);
  return (
    <section id="calls" aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('plan.calls.title')}</h2>
      {plan.calls!.length === 0 && <p>{t('plan.calls.none')}</p>}
      <ul className="plain-list" data-testid="calls">
        {plan.calls!.map((c) => (
          <li key={c.id}>
            <strong>
              {t(`plan.calls.kinds.${c.kind}`)}: {c.recipientName}
            </strong>
            <br />
            {t('plan.calls.sentBy', { date: formatDateTime(c.sentAt, i18n.language), name: c.sentByName })} ·{' '}
            {c.acknowledgedByName ? t('plan.calls.acknowledged', { name: c.acknowledgedByName }) : t('plan.calls.notAcknowledged')}
            <br />
            <a href={`/api/plans/${plan.id}/calls/${c.id}/calendar.ics`} download>
              {t('plan.calls.calendar')}
            </a>
            {!c.acknowledgedAt && plan.permissions.can.acknowledge_call && mine(c) && (
              <button type="button" className="button-small" onClick={() => acknowledge.mutate(c.id)}>
                {t('plan.calls.acknowledge')}
              </button>
            )}
            {!c.acknowledgedAt && plan.state !== 'avslutad' && !mine(c) && (
              <span className="hint">
                {' '}
                {c.kind === 'kallelse' ? t('staffPlan.callForUnit', { unit: c.recipientName }) : t('staffPlan.callForParticipant')}
              </span>
            )}
          </li>
        ))}
      </ul>
      <ProblemAlert error={acknowledge.error} />
      {plan.permissions.can.send_calls && <SendCallForm plan={plan} />}
    </section>
  );
}
