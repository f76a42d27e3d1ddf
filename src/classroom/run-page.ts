import { compileModel } from '../engine/model.ts';
import { replicate } from '../engine/replicate.ts';
import type { EventLogEntry } from '../engine/run.ts';
import { simulate } from '../engine/simulate.ts';
import type { RunSummary } from '../engine/summarize-run.ts';
import type { ScenarioIssue } from '../scenario/issues.ts';
import { BandCollector, type Bands } from '../stats/quantile-bands.ts';
import { summarizeReplications } from '../stats/summarize-replications.ts';
import { composeBundle, type ClassroomBundle } from './classroom-bundle.ts';

/** One run as the page shows it: the same summary and series as `detente run` writes. */
export interface PageRun {
  seed: number;
  summary: RunSummary;
  dates: string[];
  columns: Record<string, Float64Array>;
  log: EventLogEntry[];
}

/** Replications as the page's fan shows them: per-step quantile bands and outcome shares. */
export interface PageReplications {
  runs: number;
  seed: number;
  /** column → bands, for each state's hostility, `trackI` and `trackII` */
  bands: Record<string, Bands>;
  outcomes: Record<string, number>;
}

/**
 * Runs the bundle's scenario with extra `--set` assignments from a seed, through the same
 * compose → resolve → compileModel → simulate path as `detente run`. Returns the scenario's
 * issues instead when the assignments make it invalid.
 */
export function runPage(bundle: ClassroomBundle, sets: readonly string[], seed: number): { run?: PageRun; issues: ScenarioIssue[] } {
  const { scenario, issues } = composeBundle(bundle, sets);
  if (!scenario || issues.length > 0) return { issues };
  // The ledger stays on: the summary's cost per unit of trust gained is read from it.
  const result = simulate(compileModel(scenario), { seed });
  const { dates, columns } = result.series;
  return { run: { seed, summary: result.summary, dates, columns, log: result.log }, issues: [] };
}

/**
 * Runs `runs` replications as `detente run --runs` does (replicate r from replicateSeed(seed, r))
 * and returns the 5–95% bands of hostility and both tracks' trust; `onProgress` sees each one done.
 */
export function replicatePage(
  bundle: ClassroomBundle,
  sets: readonly string[],
  seed: number,
  runs: number,
  onProgress?: (done: number) => void,
): { replications?: PageReplications; issues: ScenarioIssue[] } {
  const { scenario, issues } = composeBundle(bundle, sets);
  if (!scenario || issues.length > 0) return { issues };
  const model = compileModel(scenario);
  const columns = [...scenario.states.map((s) => `hostility:${s.id}`), 'trackI', 'trackII'];
  const collectors = new Map(columns.map((c) => [c, new BandCollector(model.steps, runs)]));
  const { rows } = replicate(model, seed, runs, undefined, (r, series) => {
    for (const [c, collector] of collectors) collector.add(series.columns[c]);
    onProgress?.(r + 1);
  });
  const bands = Object.fromEntries([...collectors].map(([c, k]) => [c, k.bands()]));
  return { replications: { runs, seed, bands, outcomes: summarizeReplications(rows).outcomes }, issues: [] };
}
