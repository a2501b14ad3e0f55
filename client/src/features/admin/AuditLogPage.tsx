import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { type AuditEvent, type Language } from '@sip/shared';
import { type AuditFilters, useAuditLog } from '../../api/admin';
import { usePageTitle } from '../../components/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { auditActionLabels } from '../../i18n/admin';
import { AuditFilterForm, FILTER_KEYS } from './AuditFilterForm';
import { VerifyChain } from './VerifyChain';

/**
 * The audit log, newest first. Filters and the page live in the address (so that a view can
 * be shared and the back button works); the pages seen before are kept in the history
 * entry's state, so that "Newer" goes back exactly one page.
 */
export function AuditLogPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.audit.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const filters: AuditFilters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v));
  const beforeSeq = Number(params.get('beforeSeq')) || undefined;
  const newer = ((location.state as { newer?: (number | null)[] } | null)?.newer ?? []) as (number | null)[];
  const log = useAuditLog(filters, beforeSeq);

  const show = (next: AuditFilters, page?: number, stack: (number | null)[] = []) => {
    const search = new URLSearchParams(Object.entries(next).filter((e): e is [string, string] => Boolean(e[1])));
    if (page) search.set('beforeSeq', String(page));
    navigate({ search: search.toString() }, { state: { newer: stack } });
  };
  const events = log.data?.events ?? [];

  return (
    <section aria-labelledby="audit-h">
      <h1 id="audit-h">{t('admin.audit.title')}</h1>
      <p>{t('admin.audit.intro')}</p>
      <VerifyChain />
      <AuditFilterForm key={params.toString()} filters={filters} onShow={(next) => show(next)} />
      <ProblemAlert error={log.error} />
      {log.isPending && <p role="status">{t('admin.common.loading')}</p>}
      {log.data && events.length === 0 && <p className="empty-state">{t('admin.audit.none')}</p>}
      {events.length > 0 && (
        <>
          {/* While another page or filter loads, the rows shown are the previous ones: say so. */}
          <div className={`table-scroll${log.isPlaceholderData ? ' stale' : ''}`} tabIndex={0} role="region" aria-label={t('admin.audit.events')} aria-busy={log.isPlaceholderData}>
            <table className="worklist admin-table audit-table">
              <caption className="visually-hidden">{t('admin.audit.events')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.columns.at')}</th>
                  <th scope="col">{t('admin.audit.columns.actor')}</th>
                  <th scope="col">{t('admin.audit.columns.action')}</th>
                  <th scope="col">{t('admin.audit.columns.target')}</th>
                  <th scope="col">{t('admin.audit.columns.plan')}</th>
                  <th scope="col">{t('admin.audit.columns.details')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <AuditRow key={e.seq} event={e} onFilter={(more) => show({ ...filters, ...more })} />
                ))}
              </tbody>
            </table>
          </div>
          <nav className="button-row" aria-label={t('admin.audit.showing', { first: events[0]!.seq, last: events.at(-1)!.seq })}>
            <button type="button" onClick={() => show(filters)} disabled={!beforeSeq}>
              {t('admin.audit.newest')}
            </button>
            <button type="button" onClick={() => show(filters, newer.at(-1) ?? undefined, newer.slice(0, -1))} disabled={!beforeSeq}>
              {t('admin.audit.newer')}
            </button>
            <button type="button" onClick={() => show(filters, events.at(-1)!.seq, [...newer, beforeSeq ?? null])} disabled={!log.data?.hasOlder}>
              {t('admin.audit.older')}
            </button>
            <span className="hint">{t('admin.audit.showing', { first: events[0]!.seq, last: events.at(-1)!.seq })}</span>
          </nav>
        </>
      )}
    </section>
  );
}

// Seconds matter in a log; the date is short so that the row stays one line.
const formatInstant = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Stockholm' }).format(new Date(iso));

const formatDetails = (details: Record<string, unknown>) =>
  Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');

function AuditRow({ event: e, onFilter }: { event: AuditEvent; onFilter: (filters: AuditFilters) => void }) {
  const { t, i18n } = useTranslation();
  const label = auditActionLabels[i18n.language as Language]?.[e.action] ?? e.action;
  const details = formatDetails(e.details);
  return (
    <tr>
      <td data-label={t('admin.audit.columns.at')}>
        <span className="nowrap">{formatInstant(e.at, i18n.language)}</span> <span className="hint">#{e.seq}</span>
      </td>
      <td data-label={t('admin.audit.columns.actor')}>
        {e.actorId ? (
          <>
            {e.actorName ?? t('admin.audit.unknownActor')}
            {e.actorUsername && (
              <button type="button" className="link-button" onClick={() => onFilter({ actorUsername: e.actorUsername! })}>
                <span className="visually-hidden">{t('admin.audit.onlyActor')}: </span>
                {e.actorUsername}
              </button>
            )}
            {e.actorRole && <span className="hint">{e.actorRole}</span>}
          </>
        ) : (
          t('admin.audit.system')
        )}
      </td>
      <td data-label={t('admin.audit.columns.action')}>
        {label} <code className="hint">{e.action}</code>
      </td>
      <td data-label={t('admin.audit.columns.target')}>
        {e.targetType ? (
          <>
            {e.targetType} <code>{e.targetId && e.targetId.length > 12 ? `${e.targetId.slice(0, 8)}…` : e.targetId}</code>
          </>
        ) : (
          t('admin.common.none')
        )}
      </td>
      <td data-label={t('admin.audit.columns.plan')}>
        {e.planId ? (
          <button type="button" className="link-button" onClick={() => onFilter({ planId: e.planId! })}>
            <span className="visually-hidden">{t('admin.audit.onlyPlan')}: </span>
            <code>{e.planId.slice(0, 8)}…</code>
          </button>
        ) : (
          t('admin.common.none')
        )}
      </td>
      <td data-label={t('admin.audit.columns.details')} className="audit-details">
        {details || t('admin.common.none')}
      </td>
    </tr>
  );
}
