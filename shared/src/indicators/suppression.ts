import { type LinearSystem, variableRange } from './linear-range';

/**
 * Small numbers never identify anyone. Pure: the server runs it on every table before it is
 * shown or exported; the tests try to undo it.
 *
 * - **Primary**: a count of persons (a count, a share's denominator, a median's number of
 *   cases) from 1 to threshold − 1 is hidden — shown as "<5" for a count; a share or median
 *   over it is not shown at all.
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
}

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
  const status = new Map<string, CellStatus>(cells.map((c) => [c.id, c.n > 0 && c.n < threshold ? 'primary' : 'shown']));
  const hidden = (id: string) => status.get(id) !== 'shown';
  const relationsOf = new Map<string, SuppressionRelation[]>();
  for (const r of relations) for (const [id] of r.terms) relationsOf.set(id, [...(relationsOf.get(id) ?? []), r]);

  const cheapest = (ids: Iterable<string>, accept: (c: SuppressionCell) => boolean = () => true): string | null => {
    let best: SuppressionCell | null = null;
    for (const id of ids) {
      const c = byId.get(id)!;
      if (hidden(id) || c.n < threshold || !accept(c)) continue;
      if (!best || (c.level ?? 0) < (best.level ?? 0) || ((c.level ?? 0) === (best.level ?? 0) && c.n < best.n)) best = c;
    }
    return best?.id ?? null;
  };
  const hide = (id: string) => status.set(id, 'secondary');

  for (let round = 0; round < cells.length + 1; round++) {
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
    const pinned = pinnedCells(cells, relations, status, threshold)[0] ?? numeratorPinned(byId, relations, status, threshold);
    if (!pinned) break;
    const pick = nearestCandidate(pinned, relationsOf, hidden, cheapest, byId);
    if (pick) {
      hide(pick);
      continue;
    }
    // Nothing left to hide next to it: hide the whole connected table.
    for (const id of connected(pinned, relationsOf)) if (!hidden(id) && byId.get(id)!.n > 0) hide(id);
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
 */
export function pinnedCells(
  cells: readonly SuppressionCell[],
  relations: readonly SuppressionRelation[],
  status: ReadonlyMap<string, CellStatus>,
  threshold: number,
): string[] {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const hiddenIds = cells.filter((c) => status.get(c.id) !== 'shown').map((c) => c.id);
  if (!hiddenIds.some((id) => status.get(id) === 'primary')) return [];
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
    if (!group.some((id) => status.get(id) === 'primary')) continue;
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
      lower: group.map((id) => (status.get(id) === 'primary' ? 1 : threshold)),
      upper: group.map((id) => (status.get(id) === 'primary' ? threshold - 1 : Infinity)),
    };
    for (const id of group) {
      if (status.get(id) !== 'primary') continue;
      const range = variableRange(system, index.get(id)!);
      // Whole numbers only: a range holding a single integer gives the value away.
      if (!range || Math.floor(range.max + 1e-6) - Math.ceil(range.min - 1e-6) < 1) pinned.push(id);
    }
  }
  return pinned;
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
