import { renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OUTCOMES } from '../engine/summarize-run.ts';
import { describeSample } from '../stats/describe-sample.ts';
import type { SweepPlan } from '../sweep/sweep-plan.ts';
import { ident, type SweepStore } from './sweep-store.ts';

export interface PointSummary {
  point_key: string;
  point_index: number;
  role: string;
  factors: Record<string, number>;
  runs: number;
  metrics: Record<string, { mean: number; sd: number; low: number; high: number }>;
  outcomes: Record<string, number>;
}

/**
 * Puts the plan's points (key, index) into the temporary table `planned`, so that queries keep
 * only the planned runs: points of the current plan, replicate below its replications.
 */
async function planTable(store: SweepStore, plan: SweepPlan): Promise<void> {
  const c = store.connection;
  await c.run('create or replace temp table planned (point_key varchar primary key, point_index integer)');
  const appender = await c.createAppender('planned', 'main', 'temp');
  try {
    for (const p of plan.points) {
      appender.appendVarchar(p.key);
      appender.appendInteger(p.index);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** The join and condition that keep only a plan's runs (`r`: runs, `pl`: the planned table, `p`: points). */
const plannedRuns = (plan: SweepPlan, withPoints = false) =>
  `runs r join temp.main.planned pl using (point_key)${withPoints ? ' join points p using (point_key)' : ''} where r.replicate >= 0 and r.replicate < ${Math.trunc(plan.replications)}`;

/** Counts the stored runs that are not planned runs of `plan` (call after `planTable`). */
async function outsidePlan(store: SweepStore, plan: SweepPlan): Promise<number> {
  const n = (await store.connection.runAndReadAll(`select count(*) as n from ${plannedRuns(plan)}`)).getRowObjects()[0].n;
  return (await store.runCount()) - Number(n);
}

/**
 * Per point of `plan`: mean, sd and 95% t-interval of each metric, and the share of each outcome
 * class, over the point's planned runs (replicate below the plan's replications). Runs are read in
 * point-then-replicate order and summed in that order, so the result does not depend on the order
 * the rows sit in the store (and so on worker count, shard split or merge order). `outside` counts
 * stored runs not in the plan, which are left out.
 */
export async function summarizePoints(store: SweepStore, factors: string[], plan: SweepPlan): Promise<{ points: PointSummary[]; outside: number }> {
  const m = store.metrics;
  await planTable(store, plan);
  const sql = `select pl.point_index, r.outcome, ${m.map((x) => `r.${ident(x)}`).join(', ')} from ${plannedRuns(plan)} order by pl.point_index, r.replicate`;
  const result = await store.connection.stream(sql);
  const points: PointSummary[] = [];
  let current = -1;
  let values: number[][] = [];
  let outcomes: string[] = [];
  const flush = () => {
    if (current < 0) return;
    const point = plan.points[current];
    const n = outcomes.length;
    const metrics: PointSummary['metrics'] = {};
    m.forEach((x, j) => {
      const s = describeSample(values[j]);
      metrics[x] = { mean: s.mean, sd: s.sd, low: s.ci95[0], high: s.ci95[1] };
    });
    points.push({
      point_key: point.key,
      point_index: point.index,
      role: point.role,
      factors: Object.fromEntries(factors.map((f) => [f, point.values[plan.factors.findIndex((g) => g.name === f)]])),
      runs: n,
      metrics,
      outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, outcomes.filter((x) => x === o).length / n])),
    });
  };
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    for (const row of chunk.getRows()) {
      const index = Number(row[0]);
      if (index !== current) {
        flush();
        current = index;
        values = m.map(() => []);
        outcomes = [];
      }
      outcomes.push(String(row[1]));
      m.forEach((_, j) => values[j].push(row[2 + j] === null ? NaN : Number(row[2 + j])));
    }
  }
  flush();
  return { points, outside: await outsidePlan(store, plan) };
}

/**
 * Exports the planned runs of `plan` joined with their points' factor values as Parquet or CSV,
 * with DuckDB's COPY, ordered by point and replicate. `outside` counts stored runs not in the plan,
 * which are left out.
 */
export async function exportRuns(store: SweepStore, file: string, format: 'parquet' | 'csv', plan: SweepPlan): Promise<{ runs: number; outside: number }> {
  const temp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}`);
  const escaped = temp.replace(/'/g, "''");
  await planTable(store, plan);
  await store.connection.run(`copy (select r.*, pl.point_index, p.role, p.* exclude (point_key, point_index, role) from ${plannedRuns(plan, true)} order by pl.point_index, r.replicate) to '${escaped}' (format ${format}${format === 'csv' ? ', header true' : ''})`);
  renameSync(temp, file);
  const outside = await outsidePlan(store, plan);
  return { runs: (await store.runCount()) - outside, outside };
}
