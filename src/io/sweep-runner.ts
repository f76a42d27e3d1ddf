import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { ScenarioError, UserError } from '../cli/errors.ts';
import { resolveScenario } from '../scenario/resolve-scenario.ts';
import { applySet } from '../scenario/set-path.ts';
import { compileModel } from '../engine/model.ts';
import { simulate } from '../engine/simulate.ts';
import { summaryMetrics } from '../engine/summarize-run.ts';
import { parseDate, stepIndex } from '../scenario/calendar.ts';
import { runPoints, type SweepTask, type TaskResult } from '../sweep/run-points.ts';
import { planSweep, pointAssignments, resolveFactors, runSeed, type SweepPlan, type SweepPoint } from '../sweep/sweep-plan.ts';
import type { LoadedSweep } from './load-sweep-spec.ts';
import { packageRoot } from './package-root.ts';
import { canonicalJson, PACKAGE_VERSION, sha256 } from './run-files.ts';
import { SweepStore } from './sweep-store.ts';

export const STORE_FILE = 'sweep.duckdb';
const TASK_RUNS = 64;

export interface SweepProgress {
  done: number;
  total: number;
  skipped: number;
}

export interface SweepOutcome {
  plan: SweepPlan;
  total: number;
  ran: number;
  skipped: number;
  failedPoints: number;
  interrupted: boolean;
  seconds: number;
}

/** What fixes the identity of every run: a spec that changes it cannot resume an existing store. */
export function sweepIdentity(loaded: LoadedSweep, steps: number): Record<string, unknown> {
  const { spec } = loaded;
  return {
    scenario: sha256(canonicalJson(loaded.scenario.document)),
    seed: spec.seed,
    commonRandomNumbers: spec.commonRandomNumbers,
    factors: resolveFactors(spec).map((f) => ({ name: f.name, paths: f.paths })),
    steps,
    design: spec.design.type,
    // A sampled design's points all move when its sample count, ranges or scales change; a grid
    // only gains or loses points, which keep their keys.
    ...(spec.design.type === 'grid' ? {} : { sampling: { samples: spec.design.type === 'sobol' || spec.design.type === 'morris' ? undefined : spec.design.samples, levels: spec.design.levels, factors: spec.factors.map((f) => ({ levels: f.levels, range: f.range, scale: f.scale, integer: f.integer })) } }),
  };
}

/**
 * Runs a sweep into `out`/sweep.duckdb on `workers` threads (0: in this thread). Runs already in
 * the store are skipped, so the same command resumes an interrupted sweep. Results are written by
 * task, each in one transaction. `signal` stops it cleanly: no new tasks, the running ones finish
 * and are stored.
 */
export async function runSweep(
  loaded: LoadedSweep,
  options: { out: string; workers?: number; fresh?: boolean; signal?: AbortSignal; onProgress?: (p: SweepProgress) => void },
): Promise<SweepOutcome> {
  const started = performance.now();
  const { spec } = loaded;
  const scenario = loaded.scenario.scenario!;
  let steps = scenario.calendar.steps;
  if (spec.until !== undefined) {
    const d = parseDate(spec.until);
    if (!d) throw new UserError('USAGE', `until: expected a date YYYY-MM, found "${spec.until}"`);
    const last = stepIndex(scenario.calendar, d);
    if (last < 0 || last >= scenario.calendar.steps) throw new UserError('USAGE', `until: ${spec.until} is outside the scenario's calendar (${scenario.document.calendar.start} to ${scenario.document.calendar.end})`);
    steps = last + 1;
  }
  const plan = planSweep(spec);
  if (plan.points.length === 0) throw new UserError('USAGE', 'the design has no points');
  // A misspelt factor path would make every point fail: try the first point before anything runs.
  let probe: unknown = loaded.scenario.document;
  for (const assignment of pointAssignments({ ...spec, set: [] }, plan.factors, plan.points[0])) {
    const r = applySet(probe, assignment);
    if (r.issues.length) throw new ScenarioError(r.issues);
    probe = r.doc;
  }
  const probed = resolveScenario(probe);
  if (!probed.scenario) throw new ScenarioError(probed.issues.map((i) => ({ ...i, file: `factor values of the first point (${plan.points[0].key})` })));
  // One step of the base scenario names the series and metrics a run has.
  const sample = simulate(compileModel(scenario, 1), { seed: 1, ledger: false });
  for (const name of spec.series) {
    if (!(name in sample.series.columns)) {
      throw new UserError('USAGE', `series: "${name}" is not a series of this scenario`, 'see the columns of series.csv from `detente run`');
    }
  }
  const metrics = Object.keys(summaryMetrics(sample.summary));
  const wanted = spec.metrics ?? metrics;
  const unknown = wanted.filter((m) => !metrics.includes(m));
  if (unknown.length) throw new UserError('USAGE', `metrics: unknown ${unknown.map((m) => `"${m}"`).join(', ')}`, `known metrics: ${metrics.join(', ')}`);

  mkdirSync(options.out, { recursive: true });
  const file = join(options.out, STORE_FILE);
  const identity = canonicalJson(sweepIdentity(loaded, steps));
  if (existsSync(file) && options.fresh) {
    let k = 1;
    while (existsSync(`${file}.previous-${k}`)) k++;
    renameSync(file, `${file}.previous-${k}`);
    // committed runs not yet checkpointed live in the write-ahead log: it must travel with the store
    if (existsSync(`${file}.wal`)) renameSync(`${file}.wal`, `${file}.previous-${k}.wal`);
  }
  const store = await SweepStore.open(file, plan, wanted);
  try {
    const meta = await store.getMeta();
    if (meta.identity && meta.identity !== identity) {
      throw new UserError(
        'SWEEP_CHANGED',
        `${file} holds a sweep whose runs this spec would change (scenario, seed, common random numbers, factors, design or its sampling, or length differ)`,
        'run with --new to keep the old store as sweep.duckdb.previous-N and start afresh, or use another --out',
      );
    }
    await store.setMeta({ identity, spec: loaded.specText, specHash: sha256(loaded.specText), scenarioHash: sha256(canonicalJson(loaded.scenario.document)), version: PACKAGE_VERSION, factors: JSON.stringify(plan.factors.map((f) => ({ name: f.name, paths: f.paths }))), replications: String(spec.replications), design: spec.design.type, series: JSON.stringify(spec.series), steps: String(steps) });

    const counts = await store.runCounts();
    const total = plan.points.length * plan.replications;
    let skipped = 0;
    const todo: { point: SweepPoint; replicates: number[] }[] = [];
    for (const point of plan.points) {
      const have = counts.get(point.key) ?? 0;
      skipped += Math.min(have, plan.replications);
      if (have < plan.replications) todo.push({ point, replicates: Array.from({ length: plan.replications - have }, (_, k) => have + k) });
    }
    const replicatesOf = new Map(todo.map((t) => [t.point.index, t.replicates]));
    const progress = { done: skipped, total, skipped };
    options.onProgress?.(progress);

    const tasks = (function* (): Generator<{ task: SweepTask; points: SweepPoint[] }> {
      let batch: typeof todo = [];
      let runs = 0;
      const emit = () => ({
        points: batch.map((b) => b.point),
        task: {
          files: loaded.files,
          entry: loaded.entry,
          steps,
          // bands need every replicate of a point in one task; a partly stored point gets none
          series: spec.series,
          points: batch.map((b) => ({ index: b.point.index, key: b.point.key, sets: pointAssignments(spec, plan.factors, b.point), seeds: b.replicates.map((r) => runSeed(spec, b.point, r)) })),
        },
      });
      for (const item of todo) {
        batch.push(item);
        runs += item.replicates.length;
        if (runs >= TASK_RUNS) {
          yield emit();
          batch = [];
          runs = 0;
        }
      }
      if (batch.length) yield emit();
    })();

    let ran = 0;
    let failedPoints = 0;
    const store_ = store;
    const save = async (points: SweepPoint[], result: TaskResult, task: SweepTask) => {
      // replicate numbers come back 0-based per task; map them to the replicates this task ran
      const runs = result.runs.map((r) => ({ ...r, replicate: replicatesOf.get(r.point)![r.replicate] }));
      const partial = new Set(task.points.filter((p) => (counts.get(p.key) ?? 0) > 0).map((p) => p.index));
      await store_.write(points, runs, result.bands.filter((b) => !partial.has(b.point)), result.failed);
      ran += runs.length;
      failedPoints += result.failed.length;
      progress.done += runs.length + result.failed.reduce((n, f) => n + replicatesOf.get(f.point)!.length, 0);
      options.onProgress?.(progress);
    };

    const workers = options.workers ?? availableParallelism();
    if (workers === 0) {
      for (const { task, points } of tasks) {
        if (options.signal?.aborted) break;
        await save(points, runPoints(task), task);
      }
    } else {
      const pool = new Piscina({ filename: join(packageRoot(), 'dist', 'sweep-worker.js'), minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
      try {
        let writing: Promise<void> = Promise.resolve();
        const inFlight = new Set<Promise<void>>();
        for (const { task, points } of tasks) {
          if (options.signal?.aborted) break;
          const job = pool.run(task).then((result: TaskResult) => {
            writing = writing.then(() => save(points, result, task));
            return writing;
          });
          inFlight.add(job);
          void job.finally(() => inFlight.delete(job));
          if (inFlight.size >= workers * 2) await Promise.race(inFlight);
        }
        await Promise.all(inFlight);
        await writing;
      } finally {
        await pool.destroy();
      }
    }
    return { plan, total, ran, skipped, failedPoints, interrupted: options.signal?.aborted ?? false, seconds: (performance.now() - started) / 1000 };
  } finally {
    store.close();
  }
}
