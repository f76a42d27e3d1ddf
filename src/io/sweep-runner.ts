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
import { runPoints, type TaskResult } from '../sweep/run-points.ts';
import { batchSize, batchTask, pendingRuns, sweepBatches, type BatchPoint, type SweepContext } from '../sweep/sweep-batches.ts';
import { partFileName, shardRuns, type Shard } from '../sweep/shard.ts';
import { planSweep, pointAssignments, resolveFactors, type SweepPlan } from '../sweep/sweep-plan.ts';
import type { LoadedSweep } from './load-sweep-spec.ts';
import { packageRoot } from './package-root.ts';
import { canonicalJson, PACKAGE_VERSION, sha256 } from './run-files.ts';
import { SweepStore } from './sweep-store.ts';

export const STORE_FILE = 'sweep.duckdb';
/** Runs per batch by default: enough that a worker spends its time running, not exchanging data. */
export const BATCH_RUNS = 64;

export interface SweepProgress {
  done: number;
  total: number;
  skipped: number;
}

export interface SweepOutcome {
  plan: SweepPlan;
  /** the store written: sweep.duckdb, or a shard's part file */
  file: string;
  total: number;
  ran: number;
  skipped: number;
  failedPoints: number;
  interrupted: boolean;
  seconds: number;
}

/** A checked sweep: its plan, run length, kept metrics and the identity its store must match. */
export interface PreparedSweep {
  loaded: LoadedSweep;
  plan: SweepPlan;
  steps: number;
  metrics: string[];
  identity: string;
  /** names exactly the planned runs and what fixes their results: parts of one sweep share it */
  hash: string;
  context: SweepContext;
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
 * Checks a sweep before anything runs: its length, that the first point's assignments make a
 * valid scenario (a misspelt factor path would fail every point), and its series and metrics.
 */
export function prepareSweep(loaded: LoadedSweep): PreparedSweep {
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
  let probe: unknown = loaded.scenario.document;
  for (const assignment of pointAssignments({ ...spec, set: [] }, plan.factors, plan.points[0])) {
    const r = applySet(probe, assignment);
    if (r.issues.length) throw new ScenarioError(r.issues);
    probe = r.doc;
  }
  const probed = resolveScenario(probe, {}, loaded.limits);
  if (!probed.scenario) throw new ScenarioError(probed.issues.map((i) => ({ ...i, file: `factor values of the first point (${plan.points[0].key})` })));
  // One run of the base scenario names the series and metrics a run has.
  const sample = simulate(compileModel(scenario, 1), { seed: 1, ledger: false });
  for (const name of spec.series) {
    if (!(name in sample.series.columns)) {
      throw new UserError('USAGE', `series: "${name}" is not a series of this scenario`, 'see the columns of series.csv from `detente run`');
    }
  }
  const known = Object.keys(summaryMetrics(sample.summary));
  const metrics = spec.metrics ?? known;
  const unknown = metrics.filter((m) => !known.includes(m));
  if (unknown.length) throw new UserError('USAGE', `metrics: unknown ${unknown.map((m) => `"${m}"`).join(', ')}`, `known metrics: ${known.join(', ')}`);
  const identity = canonicalJson(sweepIdentity(loaded, steps));
  const hash = sha256(canonicalJson({ identity, metrics, series: spec.series, replications: plan.replications, points: plan.points.map((p) => p.key), version: PACKAGE_VERSION }));
  return { loaded, plan, steps, metrics, identity, hash, context: { files: loaded.files, entry: loaded.entry, steps, series: spec.series, ...(loaded.limits ? { limits: loaded.limits } : {}) } };
}

/**
 * Opens the store at `file` for a prepared sweep: refuses one whose runs this spec would change,
 * and with `fresh` first moves an existing one aside. Records the spec and `meta` in it.
 */
export async function openSweepStore(file: string, prepared: PreparedSweep, options: { fresh?: boolean; meta?: Record<string, string> } = {}): Promise<SweepStore> {
  const { loaded, plan } = prepared;
  if (existsSync(file) && options.fresh) {
    let k = 1;
    while (existsSync(`${file}.previous-${k}`)) k++;
    renameSync(file, `${file}.previous-${k}`);
    // committed runs not yet checkpointed live in the write-ahead log: it must travel with the store
    if (existsSync(`${file}.wal`)) renameSync(`${file}.wal`, `${file}.previous-${k}.wal`);
  }
  const store = await SweepStore.open(file, plan, prepared.metrics);
  try {
    const meta = await store.getMeta();
    if (meta.identity && meta.identity !== prepared.identity) {
      throw new UserError(
        'SWEEP_CHANGED',
        `${file} holds a sweep whose runs this spec would change (scenario, seed, common random numbers, factors, design or its sampling, or length differ)`,
        'run with --new to keep the old store as sweep.duckdb.previous-N and start afresh, or use another --out',
      );
    }
    const { spec } = loaded;
    await store.setMeta({ identity: prepared.identity, sweepHash: prepared.hash, spec: loaded.specText, specHash: sha256(loaded.specText), scenarioHash: sha256(canonicalJson(loaded.scenario.document)), version: PACKAGE_VERSION, factors: JSON.stringify(plan.factors.map((f) => ({ name: f.name, paths: f.paths }))), replications: String(spec.replications), design: spec.design.type, series: JSON.stringify(spec.series), steps: String(prepared.steps), points: String(plan.points.length), ...options.meta });
    return store;
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * Runs a sweep into `out`/sweep.duckdb on `workers` threads (0: in this thread). Runs already in
 * the store are skipped, so the same command resumes an interrupted sweep. Results are written by
 * batch, each in one transaction. `signal` stops it cleanly: no new batches, the running ones
 * finish and are stored. With `shard` it runs only that shard's runs, into a part file.
 */
export async function runSweep(
  loaded: LoadedSweep,
  options: { out: string; workers?: number; fresh?: boolean; signal?: AbortSignal; onProgress?: (p: SweepProgress) => void; shard?: Shard; batchRuns?: number },
): Promise<SweepOutcome> {
  const started = performance.now();
  const prepared = prepareSweep(loaded);
  const { plan } = prepared;
  mkdirSync(options.out, { recursive: true });
  const file = join(options.out, options.shard ? partFileName(options.shard) : STORE_FILE);
  const store = await openSweepStore(file, prepared, { ...(options.fresh ? { fresh: true } : {}), ...(options.shard ? { meta: { shard: `${options.shard.index}/${options.shard.count}` } } : {}) });
  try {
    const only = options.shard ? shardRuns(plan.points.length, plan.replications, options.shard) : undefined;
    const total = only ? only.reduce((n, p) => n + p.replicates.length, 0) : plan.points.length * plan.replications;
    const pending = pendingRuns(plan, await store.storedReplicates(), only);
    const skipped = total - pending.reduce((n, p) => n + p.replicates.length, 0);
    const progress = { done: skipped, total, skipped };
    options.onProgress?.(progress);

    let ran = 0;
    let failedPoints = 0;
    const save = async (batch: BatchPoint[], result: TaskResult) => {
      const n = await store.writeBatch(plan, batch, result);
      ran += n.runs;
      failedPoints += result.failed.length;
      progress.done += n.runs + n.failedRuns;
      options.onProgress?.(progress);
    };
    const batches = sweepBatches(loaded.spec, plan, pending, options.batchRuns ?? BATCH_RUNS);
    const workers = options.workers ?? availableParallelism();
    if (workers === 0) {
      for (const batch of batches) {
        if (options.signal?.aborted) break;
        await save(batch, runPoints(batchTask(prepared.context, batch)));
      }
    } else {
      const pool = new Piscina({ filename: sweepWorkerFile(), minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
      try {
        let writing: Promise<void> = Promise.resolve();
        const inFlight = new Set<Promise<void>>();
        for (const batch of batches) {
          if (options.signal?.aborted) break;
          const job = pool.run(batchTask(prepared.context, batch)).then((result: TaskResult) => {
            writing = writing.then(() => save(batch, result));
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
    return { plan, file, total, ran, skipped, failedPoints, interrupted: options.signal?.aborted ?? false, seconds: (performance.now() - started) / 1000 };
  } finally {
    store.close();
  }
}

/** The bundled worker-thread entry that piscina loads. */
export const sweepWorkerFile = () => join(packageRoot(), 'dist', 'sweep-worker.js');

export { batchSize };
