import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '@sip/shared';
import { formatDateTime } from '../../components/format';

/** The plan's transitions, oldest first, with who made them. */
export function PlanHistory({ history }: { history: NonNullable<PlanDetail['history']> }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="history-h" className="card">
      <h2 id="history-h">{t('plan.history.title')}</h2>
      <ol className="history">
        {history.map((h, i) => (
          <li key={i}>
            {formatDateTime(h.at, i18n.language)}: {t(`plans.states.${h.toState}`)} {h.actorName ? `(${h.actorName})` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
