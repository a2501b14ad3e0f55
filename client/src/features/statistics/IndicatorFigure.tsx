import { useTranslation } from 'react-i18next';
import {
  BREAKDOWN_NAMES,
  CLOSING_REASON_NAMES,
  type ClosingReason,
  type IndicatorDefinition,
  type IndicatorResult,
  type StatisticsCell,
  type StatisticsResult,
  UNIT_NAMES,
  groupLabel,
} from '@sip/shared';
import { formatCases, formatCell } from './format';
import { TrendChart } from './TrendChart';

/**
 * One indicator: its figure for the period, what it means (beside the figure, as the
 * issue asks), its breakdown and its own categories as tables, and its trend. Nothing in it
 * links to a plan or a person.
 */
export function IndicatorFigure({ def, result, data }: { def: IndicatorDefinition; result: IndicatorResult; data: StatisticsResult }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const text = def.text[lang];
  const headingId = `indicator-${def.id}-heading`;
  const threshold = data.threshold;
  const value = (c: StatisticsCell) => formatCell(c, def.kind, threshold, lang);
  // A median is in days, over plans.
  const unitName = UNIT_NAMES[def.kind === 'median' ? 'plans' : def.unit][lang];
  const cases = (c: StatisticsCell) =>
    def.kind === 'share'
      ? t('statistics.ofCases', { n: formatCases(c, threshold, lang), unit: unitName })
      : def.kind === 'median'
        ? t('statistics.medianCases', { n: formatCases(c, threshold, lang), unit: unitName })
        : unitName;
  const [b1, b2] = data.breakdown;
  const label = (b: typeof b1, g: { key: string; label: string | null }) => groupLabel(b!, g.key, lang, g.label);

  return (
    <article className={`card indicator indicator-${def.status}`} id={`indicator-${def.id}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{text.name}</h2>
      <div className="indicator-body">
        <div className="indicator-figure">
          {result.total ? (
            <>
              <p className="figure-value" data-testid={`figure-${def.id}`}>
                {value(result.total)}
                {def.kind === 'median' && result.total.status === 'shown' && <span className="figure-unit"> {t('statistics.daysUnit')}</span>}
              </p>
              <p className="figure-cases">{cases(result.total)}</p>
            </>
          ) : (
            <p className="badge">{t('statistics.notYet')}</p>
          )}
        </div>
        <div className="indicator-definition">
          <p>{text.definition}</p>
          <dl>
            {def.kind === 'share' && (
              <>
                <dt>{t('statistics.numerator')}</dt>
                <dd>{text.numerator}</dd>
                <dt>{t('statistics.denominator')}</dt>
                <dd>{text.denominator}</dd>
              </>
            )}
            {def.kind === 'median' && (
              <>
                <dt>{t('statistics.median')}</dt>
                <dd>{text.numerator}</dd>
                <dt>{t('statistics.among')}</dt>
                <dd>{text.denominator}</dd>
              </>
            )}
            {def.kind === 'count' && (
              <>
                <dt>{t('statistics.counts')}</dt>
                <dd>{text.denominator}</dd>
              </>
            )}
            <dt>{t('statistics.event')}</dt>
            <dd>{text.event}</dd>
          </dl>
          {def.awaits && <p className="hint">{def.awaits[lang]}</p>}
        </div>
      </div>

      {result.total && b1 && (
        <div className="table-scroll">
          <table className="breakdown-table">
            <caption>{t('statistics.breakdownCaption', { name: text.name, by: [b1, b2].filter(Boolean).map((b) => BREAKDOWN_NAMES[b!][lang].toLowerCase()).join(' × ') })}</caption>
            <thead>
              <tr>
                <th scope="col">{BREAKDOWN_NAMES[b1][lang]}</th>
                {b2 && data.columnGroups.map((g) => <th scope="col" key={g.key}>{label(b2, g)}</th>)}
                <th scope="col">{b2 ? t('statistics.total') : t('statistics.value')}</th>
                {!b2 && def.kind !== 'count' && <th scope="col">{t('statistics.cases')}</th>}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row, i) => (
                <tr key={row.key}>
                  <th scope="row">{label(b1, data.rowGroups[i]!)}</th>
                  {row.cells.map((c, j) => <td key={data.columnGroups[j]!.key}>{value(c)}</td>)}
                  <td>{value(row.total)}</td>
                  {!b2 && def.kind !== 'count' && <td>{formatCases(row.total, threshold, lang)}</td>}
                </tr>
              ))}
            </tbody>
            {b2 && (
              <tfoot>
                <tr>
                  <th scope="row">{t('statistics.total')}</th>
                  {result.columns.map((c, j) => <td key={data.columnGroups[j]!.key}>{value(c)}</td>)}
                  <td>{value(result.total)}</td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}

      {result.categories.length > 0 && (
        <div className="table-scroll">
          <table className="breakdown-table">
            <caption>
              {t('statistics.categoriesCaption', { name: text.name, by: t(def.category === 'closing_reason' ? 'statistics.categoryClosing' : 'statistics.categoryPrincipal') })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(def.category === 'closing_reason' ? 'statistics.categoryClosing' : 'statistics.categoryPrincipal')}</th>
                <th scope="col">{t('statistics.value')}</th>
                {def.kind !== 'count' && <th scope="col">{t('statistics.cases')}</th>}
              </tr>
            </thead>
            <tbody>
              {result.categories.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.label ?? CLOSING_REASON_NAMES[c.key as ClosingReason]?.[lang] ?? c.key}</th>
                  <td>{value(c.cell)}</td>
                  {def.kind !== 'count' && <td>{formatCases(c.cell, threshold, lang)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {result.total && <TrendChart def={def} result={result} threshold={threshold} />}
    </article>
  );
}
