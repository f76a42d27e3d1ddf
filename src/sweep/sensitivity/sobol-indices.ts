/** First-order and total Sobol indices of one factor, each with a bootstrap interval. */
export interface FactorSobolIndices {
  /** First-order index: the share of output variance due to this factor alone. */
  S1: number;
  S1Low: number;
  S1High: number;
  /** Total index: the share due to this factor with all its interactions. */
  ST: number;
  STLow: number;
  STHigh: number;
}

export interface SobolIndicesOptions {
  /** Uniform numbers in [0, 1) for the bootstrap's resampling. */
  rand: () => number;
  /** Bootstrap resamples; 200 by default, 0 for no intervals (they come out NaN). */
  resamples?: number;
  /** Coverage of the percentile intervals; 0.95 by default. */
  level?: number;
}

/**
 * Returns, for each factor i, the first-order index S1 (the estimator of Saltelli et al. 2010)
 * and the total index ST (Jansen 1999), estimated from outputs at the rows of a Saltelli design:
 * yA at A, yB at B and yAB[i] at AB[i]. The output variance is that of yA and yB together.
 * Bootstrap percentile intervals resample the n base rows with replacement, each resample
 * drawing n indices from `rand`. Neither estimate is held to [0, 1]: with small n, S1 can come
 * out slightly negative or above ST. A constant output gives NaN throughout.
 *
 *   const indices = sobolIndices(yA, yB, yAB, { rand: seedrandom.alea('1') });
 *   indices[0].ST // e.g. 0.56, within [indices[0].STLow, indices[0].STHigh]
 */
export function sobolIndices(
  yA: ArrayLike<number>,
  yB: ArrayLike<number>,
  yAB: readonly ArrayLike<number>[],
  options: SobolIndicesOptions,
): FactorSobolIndices[] {
  const { rand, resamples = 200, level = 0.95 } = options;
  const n = yA.length;
  const identity = Int32Array.from({ length: n }, (_, k) => k);
  const point = estimate(yA, yB, yAB, identity);
  const S1s = yAB.map(() => [] as number[]);
  const STs = yAB.map(() => [] as number[]);
  const rows = new Int32Array(n);
  for (let b = 0; b < resamples && n > 0; b++) {
    for (let k = 0; k < n; k++) rows[k] = Math.min(n - 1, Math.floor(rand() * n));
    const e = estimate(yA, yB, yAB, rows);
    e.forEach(({ S1, ST }, i) => {
      if (!Number.isNaN(S1)) S1s[i].push(S1);
      if (!Number.isNaN(ST)) STs[i].push(ST);
    });
  }
  const lower = (1 - level) / 2;
  const upper = 1 - lower;
  return point.map(({ S1, ST }, i) => {
    const s1 = S1s[i].sort((x, y) => x - y);
    const st = STs[i].sort((x, y) => x - y);
    return {
      S1,
      S1Low: quantileSorted(s1, lower),
      S1High: quantileSorted(s1, upper),
      ST,
      STLow: quantileSorted(st, lower),
      STHigh: quantileSorted(st, upper),
    };
  });
}

/** Returns S1 and ST of every factor from the base rows listed in `rows` (repeats allowed). */
function estimate(
  yA: ArrayLike<number>,
  yB: ArrayLike<number>,
  yAB: readonly ArrayLike<number>[],
  rows: Int32Array,
): { S1: number; ST: number }[] {
  const n = rows.length;
  let sum = 0;
  for (const k of rows) sum += yA[k] + yB[k];
  const mean = sum / (2 * n);
  let ss = 0;
  for (const k of rows) ss += (yA[k] - mean) ** 2 + (yB[k] - mean) ** 2;
  const variance = ss / (2 * n);
  return yAB.map((yi) => {
    let first = 0;
    let total = 0;
    for (const k of rows) {
      // Centring f(B) leaves the estimator's expectation unchanged (f(AB_i) − f(A) has mean
      // zero) but stops a large output mean from swamping it with noise.
      first += (yB[k] - mean) * (yi[k] - yA[k]);
      total += (yA[k] - yi[k]) ** 2;
    }
    return { S1: first / n / variance, ST: total / (2 * n) / variance };
  });
}

/** Returns the p-quantile of sorted values, interpolating between order statistics; NaN if none. */
function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
