import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CellStatus, type SuppressionCell, type SuppressionRelation, pinnedCells, suppress, sumRelation } from './suppression';

const T = 5;
/** SIP_PROPERTY_RUNS=10 runs ten times as many cases. */
const RUNS = Number(process.env.SIP_PROPERTY_RUNS ?? 1);

/**
 * The attacker: knows every shown cell, every relation, and what the markers say ("<5": 1…4,
 * "..": 5 or more). For each small hidden cell and each value it could have, searches for a
 * whole-number solution of all the hidden cells (depth first, bounds narrowed through every
 * relation at each step) and reports the cells for which only one value is possible.
 * Independent of the suppression's own linear programming.
 */
function recoveredByAttacker(cells: SuppressionCell[], relations: SuppressionRelation[], status: Map<string, CellStatus>, bound: number): string[] {
  const shown = new Map(cells.filter((c) => status.get(c.id) === 'shown').map((c) => [c.id, c.n]));
  const hidden = cells.filter((c) => status.get(c.id) !== 'shown').map((c) => c.id);
  // "<5" is 1–4, or 0–4 for a part of a line whose total shows "<5" (such lines hide their zeros).
  const smallLine = (id: string) => relations.some((r) => r.total && r.total !== id && status.get(r.total) === 'primary' && r.terms.some(([t]) => t === id));
  const initial = new Map(hidden.map((id) => [id, status.get(id) === 'primary' ? [smallLine(id) ? 0 : 1, T - 1] : [T, bound]] as [string, [number, number]]));
  let budget = 500_000;

  /** Narrows every hidden cell's [lo, hi] through the relations; false when one empties. */
  function narrow(d: Map<string, [number, number]>): boolean {
    for (let changed = true; changed; ) {
      changed = false;
      for (const r of relations) {
        for (const [id, coef] of r.terms) {
          const own = d.get(id);
          if (!own) continue;
          // coef·x = −Σ others: bound the others' sum.
          let lo = 0;
          let hi = 0;
          for (const [other, c] of r.terms) {
            if (other === id) continue;
            const v = shown.get(other);
            const [a, b] = v !== undefined ? [v, v] : d.get(other) ?? [0, 0];
            lo += Math.min(c * a, c * b);
            hi += Math.max(c * a, c * b);
          }
          const [x1, x2] = [-hi / coef, -lo / coef].sort((p, q) => p - q) as [number, number];
          const next: [number, number] = [Math.max(own[0], Math.ceil(x1)), Math.min(own[1], Math.floor(x2))];
          if (next[0] > next[1]) return false;
          if (next[0] !== own[0] || next[1] !== own[1]) {
            d.set(id, next);
            changed = true;
          }
        }
      }
    }
    return true;
  }
  function solvable(d: Map<string, [number, number]>): boolean {
    if (--budget < 0) throw new Error('attacker ran out of budget');
    if (!narrow(d)) return false;
    let pick: string | null = null;
    for (const [id, [lo, hi]] of d) if (lo < hi && (!pick || hi - lo < d.get(pick)![1] - d.get(pick)![0])) pick = id;
    if (!pick) return relations.every((r) => r.terms.reduce((s, [id, c]) => s + c * (shown.get(id) ?? d.get(id)![0]), 0) === 0);
    const [lo, hi] = d.get(pick)!;
    for (let v = lo; v <= hi; v++) if (solvable(new Map(d).set(pick, [v, v]))) return true;
    return false;
  }
  return hidden
    .filter((id) => status.get(id) === 'primary' && cells.find((c) => c.id === id)!.n > 0)
    .filter((id) => {
      let possible = 0;
      for (let v = initial.get(id)![0]; v < T && possible < 2; v++) if (solvable(new Map(initial).set(id, [v, v]))) possible++;
      return possible < 2;
    });
}

function check(cells: SuppressionCell[], relations: SuppressionRelation[]) {
  const status = suppress(cells, relations, T);
  for (const c of cells) {
    // Every small count is hidden; nothing is hidden for being zero.
    if (c.n > 0 && c.n < T) expect(status.get(c.id)).toBe('primary');
    // Zeros are never "..": shown, or "<5" in a line whose total is "<5".
    if (c.n === 0) expect(status.get(c.id)).not.toBe('secondary');
    if (c.n >= T) expect(status.get(c.id)).not.toBe('primary');
  }
  const bound = 2 * cells.reduce((s, c) => Math.max(s, c.n), 0) + T;
  expect(recoveredByAttacker(cells, relations, status, bound)).toEqual([]);
  expect(pinnedCells(cells, relations, status, T)).toEqual([]);
  return status;
}

/** A two-way table with margins and a grand total; optionally a trend whose months add up to it. */
function twoWay(values: number[][], months: number[] = []) {
  const cells: SuppressionCell[] = [];
  const relations: SuppressionRelation[] = [];
  const rows = values.length;
  const cols = values[0]!.length;
  const cell = (id: string, n: number, level: number) => cells.push({ id, n, level });
  values.forEach((row, r) => row.forEach((v, c) => cell(`x${r}.${c}`, v, 0)));
  values.forEach((row, r) => cell(`r${r}`, row.reduce((a, b) => a + b, 0), 1));
  for (let c = 0; c < cols; c++) cell(`c${c}`, values.reduce((a, row) => a + row[c]!, 0), 1);
  const total = values.flat().reduce((a, b) => a + b, 0);
  cell('total', total, 2);
  for (let r = 0; r < rows; r++) relations.push(sumRelation(`r${r}`, Array.from({ length: cols }, (_, c) => `x${r}.${c}`)));
  for (let c = 0; c < cols; c++) relations.push(sumRelation(`c${c}`, Array.from({ length: rows }, (_, r) => `x${r}.${c}`)));
  relations.push(sumRelation('total', Array.from({ length: rows }, (_, r) => `r${r}`)));
  relations.push(sumRelation('total', Array.from({ length: cols }, (_, c) => `c${c}`)));
  if (months.length) {
    // The months carry the total's own cases, spread out.
    const spread = months.map((w) => w);
    const sum = spread.reduce((a, b) => a + b, 0);
    spread[spread.length - 1]! += total - sum;
    if (spread.every((m) => m >= 0)) {
      spread.forEach((m, i) => cell(`m${i}`, m, 0));
      relations.push(sumRelation('total', spread.map((_, i) => `m${i}`)));
    }
  }
  return { cells, relations };
}

const small = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 }));

describe('suppression', () => {
  it('hides a second cell beside a single small one, and not one that gives it back', () => {
    // 1 + 5 = 6: hiding the 5 would leave "<5" + "..(≥5)" = 6, i.e. exactly 1 and 5.
    const cells = [{ id: 't', n: 26, level: 2 }, { id: 'a', n: 1 }, { id: 'b', n: 5 }, { id: 'c', n: 20 }];
    const status = check(cells, [sumRelation('t', ['a', 'b', 'c'])]);
    expect(status.get('a')).toBe('primary');
    expect(status.get('c')).toBe('secondary');
  });

  it('shows the zeros of a small line as "<5", or four "<5" making a "<5" total would each be 1', () => {
    const cells = [{ id: 't', n: 4, level: 2 }, { id: 'a', n: 1 }, { id: 'b', n: 1 }, { id: 'c', n: 1 }, { id: 'd', n: 1 }, { id: 'e', n: 0 }];
    const status = check(cells, [sumRelation('t', ['a', 'b', 'c', 'd', 'e'])]);
    expect(status.get('e')).toBe('primary');
  });

  it('keeps a cell\'s own higher minimum (evaluations: five answers) under a lower threshold, and protects it', () => {
    // Threshold 2, the cells' own minimum 5: 4 is small, and 6 beside it must hide or 10 − 6 gives it back.
    const cells = [{ id: 't', n: 10, level: 2, min: 5 }, { id: 'a', n: 4, min: 5 }, { id: 'b', n: 6, min: 5 }];
    const status = suppress(cells, [sumRelation('t', ['a', 'b'])], 2);
    expect(status.get('a')).toBe('primary');
    expect(status.get('b')).toBe('secondary');
    expect(suppress(cells.map((c) => ({ ...c, min: undefined })), [sumRelation('t', ['a', 'b'])], 2).get('a')).toBe('shown');
  });

  it('leaves a table without small numbers alone', () => {
    const { cells, relations } = twoWay([[10, 20], [30, 0]]);
    expect([...suppress(cells, relations, T).values()].every((s) => s === 'shown')).toBe(true);
  });

  it('protects a small cell in a two-way table through both its row and column', () => {
    const { cells, relations } = twoWay([[2, 20, 30], [15, 25, 40]]);
    const status = check(cells, relations);
    expect([...status.values()].filter((s) => s !== 'shown').length).toBeGreaterThanOrEqual(4);
    expect(status.get('total')).toBe('shown');
  });

  it('property: no small count in a one-way table can be worked out', () => {
    fc.assert(
      fc.property(fc.array(small, { minLength: 2, maxLength: 6 }), (parts) => {
        const cells: SuppressionCell[] = parts.map((n, i) => ({ id: `p${i}`, n }));
        cells.push({ id: 't', n: parts.reduce((a, b) => a + b, 0), level: 2 });
        check(cells, [sumRelation('t', parts.map((_, i) => `p${i}`))]);
      }),
      { numRuns: 300 * RUNS },
    );
  });

  it('property: no small count in a two-way table with margins and a trend can be worked out', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }).chain((rows) =>
          fc.tuple(fc.array(fc.array(small, { minLength: 3, maxLength: 3 }), { minLength: rows, maxLength: rows }), fc.array(small, { maxLength: 4 })),
        ),
        ([values, months]) => {
          const { cells, relations } = twoWay(values, months);
          check(cells, relations);
        },
      ),
      { numRuns: 150 * RUNS },
    );
  });

  it('property: a stock and its flows (opened, closed) never give a small month back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 60 }), fc.array(fc.tuple(small, small), { minLength: 2, maxLength: 5 }), (start, flows) => {
        const cells: SuppressionCell[] = [];
        const relations: SuppressionRelation[] = [];
        let stock = start;
        flows.forEach(([opened, closed], m) => {
          closed = Math.min(closed, stock + opened);
          stock = stock + opened - closed;
          cells.push({ id: `A${m}`, n: stock }, { id: `N${m}`, n: opened }, { id: `X${m}`, n: closed });
          // The stock moves by what opened and what closed.
          if (m > 0) relations.push({ terms: [[`A${m}`, 1], [`A${m - 1}`, -1], [`N${m}`, -1], [`X${m}`, 1]] });
        });
        const sum = (p: string) => flows.reduce((s, _, m) => s + cells.find((c) => c.id === `${p}${m}`)!.n, 0);
        cells.push({ id: 'Ntot', n: sum('N'), level: 2 }, { id: 'Xtot', n: sum('X'), level: 2 }, { id: 'Atot', n: stock, level: 2 });
        relations.push(sumRelation('Ntot', flows.map((_, m) => `N${m}`)), sumRelation('Xtot', flows.map((_, m) => `X${m}`)));
        relations.push({ terms: [['Atot', 1], [`A${flows.length - 1}`, -1]] });
        check(cells, relations);
      }),
      { numRuns: 150 * RUNS },
    );
  });

  it('property: a hidden share is never pinned to 0 % or 100 % by its line', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(small, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 2, maxLength: 5 }), (parts) => {
        const cells: SuppressionCell[] = parts.map(([n, f], i) => ({ id: `p${i}`, n, num: Math.round(n * f) }));
        const total = { id: 't', n: cells.reduce((s, c) => s + c.n, 0), num: cells.reduce((s, c) => s + c.num!, 0), level: 2 };
        const relation = sumRelation('t', cells.map((c) => c.id), true);
        const status = suppress([...cells, total], [relation], T);
        expect(pinnedCells([...cells, total], [relation], status, T)).toEqual([]);
        if (status.get('t') !== 'shown' || total.num === 0 || total.num === total.n) return;
        const hidden = cells.filter((c) => status.get(c.id) !== 'shown');
        const k = total.num - cells.filter((c) => status.get(c.id) === 'shown').reduce((s, c) => s + c.num!, 0);
        const d = total.n - cells.filter((c) => status.get(c.id) === 'shown').reduce((s, c) => s + c.n, 0);
        // With something small hidden, the hidden numerators are neither all nothing nor all.
        if (hidden.some((c) => status.get(c.id) === 'primary')) expect(k > 0 && k < d).toBe(true);
      }),
      { numRuns: 300 * RUNS },
    );
  });
});
