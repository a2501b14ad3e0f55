/**
 * The range a variable can take under linear equalities and bounds — what an attacker who
 * knows every shown cell and every relation between cells can work out about a hidden one.
 * A small two-phase simplex with Bland's rule (no cycling), for the few dozen variables of a
 * statistics table; exact enough in floating point for sums of small integers.
 */

export interface LinearSystem {
  /** Number of variables. */
  n: number;
  /** Each row: coefficients (length n) and right-hand side: Σ a·x = b. */
  rows: { a: number[]; b: number }[];
  lower: number[];
  /** Infinity for no upper bound. */
  upper: number[];
}

const EPS = 1e-9;

/** Minimises c·y subject to T (canonical for `basis`), y ≥ 0. Returns the optimum or -Infinity (unbounded). */
function simplex(T: number[][], basis: number[], cost: number[], allowed: (j: number) => boolean): number {
  const m = T.length;
  const cols = cost.length;
  for (let iteration = 0; iteration < 10_000; iteration++) {
    let entering = -1;
    for (let j = 0; j < cols && entering < 0; j++) {
      if (!allowed(j) || basis.includes(j)) continue;
      let reduced = cost[j]!;
      for (let i = 0; i < m; i++) reduced -= cost[basis[i]!]! * T[i]![j]!;
      if (reduced < -EPS) entering = j;
    }
    if (entering < 0) {
      let value = 0;
      for (let i = 0; i < m; i++) value += cost[basis[i]!]! * T[i]![cols]!;
      return value;
    }
    let leaving = -1;
    let best = Infinity;
    for (let i = 0; i < m; i++) {
      const a = T[i]![entering]!;
      if (a <= EPS) continue;
      const ratio = T[i]![cols]! / a;
      if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i]! < basis[leaving]!)) {
        best = ratio;
        leaving = i;
      }
    }
    if (leaving < 0) return -Infinity;
    pivot(T, leaving, entering);
    basis[leaving] = entering;
  }
  throw new Error('simplex did not converge');
}

function pivot(T: number[][], r: number, c: number) {
  const row = T[r]!;
  const p = row[c]!;
  for (let j = 0; j < row.length; j++) row[j]! /= p;
  for (let i = 0; i < T.length; i++) {
    if (i === r) continue;
    const f = T[i]![c]!;
    if (Math.abs(f) <= EPS) continue;
    const other = T[i]!;
    for (let j = 0; j < row.length; j++) other[j]! -= f * row[j]!;
  }
}

/**
 * The smallest and largest value of variable k over the feasible set, or null when the
 * system has no solution. max is Infinity when k is unbounded above.
 */
export function variableRange(system: LinearSystem, k: number): { min: number; max: number } | null {
  return rangeOf(system, Array.from({ length: system.n }, (_, j) => (j === k ? 1 : 0)));
}

/** The smallest and largest value of the linear form Σ w·x over the feasible set. */
export function rangeOf(system: LinearSystem, weights: number[]): { min: number; max: number } | null {
  const low = optimise(system, weights);
  if (low === null) return null;
  const high = optimise(system, weights.map((w) => -w));
  return { min: low, max: high === -Infinity ? Infinity : -(high as number) };
}

/** min Σ w·x, or null (infeasible), or -Infinity (unbounded below). */
function optimise(system: LinearSystem, w: number[]): number | null {
  const { n, rows, lower, upper } = system;
  // x = lower + y, y ≥ 0; a finite upper bound becomes y + s = upper − lower.
  const bounded = upper.map((u, j) => (Number.isFinite(u) ? j : -1)).filter((j) => j >= 0);
  const cols = n + bounded.length;
  const constraints: { a: number[]; b: number }[] = [];
  for (const row of rows) {
    const a = new Array<number>(cols).fill(0);
    let b = row.b;
    for (let j = 0; j < n; j++) {
      a[j] = row.a[j]!;
      b -= row.a[j]! * lower[j]!;
    }
    constraints.push({ a, b });
  }
  bounded.forEach((j, s) => {
    const a = new Array<number>(cols).fill(0);
    a[j] = 1;
    a[n + s] = 1;
    constraints.push({ a, b: upper[j]! - lower[j]! });
  });
  const m = constraints.length;
  // Phase one: an artificial variable per row finds a feasible basis.
  const width = cols + m;
  const T = constraints.map(({ a, b }, i) => {
    const sign = b < 0 ? -1 : 1;
    const row = new Array<number>(width + 1).fill(0);
    for (let j = 0; j < cols; j++) row[j] = sign * a[j]!;
    row[cols + i] = 1;
    row[width] = sign * b;
    return row;
  });
  const basis = Array.from({ length: m }, (_, i) => cols + i);
  const phaseOne = Array.from({ length: width }, (_, j) => (j >= cols ? 1 : 0));
  const infeasibility = simplex(T, basis, phaseOne, () => true);
  if (infeasibility > 1e-7) return null;
  // Drive artificial variables out of the basis; a row where that is impossible is redundant.
  for (let i = m - 1; i >= 0; i--) {
    if (basis[i]! < cols) continue;
    const j = T[i]!.findIndex((v, c) => c < cols && Math.abs(v) > 1e-7);
    if (j >= 0) {
      pivot(T, i, j);
      basis[i] = j;
    } else {
      T.splice(i, 1);
      basis.splice(i, 1);
    }
  }
  const cost = Array.from({ length: width }, (_, j) => (j < n ? w[j]! : 0));
  const value = simplex(T, basis, cost, (j) => j < cols);
  if (value === -Infinity) return -Infinity;
  return value + w.reduce((sum, wj, j) => sum + wj * lower[j]!, 0);
}
