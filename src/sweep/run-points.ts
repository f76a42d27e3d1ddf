import { compileModel } from '../engine/model.ts';
import { simulate } from '../engine/simulate.ts';
import { summaryMetrics } from '../engine/summarize-run.ts';
import { composeScenario } from '../scenario/compose-scenario.ts';
import { formatPath } from '../scenario/issues.ts';
import { BandCollector, type Bands } from '../stats/quantile-bands.ts';

/** A batch of work: some points, each with all its replicates. Plain data, so it crosses to a worker thread. */
export interface SweepTask {
  /** scenario files by name, and the entry's name */
  files: Record<string, string>;
  entry: string;
  steps?: number;
  series: string[];
  points: { index: number; key: string; sets: string[]; seeds: number[] }[];
}

export interface RunRow {
  point: number;
  replicate: number;
  seed: number;
  outcome: string;
  metrics: Record<string, number>;
}

export interface PointBands {
  point: number;
  series: string;
  bands: Bands;
}

export interface TaskResult {
  runs: RunRow[];
  bands: PointBands[];
  /** points whose assignments made an invalid scenario, with the first problem */
  failed: { point: number; message: string }[];
}

/**
 * Runs every replicate of every point of a task. Series named in `series` are reduced at once to
 * per-step quantiles across the point's replicates, so no series outlives its task.
 */
export function runPoints(task: SweepTask): TaskResult {
  const out: TaskResult = { runs: [], bands: [], failed: [] };
  const read = (name: string) => (name in task.files ? { file: name, text: task.files[name] } : { error: `no file ${name}` });
  for (const point of task.points) {
    const loaded = composeScenario(task.entry, read, point.sets);
    if (!loaded.scenario) {
      const first = loaded.issues[0];
      out.failed.push({ point: point.index, message: `${first.file ?? ''} ${formatPath(first.path)}: ${first.message}`.trim() });
      continue;
    }
    const model = compileModel(loaded.scenario, task.steps);
    const collectors = task.series.map(() => new BandCollector(model.steps, point.seeds.length));
    point.seeds.forEach((seed, replicate) => {
      const result = simulate(model, { seed, ledger: false });
      task.series.forEach((name, k) => collectors[k].add(result.series.columns[name]));
      out.runs.push({ point: point.index, replicate, seed, outcome: result.summary.outcome, metrics: summaryMetrics(result.summary) });
    });
    task.series.forEach((name, k) => out.bands.push({ point: point.index, series: name, bands: collectors[k].bands() }));
  }
  return out;
}
