/**
 * Periods are whole months (YYYY-MM, Stockholm calendar): a month, a quarter, a year or a
 * custom run of months. Statistics are kept per month, so any period is a sum of months
 * (or, for a stock, its last month).
 */
export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

// Years 1900–2199 (as dates elsewhere): a trend reaches back three years from its start.
export const MONTH_PATTERN = /^(19\d\d|2[01]\d\d)-(0[1-9]|1[0-2])$/;
/** The longest custom period, and the longest trend shown. */
export const MAX_PERIOD_MONTHS = 36;
/** A trend shows at least this many months, ending with the period's last month. */
export const TREND_MONTHS = 12;

const toIndex = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
};
const fromIndex = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

export const addMonths = (month: string, n: number): string => fromIndex(toIndex(month) + n);
export const monthsBetween = (from: string, to: string): number => toIndex(to) - toIndex(from) + 1;

/** Every month from `from` to `to`, both included. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = toIndex(from); i <= toIndex(to); i++) out.push(fromIndex(i));
  return out;
}

/** The month, quarter or year containing `month` (YYYY-MM), as a from–to pair. */
export function periodContaining(kind: Exclude<PeriodKind, 'custom'>, month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (kind === 'month') return { from: month, to: month };
  if (kind === 'year') return { from: `${y}-01`, to: `${y}-12` };
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return { from: `${y}-${String(first).padStart(2, '0')}`, to: `${y}-${String(first + 2).padStart(2, '0')}` };
}

/** The months a trend shows: the period, widened to at least TREND_MONTHS back from its end. */
export function trendMonths(from: string, to: string): string[] {
  const start = monthsBetween(from, to) >= TREND_MONTHS ? from : addMonths(to, -(TREND_MONTHS - 1));
  return monthRange(start, to);
}
