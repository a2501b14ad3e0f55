import { useTranslation } from 'react-i18next';
import { BREAKDOWNS, BREAKDOWN_NAMES, type Breakdown, type StatisticsViews, periodContaining } from '@sip/shared';
import type { StatisticsFilter } from './api';

const currentMonth = () => new Date().toISOString().slice(0, 7);
const YEARS = (() => {
  const now = new Date().getFullYear();
  return Array.from({ length: 8 }, (_, i) => now - i);
})();

/** A year up to this month: the months to come have nothing to count yet. */
export function periodFor(kind: StatisticsFilter['period'], month: string): { from: string; to: string } {
  if (kind === 'custom') return { from: month, to: month };
  const p = periodContaining(kind, month);
  return { from: p.from, to: p.to > currentMonth() ? currentMonth() : p.to };
}

export const viewLabel = (v: StatisticsViews['views'][number], t: (k: string, o?: Record<string, unknown>) => string, level: StatisticsViews['level']) =>
  v.kind === 'county'
    ? t('statistics.viewCounty', { name: v.name })
    : level === 'units'
      ? t('statistics.viewUnits', { name: v.name, units: v.units.map((u) => u.name).join(', ') })
      : v.name;

/** View, period and up to two breakdowns; every change goes to the address, so a view can be shared or bookmarked. */
export function StatisticsFilters({
  views,
  filter,
  onChange,
}: {
  views: StatisticsViews;
  filter: StatisticsFilter;
  /** Changes are made to the latest filter, not the one this render saw: quick changes do not undo each other. */
  onChange: (change: (f: StatisticsFilter) => StatisticsFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const set = (patch: Partial<StatisticsFilter>) => onChange((f) => ({ ...f, ...patch }));
  const sameAge = (a: string, b: string) => a.startsWith('age') && b.startsWith('age');
  const [b1, b2] = filter.breakdown;
  const year = Number(filter.from.slice(0, 4));
  const quarter = Math.floor((Number(filter.from.slice(5, 7)) - 1) / 3) + 1;
  const options = (exclude: string | undefined) =>
    BREAKDOWNS.filter((b) => b !== exclude && !(exclude?.startsWith('age') && b.startsWith('age'))).map((b) => (
      <option key={b} value={b}>
        {BREAKDOWN_NAMES[b][lang]}
      </option>
    ));

  return (
    <form className="statistics-filters no-print" aria-label={t('statistics.filters')} onSubmit={(e) => e.preventDefault()}>
      {views.views.length > 1 && (
        <div className="field">
          <label htmlFor="stat-view">{t('statistics.view')}</label>
          <select id="stat-view" value={filter.view} onChange={(e) => set({ view: e.target.value })}>
            {views.views.map((v) => (
              <option key={v.key} value={v.key}>
                {viewLabel(v, t, views.level)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="stat-period">{t('statistics.period')}</label>
        <select id="stat-period" value={filter.period} onChange={(e) => {
          const kind = e.target.value as StatisticsFilter['period'];
          onChange((f) => ({ ...f, period: kind, ...(kind === 'custom' ? {} : periodFor(kind, f.to)) }));
        }}>
          {(['month', 'quarter', 'year', 'custom'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`statistics.periods.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {filter.period === 'month' && (
        <div className="field">
          <label htmlFor="stat-month">{t('statistics.month')}</label>
          <input id="stat-month" type="month" value={filter.from} max={currentMonth()} onChange={(e) => e.target.value && set({ from: e.target.value, to: e.target.value })} />
        </div>
      )}
      {(filter.period === 'quarter' || filter.period === 'year') && (
        <div className="field">
          <label htmlFor="stat-year">{t('statistics.year')}</label>
          <select id="stat-year" value={year} onChange={(e) => set(periodFor(filter.period, `${e.target.value}-${filter.period === 'year' ? '01' : String((quarter - 1) * 3 + 1).padStart(2, '0')}`))}>
            {YEARS.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      )}
      {filter.period === 'quarter' && (
        <div className="field">
          <label htmlFor="stat-quarter">{t('statistics.quarter')}</label>
          <select id="stat-quarter" value={quarter} onChange={(e) => set(periodFor('quarter', `${year}-${String((Number(e.target.value) - 1) * 3 + 1).padStart(2, '0')}`))}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t('statistics.quarterN', { n: q })}
              </option>
            ))}
          </select>
        </div>
      )}
      {filter.period === 'custom' && (
        <>
          <div className="field">
            <label htmlFor="stat-from">{t('statistics.from')}</label>
            <input id="stat-from" type="month" value={filter.from} max={filter.to} onChange={(e) => e.target.value && set({ from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="stat-to">{t('statistics.to')}</label>
            <input id="stat-to" type="month" value={filter.to} min={filter.from} max={currentMonth()} onChange={(e) => e.target.value && set({ to: e.target.value })} />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="stat-breakdown1">{t('statistics.breakdown1')}</label>
        <select id="stat-breakdown1" value={b1 ?? ''} onChange={(e) => {
          const first = e.target.value;
          onChange((f) => {
            const second = f.breakdown[1];
            return { ...f, breakdown: first ? [first, ...(second && second !== first && !sameAge(second, first) ? [second] : [])] : [] };
          });
        }}>
          <option value="">{t('statistics.noBreakdown')}</option>
          {options(undefined)}
        </select>
      </div>
      {b1 && (
        <div className="field">
          <label htmlFor="stat-breakdown2">{t('statistics.breakdown2')}</label>
          <select id="stat-breakdown2" value={b2 ?? ''} onChange={(e) => {
            const second = e.target.value as Breakdown;
            onChange((f) => ({ ...f, breakdown: f.breakdown[0] ? [f.breakdown[0], ...(second ? [second] : [])] : [] }));
          }}>
            <option value="">{t('statistics.noBreakdown')}</option>
            {options(b1)}
          </select>
        </div>
      )}
    </form>
  );
}
