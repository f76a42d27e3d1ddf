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
