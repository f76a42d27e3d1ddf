import type { SweepTask } from './run-points.ts';
import type { PointRuns } from './shard.ts';
import { pointAssignments, runSeed, type SweepPlan, type SweepPoint } from './sweep-plan.ts';
import type { SweepSpec } from './sweep-spec.ts';
import type { Limits } from '../scenario/limits.ts';

/** What every batch of a sweep shares: the scenario files, run length and series to reduce. */
export interface SweepContext {
  files: Record<string, string>;
  entry: string;
  steps: number;
  series: string[];
  /** the size limits the sweep was checked with, which every run keeps */
  limits?: Partial<Limits>;
}

/** A point of a batch: its assignments, and the seeds of the replicates it runs (same order). */
export interface BatchPoint {
  index: number;
  key: string;
  sets: string[];
  replicates: number[];
  seeds: number[];
}

/** A point with the replicates still to run. */
export interface PendingPoint {
  point: SweepPoint;
  replicates: number[];
}

/**
 * The planned runs not in `stored` (replicates per point key), limited to `only` (a shard's runs)
 * when given.
 */
export function pendingRuns(plan: SweepPlan, stored: ReadonlyMap<string, ReadonlySet<number>>, only?: readonly PointRuns[]): PendingPoint[] {
  const wanted = only ?? plan.points.map((p) => ({ point: p.index, replicates: Array.from({ length: plan.replications }, (_, r) => r) }));
  const out: PendingPoint[] = [];
  for (const { point: index, replicates } of wanted) {
    const point = plan.points[index];
    const have = stored.get(point.key);
    const missing = have ? replicates.filter((r) => !have.has(r)) : replicates;
    if (missing.length) out.push({ point, replicates: missing });
  }
  return out;
}

/**
 * Groups pending points into batches of about `runsPerBatch` runs. A point never spans two
 * batches, so the worker that runs it sees all its replicates and can reduce its series to bands.
 */
export function* sweepBatches(spec: SweepSpec, plan: SweepPlan, pending: readonly PendingPoint[], runsPerBatch: number): Generator<BatchPoint[]> {
  let batch: BatchPoint[] = [];
  let runs = 0;
  for (const { point, replicates } of pending) {
    batch.push({ index: point.index, key: point.key, sets: pointAssignments(spec, plan.factors, point), replicates, seeds: replicates.map((r) => runSeed(spec, point, r)) });
    runs += replicates.length;
    if (runs >= runsPerBatch) {
      yield batch;
      batch = [];
      runs = 0;
    }
  }
  if (batch.length) yield batch;
}

/** The task a worker thread runs for a batch. */
export function batchTask(context: SweepContext, batch: readonly BatchPoint[]): SweepTask {
  return { ...context, points: batch.map((p) => ({ index: p.index, key: p.key, sets: p.sets, seeds: p.seeds })) };
}

/** Counts the runs of a batch. */
export const batchSize = (batch: readonly BatchPoint[]) => batch.reduce((n, p) => n + p.replicates.length, 0);
