import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BREAKDOWN_NAMES, type Breakdown, INDICATORS, SUPPRESSION_MARKS, type StatisticsViews, smallMark } from '@sip/shared';
import { usePageTitle } from '../../components/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { type StatisticsFilter, filterQuery, useStatistics, useStatisticsViews } from './api';
import { IndicatorFigure } from './IndicatorFigure';
import { StatisticsFilters, periodFor, viewLabel } from './StatisticsFilters';
import { monthLabel } from './format';
import './statistics.css';

const PERIODS = ['month', 'quarter', 'year', 'custom'] as const;

/** The filter in the address (shareable, survives reload), with this year by sex as the default. */
function readFilter(params: URLSearchParams, views: StatisticsViews | undefined): StatisticsFilter | null {
  if (!views?.views.length) return null;
  const period = (PERIODS as readonly string[]).includes(params.get('period') ?? '') ? (params.get('period') as StatisticsFilter['period']) : 'year';
  const fallback = periodFor(period === 'custom' ? 'year' : period, new Date().toISOString().slice(0, 7));
  const month = /^\d{4}-\d{2}$/;
  const from = month.test(params.get('from') ?? '') ? params.get('from')! : fallback.from;
  const to = month.test(params.get('to') ?? '') ? params.get('to')! : fallback.to;
  const view = views.views.some((v) => v.key === params.get('view')) ? params.get('view')! : views.views[0]!.key;
  const breakdown = params.has('breakdown') ? params.get('breakdown')!.split(',').filter(Boolean) : ['sex'];
  return { view, period, from, to: to < from ? from : to, breakdown };
}

export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  usePageTitle(t('statistics.title'));
  const views = useStatisticsViews();
  const [params, setParams] = useSearchParams();
  // The filter lives in state (changes queue like any state update) and is mirrored into the
  // address, so that a view can be shared, bookmarked and reloaded.
  const [filter, setFilter] = useState<StatisticsFilter | null>(null);
  const fromAddress = readFilter(params, views.data);
  const shown = filter ?? fromAddress;
  useEffect(() => {
    if (filter) setParams(new URLSearchParams(filterQuery(filter)), { replace: true });
  }, [filter, setParams]);
  const statistics = useStatistics(shown);
  const data = statistics.data;

  // Printed, every trend table is open: paper has no "show as table".
  useEffect(() => {
    const open = () => document.querySelectorAll<HTMLDetailsElement>('details.trend-table').forEach((d) => (d.open = true));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);

  const onChange = (change: (f: StatisticsFilter) => StatisticsFilter) => setFilter((current) => {
    const base = current ?? fromAddress;
    return base ? change(base) : current;
  });
  const view = views.data?.views.find((v) => v.key === shown?.view);
  const by = data?.breakdown.length ? data.breakdown.map((b) => BREAKDOWN_NAMES[b as Breakdown][lang].toLowerCase()).join(' × ') : t('statistics.noBreakdown').toLowerCase();

  return (
    <section aria-labelledby="statistics-heading" className="statistics">
      <div className="page-heading">
        <h1 id="statistics-heading">{t('statistics.title')}</h1>
        {shown && (
          <div className="button-row no-print">
            <a className="button-link" href={`/api/statistics/export.csv?${filterQuery(shown)}&lang=${lang}`} download>
              {t('statistics.download')}
            </a>
            <button type="button" onClick={() => window.print()}>
              {t('statistics.print')}
            </button>
          </div>
        )}
      </div>
      <ProblemAlert error={views.error ?? statistics.error} />
      {views.isPending && <p role="status">{t('statistics.loading')}</p>}
      {views.data && views.data.views.length === 0 && <p className="empty-state">{t('statistics.noViews')}</p>}
      {views.data && shown && view && (
        <>
          <p>{t('statistics.intro', { view: viewLabel(view, t, views.data.level) })}</p>
          <StatisticsFilters views={views.data} filter={shown} onChange={onChange} />
          <div className="statistics-meta">
            <p className="print-only">
              {view.name}: {monthLabel(shown.from, lang, 'long')} – {monthLabel(shown.to, lang, 'long')}
            </p>
            <p role="status" aria-live="polite">
              {statistics.isFetching
                ? t('statistics.loading')
                : data &&
                  t('statistics.changed', { period: t('statistics.periodShown', { from: monthLabel(data.from, lang, 'long'), to: monthLabel(data.to, lang, 'long') }), by })}
            </p>
            <p className="hint">
              {views.data.refreshedAt
                ? t('statistics.refreshed', { at: new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(views.data.refreshedAt)) })
                : t('statistics.notRefreshed')}
            </p>
            <dl className="legend" aria-label={t('statistics.legend')}>
              <div><dt>{smallMark(views.data.threshold)}</dt><dd>{t('statistics.legendSmall', { threshold: views.data.threshold })}</dd></div>
              <div><dt>{SUPPRESSION_MARKS.hidden}</dt><dd>{t('statistics.legendHidden')}</dd></div>
              <div><dt>{SUPPRESSION_MARKS.none}</dt><dd>{t('statistics.legendNone')}</dd></div>
            </dl>
          </div>
          <nav className="indicator-index no-print" aria-label={t('statistics.indicatorsNav')}>
            <ul>
              {INDICATORS.map((d) => (
                <li key={d.id}>
                  <a href={`#indicator-${d.id}`}>{d.text[lang].name}</a>
                </li>
              ))}
            </ul>
          </nav>
          {data && (
            <div className="indicators" aria-busy={statistics.isFetching}>
              {INDICATORS.map((def) => (
                <IndicatorFigure key={def.id} def={def} result={data.indicators.find((i) => i.id === def.id)!} data={data} />
              ))}
            </div>
          )}
        </>
      )}
    </section>
  );
}

export default StatisticsPage;
