import quantileT from '@stdlib/stats-base-dists-t-quantile';
import { renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OUTCOMES } from '../engine/summarize-run.ts';
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

/** Per point: mean, sd and 95% t-interval of each metric, and the share of each outcome class, computed in DuckDB. */
export async function summarizePoints(store: SweepStore, factors: string[]): Promise<PointSummary[]> {
  const m = store.metrics;
  const select = [
    'p.point_key', 'p.point_index', 'p.role', ...factors.map((f) => `p.${ident(f)}`), 'count(*) as runs',
    ...m.flatMap((x) => [`avg(r.${ident(x)}) as ${ident(`mean:${x}`)}`, `stddev_samp(r.${ident(x)}) as ${ident(`sd:${x}`)}`]),
    ...OUTCOMES.map((o) => `avg(case when r.outcome = '${o}' then 1.0 else 0.0 end) as ${ident(`p:${o}`)}`),
  ];
  const sql = `select ${select.join(', ')} from runs r join points p using (point_key) group by all order by p.point_index`;
  const rows = (await store.connection.runAndReadAll(sql)).getRowObjects();
  return rows.map((row) => {
    const n = Number(row.runs);
    const t = n > 1 ? quantileT(0.975, n - 1) : NaN;
    const metrics: PointSummary['metrics'] = {};
    for (const x of m) {
      const mean = row[`mean:${x}`] === null ? NaN : Number(row[`mean:${x}`]);
      const sd = row[`sd:${x}`] === null ? NaN : Number(row[`sd:${x}`]);
      const half = t * (sd / Math.sqrt(n));
      metrics[x] = { mean, sd, low: mean - half, high: mean + half };
    }
    return {
      point_key: String(row.point_key),
      point_index: Number(row.point_index),
      role: String(row.role),
      factors: Object.fromEntries(factors.map((f) => [f, Number(row[f])])),
      runs: n,
      metrics,
      outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, Number(row[`p:${o}`])])),
    };
  });
}

/** Exports runs joined with their points' factor values as Parquet or CSV, with DuckDB's COPY. */
export async function exportRuns(store: SweepStore, file: string, format: 'parquet' | 'csv'): Promise<number> {
  const temp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}`);
  const escaped = temp.replace(/'/g, "''");
  await store.connection.run(`copy (select r.*, p.* exclude (point_key) from runs r join points p using (point_key) order by p.point_index, r.replicate) to '${escaped}' (format ${format}${format === 'csv' ? ', header true' : ''})`);
  renameSync(temp, file);
  return store.runCount();
}
