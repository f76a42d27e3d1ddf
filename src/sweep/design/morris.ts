/**
 * Returns the step of a Morris design on a p-level grid, p / (2(p − 1)): half the levels, so
 * that every level is the start of exactly one step (Morris 1991).
 *
 *   morrisDelta(4) // 2/3
 */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/**
 * Returns r random one-at-a-time trajectories of d + 1 points each on the grid {0, 1/(p−1), …, 1}^d
 * (Morris 1991; Campolongo, Cariboni & Saltelli 2007): consecutive points differ in exactly one
 * factor, by ±Δ = morrisDelta(p), and each factor moves once per trajectory. For each trajectory
 * it draws, from `rand`, a base level and a direction for every factor, then the order in which
 * factors move (d − 1 draws, Fisher–Yates). Throws a RangeError unless p is an even integer of at
 * least 2: with odd p the step falls between grid levels, which is a caller bug. Pass undefined
 * for the default of 4 levels. d = 0 gives r trajectories of the single empty point.
 *
 *   morrisTrajectories(1, 2, 4, seedrandom.alea('1')) // e.g. [[[0, 1/3], [2/3, 1/3], [2/3, 1]]]
 */
export function morrisTrajectories(r: number, d: number, levels = 4, rand: () => number): number[][][] {
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new RangeError(`morrisTrajectories: levels must be an even integer of at least 2, got ${levels}`);
  }
  const half = levels / 2;
  const trajectories: number[][][] = [];
  for (let t = 0; t < r; t++) {
    // Work in level indices so every point is exactly k / (levels − 1).
    const start = new Array<number>(d);
    const step = new Array<number>(d);
    for (let j = 0; j < d; j++) {
      const base = Math.min(half - 1, Math.floor(rand() * half));
      const up = rand() < 0.5;
      start[j] = up ? base : base + half;
      step[j] = up ? half : -half;
    }
    const order = Array.from({ length: d }, (_, j) => j);
    for (let i = d - 1; i > 0; i--) {
      const k = Math.min(i, Math.floor(rand() * (i + 1)));
      [order[i], order[k]] = [order[k], order[i]];
    }
    const at = start.slice();
    const points = [at.map((k) => k / (levels - 1))];
    for (const j of order) {
      at[j] += step[j];
      points.push(at.map((k) => k / (levels - 1)));
    }
    trajectories.push(points);
  }
  return trajectories;
}
