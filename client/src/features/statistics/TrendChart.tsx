import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IndicatorDefinition, IndicatorResult } from '@sip/shared';
import { chartValue, formatCases, formatCell, monthLabel } from './format';

/**
 * An indicator month by month: a line chart (Recharts, with its keyboard and screen-reader
 * layer) that plots only the months shown, and the same data as a table beside it.
 */
export function TrendChart({ def, result, threshold }: { def: IndicatorDefinition; result: IndicatorResult; threshold: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const name = def.text[lang === 'en' ? 'en' : 'sv'].name;
  const unit = def.kind === 'share' ? '%' : def.kind === 'median' ? t('statistics.daysUnit') : '';
  const data = result.trend.map((p) => ({ month: monthLabel(p.month, lang), value: chartValue(p.cell, def.kind) }));
  const captionId = `trend-${def.id}`;
  return (
    <figure className="trend" aria-labelledby={captionId}>
      <figcaption id={captionId}>{t('statistics.trend')}</figcaption>
      <div className="trend-chart">
        <ResponsiveContainer width="100%" height={180}>
          <LineChart data={data} accessibilityLayer title={t('statistics.trendCaption', { name })} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#d6dbe1" strokeDasharray="3 3" />
            <XAxis dataKey="month" tick={{ fontSize: 11, fill: '#3d4752' }} interval="preserveStartEnd" />
            <YAxis tick={{ fontSize: 11, fill: '#3d4752' }} width={40} allowDecimals={def.kind !== 'count'} domain={def.kind === 'share' ? [0, 100] : [0, 'auto']} unit={def.kind === 'share' ? '%' : undefined} />
            <Tooltip formatter={(v) => [`${v} ${unit}`.trim(), name]} />
            <Line type="monotone" dataKey="value" name={name} stroke="#1f5f8b" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="trend-table">
        <summary>{t('statistics.trendTable')}</summary>
        <div className="table-scroll">
          <table>
            <caption>{t('statistics.trendCaption', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statistics.month')}</th>
                <th scope="col">{t('statistics.value')}</th>
                {def.kind !== 'count' && <th scope="col">{t('statistics.cases')}</th>}
              </tr>
            </thead>
            <tbody>
              {result.trend.map((p) => (
                <tr key={p.month}>
                  <th scope="row">{monthLabel(p.month, lang, 'long')}</th>
                  <td>{formatCell(p.cell, def.kind, threshold, lang)}</td>
                  {def.kind !== 'count' && <td>{formatCases(p.cell, threshold, lang)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
