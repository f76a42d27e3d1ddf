import type { Model } from './model.ts';
import { replicateSeed } from './rng.ts';
import { simulate, type RunResult, type SimulateOptions } from './simulate.ts';
import { summaryMetrics, type RunSummary } from './summarize-run.ts';

/** One replication's seed, summary and flattened metrics. */
export interface Replicate {
  replicate: number;
  seed: number;
  summary: RunSummary;
  metrics: Record<string, number>;
}

/**
 * Runs R replications of a model. Replicate r uses replicateSeed(seed, r), so replicate r of two
 * variants shares its random streams (common random numbers). Replicate 0 runs with `first`
 * options and its full result is returned when they are given; the others keep only summaries.
 * `onSeries` sees every replicate's series, e.g. to collect quantile bands.
 */
export function replicate(
  model: Model,
  seed: number,
  runs: number,
  first?: Omit<SimulateOptions, 'seed' | 'steps'>,
  onSeries?: (r: number, series: RunResult['series']) => void,
): { rows: Replicate[]; first?: RunResult } {
  const rows: Replicate[] = [];
  let kept: RunResult | undefined;
  for (let r = 0; r < runs; r++) {
    const s = replicateSeed(seed, r);
    const result = simulate(model, r === 0 && first ? { ...first, seed: s } : { seed: s, ledger: false });
    if (r === 0 && first) kept = result;
    onSeries?.(r, result.series);
    rows.push({ replicate: r, seed: s, summary: result.summary, metrics: summaryMetrics(result.summary) });
  }
  return { rows, ...(kept ? { first: kept } : {}) };
}
