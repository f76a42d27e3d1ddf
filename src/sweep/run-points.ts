import { compileModel } from '../engine/model.ts';
import { simulate } from '../engine/simulate.ts';
import { summaryMetrics } from '../engine/summarize-run.ts';
import { composeScenario } from '../scenario/compose-scenario.ts';
import { formatPath, type ScenarioIssue } from '../scenario/issues.ts';
import type { Limits } from '../scenario/limits.ts';
import { resolveScenario } from '../scenario/resolve-scenario.ts';
import { applySet } from '../scenario/set-path.ts';
import { BandCollector, type Bands } from '../stats/quantile-bands.ts';

/** A batch of work: some points, each with all its replicates. Plain data, so it crosses to a worker thread. */
export interface SweepTask {
  /** scenario files by name, and the entry's name */
  files: Record<string, string>;
  entry: string;
  steps?: number;
  series: string[];
  points: { index: number; key: string; sets: string[]; seeds: number[] }[];
  /** the size limits the sweep was checked with (`--limit`); the defaults when absent */
  limits?: Partial<Limits>;
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

// A worker runs many tasks of one sweep: parse and merge the scenario files once.
const documents = new Map<string, unknown>();

/** Returns the merged scenario document of a task's files, before any point's assignments. */
function baseDocument(task: SweepTask): unknown {
  const cacheKey = `${task.entry}\u0000${Object.entries(task.files).map(([k, v]) => `${k}\u0000${v.length}\u0000${v}`).join('\u0000')}`;
  let doc = documents.get(cacheKey);
  if (doc === undefined) {
    const read = (name: string) => (name in task.files ? { file: name, text: task.files[name] } : { error: `no file ${name}` });
    doc = composeScenario(task.entry, read).document;
    if (documents.size > 4) documents.clear();
    documents.set(cacheKey, doc);
  }
  return doc;
}

/**
 * Runs every replicate of every point of a task. Series named in `series` are reduced at once to
 * per-step quantiles across the point's replicates, so no series outlives its task.
 */
export function runPoints(task: SweepTask): TaskResult {
  const out: TaskResult = { runs: [], bands: [], failed: [] };
  const base = baseDocument(task);
  for (const point of task.points) {
    let doc = base;
    const problems: ScenarioIssue[] = [];
    for (const assignment of point.sets) {
      const r = applySet(doc, assignment);
      problems.push(...r.issues);
      doc = r.doc;
    }
    const resolved = problems.length ? { issues: problems } : resolveScenario(doc, {}, task.limits);
    if (!resolved.scenario) {
      const first = resolved.issues[0];
      out.failed.push({ point: point.index, message: `${first.file ?? ''} ${formatPath(first.path)}: ${first.message}`.trim() });
      continue;
    }
    const model = compileModel(resolved.scenario, task.steps);
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
