import { type LinearSystem, variableRange } from './linear-range';

/**
 * Small numbers never identify anyone. Pure: the server runs it on every table before it is
 * shown or exported; the tests try to undo it.
 *
 * - **Primary**: a count of persons (a count, a share's denominator, a median's number of
 *   cases) from 1 to threshold − 1 is hidden — shown as "<5" for a count; a share or median
 *   over it is not shown at all. In a line whose total is itself small, zeros are shown as
 *   "<5" too (true: 0 is fewer than 5), or counting the non-zero parts would pin them.
 * - **Secondary**: every relation the reader knows — a total is the sum of its parts, a
 *   period the sum of its months, a stock moves by what opened and closed — could give a hidden
 *   value back. Further cells (".." — never a zero, and so always at least the threshold) are
 *   hidden until no primary cell's value can be worked out exactly from what is shown: for
 *   each one, the smallest and largest value consistent with every shown cell, every relation
 *   and what the markers say ("<5": 1…threshold − 1, "..": threshold or more) differ. The
 *   range is found by linear programming over all the relations at once, so chains through
 *   several tables count too. A share's numerator is protected too: a hidden share cannot be
 *   pinned to 0 % or 100 % by a line whose shown total is neither.
 *
 * Cells to hide are chosen cheapest first: parts before margins before the headline figure,
 * smaller before larger.
 */

export type CellStatus = 'shown' | 'primary' | 'secondary';

export interface SuppressionCell {
  id: string;
  /** The count of persons (or cases) the cell rests on. */
  n: number;
  /** A share's numerator. */
  num?: number;
  /** 0: a part; 1: a margin; 2: the headline. Higher is dearer to hide. */
  level?: number;
  /**
   * A higher minimum than the threshold for this cell (an indicator whose own rule asks for
   * more cases, e.g. evaluations shown only over five answers): below it the cell is small.
   */
  min?: number;
}

/** The fewest cases a cell may be shown on: the threshold, or the cell's own higher minimum. */
const floorOf = (c: SuppressionCell | undefined, threshold: number) => Math.max(threshold, c?.min ?? 0);

/** Σ coefficient · n = 0 over the cells (and over the numerators, when `numerators`). */
export interface SuppressionRelation {
  terms: readonly (readonly [string, number])[];
  /** The numerators of shares obey the relation too. */
  numerators?: boolean;
  /** For a sum: the total (the term with coefficient −1). */
  total?: string;
}

/** total = Σ parts. */
export function sumRelation(total: string, parts: readonly string[], numerators = false): SuppressionRelation {
  return { terms: [[total, -1], ...parts.map((p) => [p, 1] as const)], numerators, total };
}

export function suppress(cells: readonly SuppressionCell[], relations: readonly SuppressionRelation[], threshold: number): Map<string, CellStatus> {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const status = new Map<string, CellStatus>(cells.map((c) => [c.id, c.n > 0 && c.n < floorOf(c, threshold) ? 'primary' : 'shown']));
  // In a line whose total is small, every part is small too — zeros included, or counting
  // the non-zero parts would give each of them away (a total "<5" made of four "<5" is 4 × 1).
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of relations) {
      if (!r.total || status.get(r.total) !== 'primary') continue;
      for (const [id] of r.terms) if (status.get(id) === 'shown' && byId.get(id)?.n === 0) status.set(id, 'primary'), (changed = true);
    }
  }
  const hidden = (id: string) => status.get(id) !== 'shown';
  const relationsOf = new Map<string, SuppressionRelation[]>();
  for (const r of relations) for (const [id] of r.terms) relationsOf.set(id, [...(relationsOf.get(id) ?? []), r]);

  const cheapest = (ids: Iterable<string>, accept: (c: SuppressionCell) => boolean = () => true): string | null => {
    let best: SuppressionCell | null = null;
    for (const id of ids) {
      const c = byId.get(id)!;
      if (hidden(id) || c.n < floorOf(c, threshold) || !accept(c)) continue;
      if (!best || (c.level ?? 0) < (best.level ?? 0) || ((c.level ?? 0) === (best.level ?? 0) && c.n < best.n)) best = c;
    }
    return best?.id ?? null;
  };
  const hide = (id: string) => status.set(id, 'secondary');
  const safe = new Set<string>();

  for (let round = 0, stuck = false; round < cells.length + 1 && !stuck; round++) {
    // A relation with a single hidden cell gives it back by subtraction.
    let changed = false;
    for (const r of relations) {
      const inRelation = r.terms.map(([id]) => id);
      if (inRelation.filter(hidden).length !== 1) continue;
      const pick = cheapest(inRelation);
      if (pick) {
        hide(pick);
        changed = true;
      }
    }
    if (changed) continue;
    // Chains through several relations: hide more next to the first primary cell still pinned.
    const pinned = pinnedCells(cells, relations, status, threshold, safe)[0] ?? numeratorPinned(byId, relations, status, threshold);
    if (!pinned) break;
    const pick = nearestCandidate(pinned, relationsOf, hidden, cheapest, byId);
    if (pick) {
      hide(pick);
      continue;
    }
    // Nothing left to hide next to it: hide the whole connected table.
    stuck = true;
    for (const id of connected(pinned, relationsOf)) if (!hidden(id) && byId.get(id)!.n >= floorOf(byId.get(id), threshold)) hide(id), (stuck = false);
  }
  return status;
}

/** Cheapest candidate in the relations of `start`, then of the hidden cells reached through them. */
function nearestCandidate(
  start: string,
  relationsOf: Map<string, SuppressionRelation[]>,
  hidden: (id: string) => boolean,
  cheapest: (ids: Iterable<string>) => string | null,
  byId: Map<string, SuppressionCell>,
): string | null {
  const seen = new Set([start]);
  let frontier = [start];
  while (frontier.length) {
    const ids = new Set<string>();
    for (const id of frontier) for (const r of relationsOf.get(id) ?? []) for (const [other] of r.terms) ids.add(other);
    const pick = cheapest(ids);
    if (pick) return pick;
    frontier = [...ids].filter((id) => hidden(id) && !seen.has(id) && byId.has(id));
    for (const id of frontier) seen.add(id);
  }
  return null;
}

function connected(start: string, relationsOf: Map<string, SuppressionRelation[]>): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    for (const r of relationsOf.get(queue.pop()!) ?? []) for (const [id] of r.terms) if (!seen.has(id)) seen.add(id), queue.push(id);
  }
  return seen;
}

/**
 * Primary cells whose value the shown cells and the relations pin to a single whole number
 * (the attacker's best: the exact range by linear programming). Empty when the table is safe.
 * `safe` remembers cells already shown to have two possible values: hiding more cells only
 * widens what is possible, so they stay safe.
 */
export function pinnedCells(
  cells: readonly SuppressionCell[],
  relations: readonly SuppressionRelation[],
  status: ReadonlyMap<string, CellStatus>,
  threshold: number,
  safe: Set<string> = new Set(),
): string[] {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const hiddenIds = cells.filter((c) => status.get(c.id) !== 'shown').map((c) => c.id);
  if (!hiddenIds.some((id) => status.get(id) === 'primary' && !safe.has(id) && byId.get(id)!.n > 0)) return [];
  // Connected groups of hidden cells: each is solved on its own (the tables are independent).
  const parent = new Map(hiddenIds.map((id) => [id, id]));
  const find = (id: string): string => (parent.get(id) === id ? id : find(parent.get(id)!));
  const involved = relations.filter((r) => r.terms.some(([id]) => parent.has(id)));
  for (const r of involved) {
    const ids = r.terms.map(([id]) => id).filter((id) => parent.has(id));
    for (const id of ids.slice(1)) parent.set(find(id), find(ids[0]!));
  }
  const groups = new Map<string, string[]>();
  for (const id of hiddenIds) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);

  const pinned: string[] = [];
  for (const group of groups.values()) {
    if (!group.some((id) => status.get(id) === 'primary' && !safe.has(id) && byId.get(id)!.n > 0)) continue;
    const index = new Map(group.map((id, i) => [id, i]));
    const rows = involved
      .filter((r) => r.terms.some(([id]) => index.has(id)))
      .map((r) => {
        const a = new Array<number>(group.length).fill(0);
        let b = 0;
        for (const [id, coef] of r.terms) {
          const i = index.get(id);
          if (i !== undefined) a[i]! += coef;
          else b -= coef * (byId.get(id)?.n ?? 0);
        }
        return { a, b };
      });
    const system: LinearSystem = {
      n: group.length,
      rows,
      lower: group.map((id) => (status.get(id) === 'primary' ? lowerBound(id, status, relations, threshold) : floorOf(byId.get(id), threshold))),
      upper: group.map((id) => (status.get(id) === 'primary' ? floorOf(byId.get(id), threshold) - 1 : Infinity)),
    };
    const truth = group.map((id) => byId.get(id)!.n);
    for (const id of group) {
      // Only a real small count needs protecting; a zero shown as "<5" may be worked out.
      if (status.get(id) !== 'primary' || safe.has(id) || byId.get(id)!.n === 0) continue;
      const k = index.get(id)!;
      // Cheap first: another whole-number solution next to the true one proves two values.
      if (witness(system, truth, k, 1) || witness(system, truth, k, -1)) {
        safe.add(id);
        continue;
      }
      const range = variableRange(system, k);
      // Whole numbers only: a range holding a single integer gives the value away.
      if (!range || Math.floor(range.max + 1e-6) - Math.ceil(range.min - 1e-6) < 1) pinned.push(id);
      else safe.add(id);
    }
  }
  return pinned;
}

/**
 * What the markers tell a reader: ".." is at least the threshold (zeros are never hidden as
 * ".."); "<5" is 1 to threshold − 1 — or 0 to threshold − 1 where the cell is a part of a line
 * whose total is itself "<5", since such lines show their zeros as "<5" too.
 */
export function lowerBound(id: string, status: ReadonlyMap<string, CellStatus>, relations: readonly SuppressionRelation[], threshold: number): number {
  if (status.get(id) !== 'primary') return threshold;
  const inSmallLine = relations.some((r) => r.total && r.total !== id && status.get(r.total) === 'primary' && r.terms.some(([t]) => t === id));
  return inSmallLine ? 0 : 1;
}

/**
 * Searches (depth first, bounds narrowed through every row at each step, values tried nearest
 * the true ones first, a small budget) for a whole-number solution with variable k moved by
 * `step` from its true value. True: found. False: not found within the budget (the caller then
 * asks the linear program).
 */
function witness(system: LinearSystem, truth: number[], k: number, step: number): boolean {
  const start = truth[k]! + step;
  if (start < system.lower[k]! || start > system.upper[k]!) return false;
  let budget = 400;
  const narrow = (lo: number[], hi: number[]): boolean => {
    for (let changed = true, passes = 0; changed && passes < 50; passes++) {
      changed = false;
      for (const { a, b } of system.rows) {
        for (let i = 0; i < a.length; i++) {
          const ai = a[i]!;
          if (!ai) continue;
          // ai·x_i = b − Σ_{j≠i} a_j·x_j
          let min = b;
          let max = b;
          for (let j = 0; j < a.length; j++) {
            const aj = a[j]!;
            if (j === i || !aj) continue;
            min -= aj > 0 ? aj * hi[j]! : aj * lo[j]!;
            max -= aj > 0 ? aj * lo[j]! : aj * hi[j]!;
          }
          const [x1, x2] = ai > 0 ? [min / ai, max / ai] : [max / ai, min / ai];
          const nlo = Math.max(lo[i]!, Math.ceil(x1 - 1e-9));
          const nhi = Math.min(hi[i]!, Math.floor(x2 + 1e-9));
          if (nlo > nhi) return false;
          if (nlo !== lo[i] || nhi !== hi[i]) {
            lo[i] = nlo;
            hi[i] = nhi;
            changed = true;
          }
        }
      }
    }
    return true;
  };
  const search = (lo: number[], hi: number[]): boolean => {
    if (--budget < 0 || !narrow(lo, hi)) return false;
    let pick = -1;
    for (let i = 0; i < lo.length; i++) if (lo[i]! < hi[i]! && (pick < 0 || hi[i]! - lo[i]! < hi[pick]! - lo[pick]!)) pick = i;
    if (pick < 0) return true;
    const want = Math.min(hi[pick]!, Math.max(lo[pick]!, truth[pick]!));
    for (let d = 0; d <= 6; d++) {
      for (const v of d ? [want + d, want - d] : [want]) {
        if (v < lo[pick]! || v > hi[pick]!) continue;
        const l = [...lo];
        const h = [...hi];
        l[pick] = h[pick] = v;
        if (search(l, h)) return true;
        if (budget < 0) return false;
      }
    }
    return false;
  };
  const lo = [...system.lower];
  const hi = system.upper.map((u) => (Number.isFinite(u) ? u : 1e9));
  lo[k] = hi[k] = start;
  return search(lo, hi);
}

/**
 * A hidden share whose line (shown total, the rest of the parts shown) leaves a hidden
 * numerator sum of 0 or equal to the hidden denominators: every hidden share in the line is
 * then 0 % or 100 %. Not when the shown total is itself 0 % or 100 % (then it says so anyway).
 */
export function numeratorPinned(
  byId: ReadonlyMap<string, SuppressionCell>,
  relations: readonly SuppressionRelation[],
  status: ReadonlyMap<string, CellStatus>,
  threshold: number,
): string | null {
  void threshold;
  for (const r of relations) {
    if (!r.numerators || !r.total || status.get(r.total) !== 'shown') continue;
    const total = byId.get(r.total)!;
    const parts = r.terms.map(([id]) => id).filter((id) => id !== r.total);
    const hiddenParts = parts.filter((id) => status.get(id) !== 'shown');
    if (!hiddenParts.length || !hiddenParts.some((id) => status.get(id) === 'primary')) continue;
    const shown = parts.filter((id) => status.get(id) === 'shown').map((id) => byId.get(id)!);
    const k = (total.num ?? 0) - shown.reduce((s, c) => s + (c.num ?? 0), 0);
    const d = total.n - shown.reduce((s, c) => s + c.n, 0);
    const totalAllOrNone = (total.num ?? 0) === 0 || total.num === total.n;
    if (!totalAllOrNone && (k === 0 || k === d)) return hiddenParts.find((id) => status.get(id) === 'primary')!;
  }
  return null;
}
