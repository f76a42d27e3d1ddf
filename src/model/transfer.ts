/**
 * Returns the change in an official's trust T pulled by Track II views (bounded confidence,
 * Deffuant et al. 2000). A view v with weight w pulls by w·(v − T) when |v − T| < epsilon;
 * beyond the bound it pushes away by backlash·w·(v − T). The pulls are divided by their total
 * weight when it exceeds 1, so one step never overshoots the views.
 */
export function transferDelta(
  trust: number,
  views: Float64Array,
  weights: Float64Array,
  count: number,
  epsilon: number,
  backlash: number,
): number {
  let pull = 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const gap = views[i] - trust;
    const w = weights[i];
    if (Math.abs(gap) < epsilon) {
      pull += w * gap;
      total += w;
    } else if (backlash > 0) {
      pull -= backlash * w * gap;
      total += backlash * w;
    }
  }
  if (total === 0) return 0;
  const delta = pull / Math.max(1, total);
  const next = Math.min(1, Math.max(0, trust + delta));
  return next - trust;
}

/**
 * Track II views sorted ascending, with prefix sums of the weights and weighted views, so that the
 * views within epsilon of a trust value are one contiguous run found by two binary searches:
 * transferDeltaSorted is O(log K) per official pair instead of O(K).
 */
export interface SortedViews {
  count: number;
  order: Int32Array;
  views: Float64Array;
  weightSum: Float64Array;
  weightedViewSum: Float64Array;
}

export function createSortedViews(capacity: number): SortedViews {
  return {
    count: 0,
    order: new Int32Array(capacity),
    views: new Float64Array(capacity),
    weightSum: new Float64Array(capacity + 1),
    weightedViewSum: new Float64Array(capacity + 1),
  };
}

/**
 * Fills `into` from the first `count` views and weights. Views move little from one step to the next,
 * so the previous order (kept in `into.order` when the count is unchanged) is repaired by insertion
 * sort, in time close to O(K); a badly shuffled order falls back to a full sort.
 */
export function sortViews(views: Float64Array, weights: Float64Array, count: number, into: SortedViews): void {
  const order = into.order;
  if (into.count !== count) for (let k = 0; k < count; k++) order[k] = k;
  let moves = 0;
  const budget = 8 * count + 64;
  for (let k = 1; k < count && moves <= budget; k++) {
    const x = order[k];
    const v = views[x];
    let m = k - 1;
    // ordered by view, ties by index, so the result does not depend on the previous order
    while (m >= 0 && (v < views[order[m]] || (v === views[order[m]] && x < order[m]))) {
      order[m + 1] = order[m];
      m--;
      moves++;
    }
    order[m + 1] = x;
  }
  if (moves > budget) order.subarray(0, count).sort((a, b) => views[a] - views[b] || a - b);
  into.count = count;
  for (let k = 0; k < count; k++) {
    const v = views[order[k]];
    const w = weights[order[k]];
    into.views[k] = v;
    into.weightSum[k + 1] = into.weightSum[k] + w;
    into.weightedViewSum[k + 1] = into.weightedViewSum[k] + w * v;
  }
}

/** The same change as transferDelta, from sorted views. */
export function transferDeltaSorted(trust: number, sorted: SortedViews, epsilon: number, backlash: number): number {
  const { count, views, weightSum, weightedViewSum } = sorted;
  // |v − T| < epsilon holds from the first view with v − T > −epsilon up to the first with v − T ≥ epsilon.
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (views[mid] - trust > -epsilon) hi = mid;
    else lo = mid + 1;
  }
  const first = lo;
  hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (views[mid] - trust < epsilon) lo = mid + 1;
    else hi = mid;
  }
  const inWeight = weightSum[lo] - weightSum[first];
  const inWeighted = weightedViewSum[lo] - weightedViewSum[first];
  let pull = inWeighted - trust * inWeight;
  let total = inWeight;
  if (backlash > 0) {
    const outWeight = weightSum[count] - inWeight;
    const outWeighted = weightedViewSum[count] - inWeighted;
    pull -= backlash * (outWeighted - trust * outWeight);
    total += backlash * outWeight;
  }
  if (total === 0) return 0;
  const delta = pull / Math.max(1, total);
  const next = Math.min(1, Math.max(0, trust + delta));
  return next - trust;
}
