import quantileT from '@stdlib/stats-base-dists-t-quantile';
import { mean, std } from 'mathjs';

/** Mean, standard deviation and a 95% t-interval of the mean of a sample. */
export interface SampleSummary {
  n: number;
  mean: number;
  sd: number;
  /** [low, high]; both NaN when n < 2 */
  ci95: [number, number];
}

/** Describes a sample; NaN values (a metric a run does not have) are left out. */
export function describeSample(values: readonly number[]): SampleSummary {
  const xs = values.filter((v) => !Number.isNaN(v));
  const n = xs.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, ci95: [NaN, NaN] };
  const m = Number(mean(xs));
  if (n < 2) return { n, mean: m, sd: NaN, ci95: [NaN, NaN] };
  const sd = Number(std(xs, 'unbiased'));
  const half = quantileT(0.975, n - 1) * (sd / Math.sqrt(n));
  return { n, mean: m, sd, ci95: [m - half, m + half] };
}

/** Describes the paired differences b[i] − a[i] (common random numbers make them low-noise). */
export function describePairedDifference(a: readonly number[], b: readonly number[]): SampleSummary {
  const diffs: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) diffs.push(b[i] - a[i]);
  return describeSample(diffs);
}
