// The largest double below 1: a jitter of almost 1 in the top stratum can round (k + u) / n up
// to 1, which would leave the half-open cube.
const BELOW_ONE = 1 - 2 ** -53;

/**
 * Returns n points in [0, 1)^d that hit each of the n equal strata [k/n, (k+1)/n) of every
 * dimension exactly once: each dimension pairs a random permutation of the strata with a uniform
 * jitter inside each stratum (McKay, Beckman & Conover 1979). For each dimension in turn it draws
 * n − 1 numbers for a Fisher–Yates shuffle, then n jitters, so a seed fixes the design.
 * n = 0 gives [].
 *
 *   latinHypercube(4, 2, seedrandom.alea('7')) // e.g. [[0.61, 0.12], [0.08, 0.93], …]
 */
export function latinHypercube(n: number, d: number, rand: () => number): number[][] {
  const rows = Array.from({ length: n }, () => new Array<number>(d));
  const strata = new Array<number>(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) strata[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const k = Math.min(i, Math.floor(rand() * (i + 1)));
      [strata[i], strata[k]] = [strata[k], strata[i]];
    }
    for (let i = 0; i < n; i++) rows[i][j] = Math.min(BELOW_ONE, (strata[i] + rand()) / n);
  }
  return rows;
}
