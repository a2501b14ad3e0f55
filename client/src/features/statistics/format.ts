import type { IndicatorDefinition, StatisticsCell } from '@sip/shared';
import { SUPPRESSION_MARKS, smallMark } from '@sip/shared';

/** A figure as the dashboard prints it: the markers of Swedish official statistics for what is hidden. */
export function formatCell(cell: StatisticsCell, kind: IndicatorDefinition['kind'], threshold: number, lang: string): string {
  if (cell.status === 'small') return kind === 'count' ? smallMark(threshold) : SUPPRESSION_MARKS.hidden;
  if (cell.status === 'hidden') return SUPPRESSION_MARKS.hidden;
  if (cell.status === 'none' || cell.value === null) return SUPPRESSION_MARKS.none;
  const locale = lang === 'en' ? 'en-GB' : 'sv-SE';
  if (kind === 'share') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(cell.value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(cell.value);
}

/** The number of cases behind a figure. */
export function formatCases(cell: StatisticsCell, threshold: number, lang: string): string {
  if (cell.status === 'small') return smallMark(threshold);
  if (cell.status === 'hidden') return SUPPRESSION_MARKS.hidden;
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE').format(cell.n ?? 0);
}

/** A chart plots only what is shown: a hidden month is a gap, never a guess. */
export const chartValue = (cell: StatisticsCell, kind: IndicatorDefinition['kind']): number | null =>
  cell.status === 'shown' && cell.value !== null ? (kind === 'share' ? Math.round(cell.value * 1000) / 10 : cell.value) : null;

export function monthLabel(month: string, lang: string, style: 'short' | 'long' = 'short'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { month: style, year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}
