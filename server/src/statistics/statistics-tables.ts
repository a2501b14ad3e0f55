import {
  CLOSING_REASONS,
  EVALUATION_MIN_ANSWERS,
  type CellStatus,
  INDICATORS,
  type IndicatorDefinition,
  type IndicatorId,
  type IndicatorResult,
  type StatisticsCell,
  type SuppressionCell,
  type SuppressionRelation,
  suppress,
  sumRelation,
} from '@sip/shared';

/** One aggregated row of stat_cube for the request: the groups are the breakdown keys ('' for none). */
export interface CubeRow {
  indicator: IndicatorId;
  month: string;
  d1: string;
  d2: string;
  category: string | null;
  value: number | null;
  n: number;
  num: number;
}

export interface TableLayout {
  from: string;
  to: string;
  trendMonths: string[];
  /** Groups of the first and second breakdown (empty: no such breakdown). */
  rowKeys: string[];
  colKeys: string[];
  /** Which of the two breakdowns is an age band (for the child's-view relation), if any. */
  ageDims: { row: 'age' | 'ageFine' | null; col: 'age' | 'ageFine' | null };
  principals: string[];
  threshold: number;
}

interface Acc {
  n: number;
  num: number;
  values: Map<number, number>;
}
const acc = (): Acc => ({ n: 0, num: 0, values: new Map() });
function add(a: Acc, r: CubeRow) {
  a.n += r.n;
  a.num += r.num;
  if (r.value !== null) a.values.set(r.value, (a.values.get(r.value) ?? 0) + r.n);
}

function median(values: Map<number, number>, n: number): number | null {
  if (n <= 0) return null;
  const sorted = [...values.entries()].sort((a, b) => a[0] - b[0]);
  const at = (k: number) => {
    let seen = 0;
    for (const [v, c] of sorted) if ((seen += c) > k) return v;
    return sorted[sorted.length - 1]![0];
  };
  return n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** Populations that are the same cases counted for two indicators: their cells must hide alike. */
const SAME_CASES: [IndicatorId, IndicatorId][] = [
  ['person_participation', 'relatives_took_part'],
  ['statutory_completeness', 'lead_and_coordinator_named'],
];
const CHILD_BANDS = new Set(['0-17', '0-6', '7-17']);
/** Indicators with a rule of their own on how few cases may be shown (evaluations: five answers). */
const MIN_CASES: Partial<Record<IndicatorId, number>> = { person_rating: EVALUATION_MIN_ANSWERS };

/**
 * Every available indicator as tables — total, rows, columns, cells, trend, own categories —
 * from the aggregated rows, with small numbers suppressed across all of them at once (the
 * relations between indicators included). Pure: the dashboard and the CSV both print this.
 */
export function buildIndicatorTables(rows: readonly CubeRow[], layout: TableLayout): IndicatorResult[] {
  const period = (month: string) => month >= layout.from && month <= layout.to;
  const oneDim = layout.rowKeys.length > 0;
  const twoDims = layout.colKeys.length > 0;
  const cells: (SuppressionCell & { kind: IndicatorDefinition['kind']; acc: Acc })[] = [];
  const relations: SuppressionRelation[] = [];
  const byIndicator = new Map<IndicatorId, CubeRow[]>();
  for (const r of rows) {
    const list = byIndicator.get(r.indicator);
    if (list) list.push(r);
    else byIndicator.set(r.indicator, [r]);
  }
  const id = (ind: IndicatorId, part: string) => `${ind}|${part}`;

  for (const def of INDICATORS) {
    if (def.status !== 'available') continue;
    const mine = byIndicator.get(def.id) ?? [];
    const stock = !!def.stock;
    const share = def.kind === 'share';
    const parts = new Map<string, Acc>();
    const get = (key: string) => parts.get(key) ?? parts.set(key, acc()).get(key)!;
    for (const r of mine) {
      // A stock's period is everything up to its end; other indicators' period is its months.
      if (stock ? r.month <= layout.to : period(r.month)) {
        add(get('t'), r);
        if (oneDim) add(get(`r:${r.d1}`), r);
        if (twoDims) {
          add(get(`c:${r.d2}`), r);
          add(get(`x:${r.d1}:${r.d2}`), r);
        }
        if (def.category) add(get(`k:${r.category}`), r);
      }
      for (const m of layout.trendMonths) if (stock ? r.month <= m : r.month === m) add(get(`m:${m}`), r);
    }
    const cell = (part: string, level: number) => {
      const a = get(part);
      cells.push({ id: id(def.id, part), n: a.n, num: share ? a.num : undefined, level, min: MIN_CASES[def.id], kind: def.kind, acc: a });
      return id(def.id, part);
    };
    const total = cell('t', 2);
    const rowIds = layout.rowKeys.map((k) => cell(`r:${k}`, twoDims ? 1 : 0));
    if (oneDim) relations.push(sumRelation(total, rowIds, share));
    if (twoDims) {
      const colIds = layout.colKeys.map((k) => cell(`c:${k}`, 1));
      relations.push(sumRelation(total, colIds, share));
      layout.rowKeys.forEach((rk, i) => {
        const xs = layout.colKeys.map((ck) => cell(`x:${rk}:${ck}`, 0));
        relations.push(sumRelation(rowIds[i]!, xs, share));
      });
      layout.colKeys.forEach((ck, j) => relations.push(sumRelation(colIds[j]!, layout.rowKeys.map((rk) => id(def.id, `x:${rk}:${ck}`)), share)));
    }
    const monthIds = layout.trendMonths.map((m) => cell(`m:${m}`, 0));
    if (stock) relations.push({ terms: [[total, 1], [monthIds[monthIds.length - 1]!, -1]] });
    else relations.push(sumRelation(total, layout.trendMonths.map((m, i) => [m, monthIds[i]!] as const).filter(([m]) => period(m)).map(([, c]) => c), share));
    if (def.category) {
      const keys = def.category === 'closing_reason' ? [...CLOSING_REASONS] : layout.principals;
      relations.push(sumRelation(total, keys.map((k) => cell(`k:${k}`, 0)), share));
    }
  }

  // Relations between indicators: a stock moves by what opened and closed…
  layout.trendMonths.forEach((m, i) => {
    if (i === 0) return;
    relations.push({
      terms: [[id('active_plans', `m:${m}`), 1], [id('active_plans', `m:${layout.trendMonths[i - 1]}`), -1], [id('new_plans', `m:${m}`), -1], [id('closings', `m:${m}`), 1]],
    });
  });
  // …the same cases counted twice are the same count…
  const parts = (ind: IndicatorId) => cells.filter((c) => c.id.startsWith(`${ind}|`)).map((c) => c.id.slice(ind.length + 1));
  for (const [a, b] of SAME_CASES) for (const part of parts(a)) relations.push({ terms: [[id(a, part), 1], [id(b, part), -1]] });
  // …and a child's plan is a plan whose first meeting was held, in the child age bands.
  for (const part of parts('child_view_recorded')) {
    const keys = part.split(':').slice(1);
    const rowAge = layout.ageDims.row && part.startsWith('r:') ? keys[0] : null;
    const xAge = part.startsWith('x:') ? (layout.ageDims.row ? keys[0] : layout.ageDims.col ? keys[1] : null) : null;
    const colAge = layout.ageDims.col && part.startsWith('c:') ? keys[0] : null;
    const band = rowAge ?? xAge ?? colAge;
    if (band && CHILD_BANDS.has(band)) relations.push({ terms: [[id('child_view_recorded', part), 1], [id('statutory_completeness', part), -1]] });
  }

  const status = suppress(cells, relations, layout.threshold);
  const byId = new Map(cells.map((c) => [c.id, c]));
  const show = (cellId: string): StatisticsCell => present(byId.get(cellId)!, status.get(cellId)!);
  return INDICATORS.map((def): IndicatorResult => {
    if (def.status !== 'available') return { id: def.id, status: def.status, total: null, rows: [], columns: [], trend: [], categories: [] };
    const at = (part: string) => show(`${def.id}|${part}`);
    return {
      id: def.id,
      status: 'available',
      total: at('t'),
      rows: layout.rowKeys.map((rk) => ({ key: rk, total: at(`r:${rk}`), cells: layout.colKeys.map((ck) => at(`x:${rk}:${ck}`)) })),
      columns: layout.colKeys.map((ck) => at(`c:${ck}`)),
      trend: layout.trendMonths.map((m) => ({ month: m, cell: at(`m:${m}`) })),
      categories: def.category
        ? (def.category === 'closing_reason' ? [...CLOSING_REASONS] : layout.principals).map((k) => ({ key: k, label: null, cell: at(`k:${k}`) }))
        : [],
    };
  });
}

function present(c: { kind: IndicatorDefinition['kind']; n: number; acc: Acc }, status: CellStatus): StatisticsCell {
  if (status === 'primary') return { status: 'small', value: null, n: null };
  if (status === 'secondary') return { status: 'hidden', value: null, n: null };
  if (c.kind === 'count') return { status: 'shown', value: c.n, n: c.n };
  if (c.n === 0) return { status: 'none', value: null, n: 0 };
  if (c.kind === 'share') return { status: 'shown', value: c.acc.num / c.n, n: c.n };
  return { status: 'shown', value: median(c.acc.values, c.n), n: c.n };
}
